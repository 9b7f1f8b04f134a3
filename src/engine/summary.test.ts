import { describe, expect, it } from 'vitest';
import type { FunctionConfig, SimulationSettings } from './model';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor } from './testing/scripted-executor';
import type { InvokeEnded, TraceEvent } from './trace';

const settings: SimulationSettings = {
  seed: 1,
  epochMs: 0,
  region: 'us-east-1',
  accountId: '123456789012',
  idleReclaimMs: { min: 300_000, max: 420_000 },
  initBilled: true,
};

const fn = (name: string, overrides: Partial<FunctionConfig> = {}): FunctionConfig => ({
  name,
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  handler: 'index.handler',
  code: '',
  memoryMb: 128,
  timeoutMs: 3000,
  ...overrides,
});

interface InvocationSpec {
  readonly functionName: string;
  readonly envId: string;
  readonly requestId: string;
  readonly start: number;
  readonly durationMs: number;
  readonly outcome?: InvokeEnded['outcome'];
  readonly initMs?: number;
  readonly memoryMb?: number;
}

/** Builds the events of one request: received, then env created and INIT when cold, then invoke start and end. */
function invocation(spec: InvocationSpec): TraceEvent[] {
  const { functionName, envId, requestId, start, durationMs } = spec;
  const cold = spec.initMs !== undefined;
  const initMs = spec.initMs ?? 0;
  const events: TraceEvent[] = [
    { type: 'request-received', time: start, requestId, functionName, invocationType: 'RequestResponse', event: {}, source: 'test' },
  ];
  if (cold) {
    events.push(
      { type: 'env-created', time: start, envId, functionName, requestId },
      { type: 'init-start', time: start, envId, functionName },
      { type: 'init-end', time: start + initMs, envId, functionName, initDurationMs: initMs, userInitMs: 0, logs: [] },
    );
  }
  const invokeStart = start + initMs;
  events.push(
    { type: 'invoke-start', time: invokeStart, envId, functionName, requestId, cold },
    {
      type: 'invoke-end',
      time: invokeStart + durationMs,
      envId,
      functionName,
      requestId,
      outcome: spec.outcome ?? 'success',
      cold,
      durationMs,
      billedDurationMs: Math.ceil(durationMs + initMs),
      ...(cold ? { initDurationMs: initMs } : {}),
      memoryMb: spec.memoryMb ?? 128,
      logs: [],
    },
  );
  return events;
}

const byTime = (events: TraceEvent[]) => [...events].sort((a, b) => a.time - b.time);

describe('summarize', () => {
  // Function a (x86_64, 128 MB): a cold start, then two overlapping requests, one warm on
  // a#1 that throws and one cold on a#2 that times out. Function b (arm64, 1,024 MB): one
  // cold request.
  const trace = byTime([
    ...invocation({ functionName: 'a', envId: 'a#1', requestId: 'r1', start: 0, initMs: 150, durationMs: 50.5 }),
    ...invocation({ functionName: 'a', envId: 'a#1', requestId: 'r2', start: 1000, durationMs: 20, outcome: 'error' }),
    ...invocation({ functionName: 'a', envId: 'a#2', requestId: 'r3', start: 1005, initMs: 100, durationMs: 3000, outcome: 'timeout' }),
    ...invocation({ functionName: 'b', envId: 'b#1', requestId: 'r4', start: 0, initMs: 200, durationMs: 800, memoryMb: 1024 }),
  ]);
  const summary = summarize(trace, [fn('a'), fn('b', { architecture: 'arm64', memoryMb: 1024 })], settings);
  const [a, b] = summary.functions;

  it('counts invocations and outcomes per function', () => {
    expect(a).toMatchObject({
      functionName: 'a',
      requests: 3,
      invocations: 3,
      coldStarts: 2,
      inits: 2,
      environmentsCreated: 2,
      errors: 2,
      timeouts: 1,
      throttles: 0,
      retries: 0,
    });
    expect(b).toMatchObject({ functionName: 'b', invocations: 1, coldStarts: 1, errors: 0, timeouts: 0 });
  });

  it('finds the maximum concurrency', () => {
    expect(a!.maxConcurrency).toBe(2);
    expect(b!.maxConcurrency).toBe(1);
  });

  it('takes nearest-rank duration percentiles', () => {
    expect(a!.durationMs).toEqual({ p50: 50.5, p90: 3000, p99: 3000 });
  });

  it('sums billed duration, GB-seconds and cost', () => {
    // a: ceil(200.5) + 20 + 3100 = 3321 ms at 0.125 GB.
    expect(a!.billedDurationMs).toBe(3321);
    expect(a!.gbSeconds).toBeCloseTo(0.415125, 9);
    expect(a!.costUsd.requests).toBeCloseTo(0.0000006, 12);
    expect(a!.costUsd.duration).toBeCloseTo(0.415125 * 0.0000166667, 12);
    // b: 1000 ms at 1 GB on arm64.
    expect(b!.gbSeconds).toBeCloseTo(1, 9);
    expect(b!.costUsd.duration).toBeCloseTo(0.0000133334, 12);
    expect(summary.totals.invocations).toBe(4);
    expect(summary.totals.costUsd.total).toBeCloseTo(a!.costUsd.total + b!.costUsd.total, 15);
  });

  it('states the pricing basis', () => {
    expect(summary.pricing).toEqual({
      requestUsdPerMillion: 0.2,
      gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 },
      provisionedConcurrencyGbSecondUsd: { x86_64: 0.0000041667, arm64: 0.0000033334 },
      provisionedDurationGbSecondUsd: { x86_64: 0.0000097222, arm64: 0.0000077778 },
      provisionedBillingIncrementMs: 300_000,
      initBilled: true,
      freeTierApplied: false,
    });
    expect(summary.endTimeMs).toBe(4105);
  });

  it('does not count a hand-over at one instant twice', () => {
    // The new request's start is listed before the old one's end at t = 100.
    const handOver = byTime([
      ...invocation({ functionName: 'a', envId: 'a#2', requestId: 'r2', start: 100, durationMs: 100 }),
      ...invocation({ functionName: 'a', envId: 'a#1', requestId: 'r1', start: 0, durationMs: 100 }),
    ]);
    expect(handOver.findIndex((e) => e.type === 'invoke-start' && e.envId === 'a#2')).toBeLessThan(
      handOver.findIndex((e) => e.type === 'invoke-end' && e.envId === 'a#1'),
    );
    expect(summarize(handOver, [fn('a')], settings).functions[0]!.maxConcurrency).toBe(1);
  });

  it('counts an invocation that took no time', () => {
    const instant = invocation({ functionName: 'a', envId: 'a#1', requestId: 'r1', start: 0, durationMs: 0 });
    expect(summarize(instant, [fn('a')], settings).functions[0]!.maxConcurrency).toBe(1);
  });

  it('lists a function without traffic with zero figures', () => {
    const empty = summarize([], [fn('idle')], settings).functions[0]!;
    expect(empty.invocations).toBe(0);
    expect(empty.durationMs).toBeUndefined();
    expect(empty.costUsd.total).toBe(0);
  });
});

