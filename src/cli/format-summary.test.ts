import { describe, expect, it } from 'vitest';
import type { FunctionSummary, RunSummary } from '../engine/summary';
import { formatSummary, formatUsd } from './format-summary';

const counter: FunctionSummary = {
  functionName: 'counter',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memoryMb: 128,
  requests: 8,
  invocations: 8,
  coldStarts: 4,
  inits: 4,
  environmentsCreated: 4,
  errors: 1,
  timeouts: 0,
  throttles: 0,
  retries: 0,
  maxConcurrency: 3,
  durationMs: { p50: 52.25, p90: 61.5, p99: 1200 },
  billedDurationMs: 1234,
  gbSeconds: 0.15425,
  costUsd: { requests: 0.0000016, duration: 0.00000257, total: 0.00000417 },
};

const summary: RunSummary = {
  endTimeMs: 428_123.5,
  functions: [counter, { ...counter, functionName: 'a-much-longer-function-name', durationMs: undefined }],
  totals: { requests: 16, invocations: 16, billedDurationMs: 2468, gbSeconds: 0.3085, costUsd: { requests: 0.0000032, duration: 0.00000514, total: 0.00000834 } },
  pricing: { requestUsdPerMillion: 0.2, gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 }, initBilled: true, freeTierApplied: false },
};

describe('formatSummary', () => {
  const text = formatSummary(summary, { scenarioName: 'Demo', scenarioPath: 'demo.json', seed: 7 });
  const lines = text.split('\n');

  it('starts with the scenario and the simulated span', () => {
    expect(lines[0]).toBe('Scenario "Demo" (demo.json), seed 7');
    expect(lines[1]).toBe('Simulated 7 min 8.124 s: 16 requests, 16 invocations.');
  });

  it('prints one aligned column per function', () => {
    const header = lines[3]!;
    expect(header.trim().split(/\s+/)).toEqual(['counter', 'a-much-longer-function-name']);
    const row = lines.find((line) => line.startsWith('Max concurrency'))!;
    expect(row.length).toBe(header.length);
    expect(row.trim().split(/\s{2,}/)).toEqual(['Max concurrency', '3', '3']);
  });

  it('prints every figure', () => {
    for (const label of ['Invocations', 'Cold starts', 'Errors (incl. timeouts)', 'Timeouts', 'Throttles', 'Retries', 'Duration p50', 'Duration p90', 'Duration p99', 'Billed duration', 'GB-seconds', 'Cost']) {
      expect(lines.some((line) => line.startsWith(label))).toBe(true);
    }
    expect(lines.find((line) => line.startsWith('Duration p99'))).toMatch(/1,200 ms\s+-$/);
    expect(lines.find((line) => line.startsWith('Billed duration'))).toContain('1,234 ms');
  });

  it('states the pricing basis', () => {
    expect(text).toContain('Total cost $0.00000834: requests $0.00000320, duration $0.00000514.');
    expect(text).toContain('without the free tier');
    expect(text).toContain('Init Duration is billed (the rule since 1 August 2025).');
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0'],
    [12.3456, '$12.35'],
    [0.0123, '$0.0123'],
    [0.00000417, '$0.00000417'],
  ])('formats %d as %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });
});
