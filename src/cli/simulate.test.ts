/**
 * End-to-end runs of the example scenarios through the CLI's main function with the real
 * Node executor, checked against documented Lambda behaviour.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeEnded, TraceEvent } from '../engine/trace';
import { EXIT_BAD_INPUT, EXIT_OK, main } from './main';
import { nodeCliEnvironment } from './node-environment';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const example = (name: string) => join(ROOT, 'examples', name);
const folder = mkdtempSync(join(tmpdir(), 'lp-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly traceText: string;
  readonly events: readonly TraceEvent[];
}

async function simulate(file: string, traceName: string, extraArgs: string[] = []): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const tracePath = join(folder, traceName);
  const status = await main([example(file), '--trace', tracePath, ...extraArgs], {
    ...nodeCliEnvironment(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  const traceText = status === EXIT_OK ? readFileSync(tracePath, 'utf8') : '';
  const events = traceText ? (JSON.parse(traceText) as { events: TraceEvent[] }).events : [];
  return { status, stdout, stderr, traceText, events };
}

const invocations = (events: readonly TraceEvent[]) =>
  events.filter((event): event is InvokeEnded => event.type === 'invoke-end');
const logText = (event: InvokeEnded) => event.logs.map((line) => line.text).join('\n');
const countOf = (events: readonly TraceEvent[], type: TraceEvent['type']) => events.filter((e) => e.type === type).length;

describe('simulate examples/cold-and-warm.json', () => {
  let run: CliRun;
  let ends: InvokeEnded[];
  beforeAll(async () => {
    run = await simulate('cold-and-warm.json', 'cold-and-warm.json', ['--json']);
    ends = invocations(run.events);
  });

  it('completes with a JSON summary', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(EXIT_OK);
    const output = JSON.parse(run.stdout) as { summary: { functions: Array<Record<string, unknown>> } };
    expect(output.summary.functions[0]).toMatchObject({
      functionName: 'counter',
      invocations: 8,
      coldStarts: 4,
      environmentsCreated: 4,
      errors: 0,
      maxConcurrency: 3,
    });
  });

  it('grows module state in one environment for sequential requests', () => {
    const sequential = ends.slice(0, 5);
    expect(new Set(sequential.map((end) => end.envId)).size).toBe(1);
    expect(sequential.map((end) => JSON.parse(end.responseJson!).length)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives concurrent requests their own module state', () => {
    const concurrent = ends.slice(5);
    expect(concurrent).toHaveLength(3);
    expect(new Set(concurrent.map((end) => end.envId)).size).toBe(3);
    expect(concurrent.map((end) => end.envId)).not.toContain(ends[0]!.envId);
    expect(concurrent.map((end) => JSON.parse(end.responseJson!).length)).toEqual([1, 1, 1]);
    expect(concurrent.every((end) => end.cold)).toBe(true);
  });

  it('runs INIT once per environment', () => {
    expect(countOf(run.events, 'init-start')).toBe(countOf(run.events, 'env-created'));
    const initLogsByEnv = new Map<string, number>();
    for (const end of ends) {
      const lines = end.logs.filter((line) => line.text.includes('INIT: module loaded')).length;
      initLogsByEnv.set(end.envId, (initLogsByEnv.get(end.envId) ?? 0) + lines);
    }
    expect([...initLogsByEnv.values()]).toEqual([1, 1, 1, 1]);
  });

  it('fires a frozen timer in the next invocation', () => {
    expect(logText(ends[0]!)).not.toContain('timer set by request 1 fired');
    expect(logText(ends[1]!)).toContain('timer set by request 1 fired');
    expect(logText(ends[4]!)).toContain('timer set by request 4 fired');
  });

  it('reclaims every environment by the end', () => {
    expect(countOf(run.events, 'env-reclaimed')).toBe(4);
  });

  it('writes a byte-identical trace for the same seed', async () => {
    const again = await simulate('cold-and-warm.json', 'cold-and-warm-again.json', ['--json']);
    expect(again.status).toBe(EXIT_OK);
    expect(again.traceText).toBe(run.traceText);
  });
});

describe('simulate examples/timeout.json', () => {
  let run: CliRun;
  let ends: InvokeEnded[];
  beforeAll(async () => {
    run = await simulate('timeout.json', 'timeout.json');
    ends = invocations(run.events);
  });

  it('prints the human summary', () => {
    expect(run.status).toBe(EXIT_OK);
    expect(run.stdout).toContain('Scenario "Timeout"');
    expect(run.stdout).toMatch(/^Timeouts\s+2$/m);
    expect(run.stdout).toContain('without the free tier');
  });

  it('times out and bills about the timeout', () => {
    const [first, second] = ends;
    for (const end of [first!, second!]) {
      expect(end.outcome).toBe('timeout');
      expect(end.error?.errorMessage).toContain('Task timed out after 1.00 seconds');
      expect(end.durationMs).toBeCloseTo(1000, 0);
      expect(end.cold).toBe(true);
      expect(end.initDurationMs).toBeGreaterThan(0);
      expect(end.billedDurationMs).toBe(Math.ceil(end.durationMs + end.initDurationMs!));
    }
  });

  it('runs INIT again on the reset environment', () => {
    const [first, second] = ends;
    expect(second!.envId).toBe(first!.envId);
    expect(countOf(run.events, 'env-created')).toBe(1);
    expect(countOf(run.events, 'env-reset')).toBe(2);
    expect(countOf(run.events, 'init-start')).toBe(2);
    expect(logText(second!)).toContain('INIT: module loaded');
    expect(logText(second!)).not.toContain('never printed');
  });
});

describe('simulate examples/concurrency-limits.json', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await simulate('concurrency-limits.json', 'concurrency-limits.json');
  });

  it('throttles 15 of 20 requests at reserved concurrency 5', () => {
    expect(run.status).toBe(EXIT_OK);
    const throttles = run.events.filter((event) => event.type === 'throttled');
    expect(throttles).toHaveLength(15);
    expect(throttles.every((event) => event.functionName === 'limited' && event.statusCode === 429)).toBe(true);
    expect(run.stdout).toContain('Throttled 15 requests: 15 ReservedFunctionConcurrentInvocationLimitExceeded.');
    expect(run.stdout).toMatch(/^ {2}reserved limit\s+15\s+0$/m);
  });

  it('serves 2 of 5 requests on provisioned environments and spills 3 over', () => {
    expect(run.stdout).toMatch(/^Provisioned invocations\s+0\s+2$/m);
    expect(run.stdout).toMatch(/^Spillover invocations\s+0\s+3$/m);
    const warm = invocations(run.events).filter((end) => end.functionName === 'warm');
    expect(warm.filter((end) => end.provisioned && !end.cold)).toHaveLength(2);
    expect(warm.filter((end) => !end.provisioned && end.cold)).toHaveLength(3);
  });
});

describe('npm run simulate', () => {
  it('exits with status 2 for a missing file', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/simulate.ts', 'no-such-scenario.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('Scenario file not found: no-such-scenario.json.');
    expect(result.stdout).toBe('');
  });
});

describe('simulate examples/async-retries.json', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await simulate('async-retries.json', 'async-retries.json', ['--json']);
  });

  it('retries the failing event twice with one request ID, in one warm environment', () => {
    expect(run.status).toBe(EXIT_OK);
    const failing = run.events.find((event) => event.type === 'async-queued')!.requestId;
    const attempts = invocations(run.events).filter((end) => end.requestId === failing);
    expect(attempts.map((end) => end.attempt)).toEqual([1, 2, 3]);
    expect(new Set(attempts.map((end) => end.envId)).size).toBe(1);
    // The environment's list holds both attempts before, the success at 5 s and the synchronous request at 10 s.
    expect(logText(attempts[2]!)).toContain('orders seen by this environment: broken, A-100, broken, broken, broken\n');
  });

  it('routes the failure to the DLQ and the on-failure destination, the success to on-success only', () => {
    const output = JSON.parse(run.stdout) as { summary: { targets: Array<Record<string, unknown>> } };
    expect(output.summary.targets).toEqual([
      { kind: 'sqs', name: 'orders-dlq', received: 1, deadLetterMessages: 1, successRecords: 0, failureRecords: 0 },
      { kind: 'sqs', name: 'orders-failures', received: 1, deadLetterMessages: 0, successRecords: 0, failureRecords: 1 },
      { kind: 'sqs', name: 'orders-done', received: 1, deadLetterMessages: 0, successRecords: 1, failureRecords: 0 },
    ]);
    expect(countOf(run.events, 'async-done')).toBe(2);
  });
});