describe('summarize concurrency', () => {
  // Reserved 3 with provisioned 1, ready at once: 6 simultaneous 1 s requests at 10 s.
  const config = testFunction({ reservedConcurrency: 3, provisionedConcurrency: 1, memoryMb: 1024, timeoutMs: 5000 });
  const runSettings = testSettings({ provisionedAllocationMs: 0 });
  const sim = new Simulation([config], runSettings);
  for (let i = 0; i < 6; i++) sim.submit({ at: 10_000, functionName: 'fn', event: {} });
  runScripted(sim, new ScriptedExecutor({ fn: { invoke: () => ({ durationMs: 1000 }) } }));
  const summary = summarize(sim.trace, [config], runSettings);
  const [fn] = summary.functions;

  it('counts throttles by reason, spillover and the cold-start share', () => {
    expect(fn).toMatchObject({
      requests: 6,
      invocations: 3,
      throttles: 3,
      provisionedInvocations: 1,
      spilloverInvocations: 2,
      coldStarts: 2,
      reservedConcurrency: 3,
      provisionedConcurrency: 1,
    });
    expect(fn!.coldStartShare).toBeCloseTo(2 / 3, 12);
    expect(fn!.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(3);
    expect(summary.account.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(3);
    expect(summary.totals).toMatchObject({ throttles: 3, spilloverInvocations: 2 });
  });

  it('finds the maximum concurrency per function and for the account', () => {
    expect(fn!.maxConcurrency).toBe(3);
    expect(summary.account.maxConcurrency).toBe(3);
  });

  it('charges provisioned concurrency in 5-minute steps and its duration at its own price', () => {
    // The one provisioned environment is enabled from 0 to the end of the run, when the
    // on-demand environments are reclaimed 5 to 7 minutes after use: two 5-minute steps.
    expect(summary.endTimeMs).toBeGreaterThan(300_000);
    expect(summary.endTimeMs).toBeLessThan(600_000);
    expect(fn!.provisionedGbSeconds).toBeCloseTo(600, 9);
    expect(fn!.costUsd.provisionedConcurrency).toBeCloseTo(600 * 0.0000041667, 12);
    // One 1 s invocation at 1 GB, plus the runtime's first-invoke cost of a few ms.
    expect(fn!.provisionedDurationGbSeconds).toBeGreaterThanOrEqual(1);
    expect(fn!.provisionedDurationGbSeconds).toBeLessThan(1.01);
    expect(fn!.costUsd.provisionedDuration).toBeCloseTo(fn!.provisionedDurationGbSeconds * 0.0000097222, 12);
    const onDemandGbSeconds = fn!.gbSeconds - fn!.provisionedDurationGbSeconds;
    expect(fn!.costUsd.duration).toBeCloseTo(onDemandGbSeconds * 0.0000166667, 12);
    expect(fn!.costUsd.total).toBeCloseTo(
      fn!.costUsd.requests + fn!.costUsd.duration + fn!.costUsd.provisionedDuration + fn!.costUsd.provisionedConcurrency,
      15,
    );
  });
});
