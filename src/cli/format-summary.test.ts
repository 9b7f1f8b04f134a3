import { describe, expect, it } from 'vitest';
import { emptyAsyncSummary } from '../engine/async-summary';
import { PRICES, type FunctionSummary, type RunSummary } from '../engine/summary';
import { formatSummary, formatUsd } from './format-summary';

const counter: FunctionSummary = {
  functionName: 'counter',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memoryMb: 128,
  reservedConcurrency: 5,
  provisionedConcurrency: 0,
  requests: 10,
  invocations: 8,
  coldStarts: 4,
  coldStartShare: 0.5,
  inits: 4,
  environmentsCreated: 4,
  errors: 1,
  timeouts: 0,
  throttles: 2,
  throttlesByReason: { ReservedFunctionConcurrentInvocationLimitExceeded: 2, ConcurrentInvocationLimitExceeded: 0, ScalingRateExceeded: 0 },
  retries: 0,
  async: emptyAsyncSummary(),
  provisionedInvocations: 0,
  spilloverInvocations: 0,
  maxConcurrency: 3,
  durationMs: { p50: 52.25, p90: 61.5, p99: 1200 },
  billedDurationMs: 1234,
  gbSeconds: 0.15425,
  provisionedDurationGbSeconds: 0,
  provisionedGbSeconds: 0,
  costUsd: { requests: 0.0000016, duration: 0.00000257, provisionedDuration: 0, provisionedConcurrency: 0, total: 0.00000417 },
};

const summary: RunSummary = {
  endTimeMs: 428_123.5,
  functions: [counter, { ...counter, functionName: 'a-much-longer-function-name', durationMs: undefined }],
  account: {
    concurrencyLimit: 1000,
    unreservedMinimum: 100,
    scaling: { kind: 'per-function' },
    maxConcurrency: 6,
    throttles: 4,
    throttlesByReason: { ReservedFunctionConcurrentInvocationLimitExceeded: 4, ConcurrentInvocationLimitExceeded: 0, ScalingRateExceeded: 0 },
  },
  async: { queued: 0, succeeded: 0, failed: 0, expired: 0, dropped: 0, retries: 0, throttledAttempts: 0, deadLetterMessages: 0, destinationRecords: 0 },
  targets: [],
  totals: {
    requests: 20,
    invocations: 16,
    coldStarts: 8,
    throttles: 4,
    spilloverInvocations: 0,
    billedDurationMs: 2468,
    gbSeconds: 0.3085,
    provisionedGbSeconds: 0,
    costUsd: { requests: 0.0000032, duration: 0.00000514, provisionedDuration: 0, provisionedConcurrency: 0, total: 0.00000834 },
  },
  pricing: { ...PRICES, initBilled: true, freeTierApplied: false },
};

describe('formatSummary', () => {
  const text = formatSummary(summary, { scenarioName: 'Demo', scenarioPath: 'demo.json', seed: 7 });
  const lines = text.split('\n');

  it('starts with the scenario and the simulated span', () => {
    expect(lines[0]).toBe('Scenario "Demo" (demo.json), seed 7');
    expect(lines[1]).toBe('Simulated 7 min 8.124 s: 20 requests, 16 invocations.');
    expect(lines[2]).toBe(
      'Account: limit 1,000 (100 kept unreserved), scaling 1,000 environments per function per 10 s; max concurrency 6.',
    );
    expect(lines[3]).toBe('Throttled 4 requests: 4 ReservedFunctionConcurrentInvocationLimitExceeded.');
  });

  it('prints one aligned column per function', () => {
    const header = lines[5]!;
    expect(header.trim().split(/\s+/)).toEqual(['counter', 'a-much-longer-function-name']);
    const row = lines.find((line) => line.startsWith('Max concurrency'))!;
    expect(row.length).toBe(header.length);
    expect(row.trim().split(/\s{2,}/)).toEqual(['Max concurrency', '3', '3']);
  });

  it('prints every figure', () => {
    for (const label of ['Invocations', 'Cold starts', 'Errors (incl. timeouts)', 'Timeouts', 'Throttles', 'Retries', 'Spillover invocations', 'Reserved concurrency', 'Duration p50', 'Duration p90', 'Duration p99', 'Billed duration', 'GB-seconds', 'Provisioned GB-seconds', 'Cost']) {
      expect(lines.some((line) => line.startsWith(label))).toBe(true);
    }
    expect(lines.find((line) => line.startsWith('Duration p99'))).toMatch(/1,200 ms\s+-$/);
    expect(lines.find((line) => line.startsWith('Billed duration'))).toContain('1,234 ms');
    expect(lines.find((line) => line.startsWith('Cold starts'))).toContain('4 (50 %)');
    expect(lines.find((line) => line.startsWith('  reserved limit'))?.trim().split(/\s{2,}/)).toEqual(['reserved limit', '2', '2']);
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
