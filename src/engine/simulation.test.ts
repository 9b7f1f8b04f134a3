import { describe, expect, it } from 'vitest';
import type { InitRequest, InvokeRequest } from './execution';
import { PLATFORM_OVERHEAD_MS } from './limits';
import { MAX_EVENTS_PER_STEP, Simulation } from './simulation';
import { testFunction, testSettings, TEST_EPOCH_MS } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType, invokeEndOf } from './testing/trace-queries';

const quick: FunctionScript = { invoke: () => ({ durationMs: 10, response: 'ok' }) };

function setup(script: FunctionScript = quick, seed = 42) {
  const sim = new Simulation([testFunction()], testSettings({ seed }));
  const executor = new ScriptedExecutor({ fn: script });
  return { sim, executor };
}

describe('Simulation requests', () => {
  it('records request-received at the submitted time with the returned ID', () => {
    const { sim, executor } = setup();
    const requestId = sim.submit({ at: 250, functionName: 'fn', event: { n: 1 }, source: 'test' });
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    runScripted(sim, executor);
    expect(sim.trace[0]).toEqual({
      type: 'request-received',
      time: 250,
      requestId,
      functionName: 'fn',
      invocationType: 'RequestResponse',
      event: { n: 1 },
      source: 'test',
      invoker: 'direct',
    });
  });

  it('cold start creates an environment, runs INIT, then invokes', () => {
    const { sim, executor } = setup();
    const requestId = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor);

    const [created] = eventsOfType(sim.trace, 'env-created');
    const [initStart] = eventsOfType(sim.trace, 'init-start');
    const [initEnd] = eventsOfType(sim.trace, 'init-end');
    const [invokeStart] = eventsOfType(sim.trace, 'invoke-start');
    expect(created).toMatchObject({ time: 0, envId: 'fn#1', requestId });
    expect(initStart!.time).toBeGreaterThanOrEqual(PLATFORM_OVERHEAD_MS.min);
    expect(initStart!.time).toBeLessThan(PLATFORM_OVERHEAD_MS.max);
    expect(initEnd!.time).toBeCloseTo(initStart!.time + initEnd!.initDurationMs, 9);
    expect(invokeStart).toMatchObject({ time: initEnd!.time, envId: 'fn#1', cold: true });
    expect(invokeEndOf(sim.trace, requestId)).toMatchObject({ outcome: 'success', cold: true, responseJson: '"ok"' });
  });

  it('INIT request carries the environment spec', () => {
    const { sim } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.step();
    const { executions } = sim.step();
    const init = executions[0] as InitRequest;
    expect(init.kind).toBe('init');
    expect(init.env).toMatchObject({
      envId: 'fn#1',
      functionName: 'fn',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      memoryMb: 128,
      timeoutMs: 3000,
      region: 'us-east-1',
      accountId: '123456789012',
      epochMs: TEST_EPOCH_MS,
      logGroupName: '/aws/lambda/fn',
    });
    expect(init.env.logStreamName).toMatch(/^2026\/08\/22\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(Number.isInteger(init.env.seed)).toBe(true);
    expect(init.startTime).toBeGreaterThan(sim.now);
  });

  it('INVOKE request carries the function ARN and the time budget', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: { a: 1 } });
    runScripted(sim, executor, 10_000);
    sim.submit({ at: sim.now + 1000, functionName: 'fn', event: { b: 2 } });
    const { executions } = sim.step();
    const invoke = executions[0] as InvokeRequest;
    expect(invoke).toMatchObject({
      kind: 'invoke',
      envId: 'fn#1',
      event: { b: 2 },
      timeoutMs: 3000,
      startTime: sim.now,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    });
  });

  it('reuses an idle environment warm', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const second = sim.submit({ at: sim.now + 5000, functionName: 'fn', event: {} });
    runScripted(sim, executor, sim.now + 5000 + 100);
    expect(eventsOfType(sim.trace, 'env-created')).toHaveLength(1);
    expect(eventsOfType(sim.trace, 'init-start')).toHaveLength(1);
    expect(invokeEndOf(sim.trace, second)).toMatchObject({ envId: 'fn#1', cold: false });
    expect(invokeEndOf(sim.trace, second).initDurationMs).toBeUndefined();
  });

  it('reuses the most recently used idle environment first', () => {
    const { sim, executor } = setup({ invoke: (event) => ({ durationMs: (event as { ms: number }).ms }) });
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 100 } });
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 500 } });
    runScripted(sim, executor, 10_000);
    const ends = eventsOfType(sim.trace, 'invoke-end');
    const lastFreed = ends[ends.length - 1]!.envId;
    const next = sim.submit({ at: 20_000, functionName: 'fn', event: { ms: 1 } });
    runScripted(sim, executor, 20_100);
    expect(invokeEndOf(sim.trace, next).envId).toBe(lastFreed);
  });

  it('gives concurrent requests separate environments', () => {
    const { sim, executor } = setup();
    const ids = [0, 1, 2].map(() => sim.submit({ at: 0, functionName: 'fn', event: {} }));
    runScripted(sim, executor, 10_000);
    const envIds = ids.map((id) => invokeEndOf(sim.trace, id).envId);
    expect(new Set(envIds)).toEqual(new Set(['fn#1', 'fn#2', 'fn#3']));
  });

  it('numbers environments per function', () => {
    const sim = new Simulation([testFunction({ name: 'a' }), testFunction({ name: 'b' })], testSettings());
    const executor = new ScriptedExecutor({ a: quick, b: quick });
    sim.submit({ at: 0, functionName: 'a', event: {} });
    sim.submit({ at: 0, functionName: 'b', event: {} });
    sim.submit({ at: 0, functionName: 'b', event: {} });
    runScripted(sim, executor, 10_000);
    expect(eventsOfType(sim.trace, 'env-created').map((event) => event.envId)).toEqual(['a#1', 'b#1', 'b#2']);
  });

  it('a handler error fails the invocation but keeps the environment warm', () => {
    const { sim, executor } = setup({
      invoke: (event) => {
        if ((event as { fail?: boolean }).fail) throw new TypeError('bad input');
        return { durationMs: 5 };
      },
    });
    const failed = sim.submit({ at: 0, functionName: 'fn', event: { fail: true } });
    runScripted(sim, executor, 10_000);
    const next = sim.submit({ at: sim.now + 1000, functionName: 'fn', event: {} });
    runScripted(sim, executor, sim.now + 2000);
    expect(invokeEndOf(sim.trace, failed)).toMatchObject({
      outcome: 'error',
      error: { errorType: 'TypeError', errorMessage: 'bad input' },
    });
    expect(eventsOfType(sim.trace, 'env-reset')).toHaveLength(0);
    expect(invokeEndOf(sim.trace, next)).toMatchObject({ envId: 'fn#1', cold: false, outcome: 'success' });
  });
});

describe('Simulation.step', () => {
  it('processes every event due at the earliest time, and only those', () => {
    const { sim } = setup();
    sim.submit({ at: 100, functionName: 'fn', event: {} });
    sim.submit({ at: 100, functionName: 'fn', event: {} });
    sim.submit({ at: 200, functionName: 'fn', event: {} });
    expect(sim.nextEventTime()).toBe(100);
    const output = sim.step();
    expect(sim.now).toBe(100);
    expect(eventsOfType(sim.trace, 'request-received')).toHaveLength(2);
    expect(output.executions).toHaveLength(0);
    expect(sim.nextEventTime()).toBeGreaterThan(100);
  });

  it('splits a crowd of simultaneous events over several steps', () => {
    const { sim, executor } = setup();
    for (let i = 0; i < 2500; i++) sim.submit({ at: 100, functionName: 'fn', event: {} });
    sim.step();
    expect(eventsOfType(sim.trace, 'request-received')).toHaveLength(MAX_EVENTS_PER_STEP);
    expect(sim.nextEventTime()).toBe(100);
    runScripted(sim, executor);
    expect(eventsOfType(sim.trace, 'request-received')).toHaveLength(2500);
    expect(eventsOfType(sim.trace, 'invoke-end').length + eventsOfType(sim.trace, 'throttled').length).toBe(2500);
  });

  it('does nothing when the next event is after until', () => {
    const { sim } = setup();
    sim.submit({ at: 500, functionName: 'fn', event: {} });
    expect(sim.step(499)).toEqual({ executions: [], disposed: [] });
    expect(sim.now).toBe(0);
    expect(sim.trace).toHaveLength(0);
  });

  it('returns nothing when no event is scheduled', () => {
    const { sim } = setup();
    expect(sim.nextEventTime()).toBeUndefined();
    expect(sim.step()).toEqual({ executions: [], disposed: [] });
  });

  it('accepts a request at exactly now and runs it in the next step', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const now = sim.now;
    const late = sim.submit({ at: now, functionName: 'fn', event: {} });
    expect(sim.nextEventTime()).toBe(now);
    runScripted(sim, executor, now + 100);
    expect(invokeEndOf(sim.trace, late).cold).toBe(false);
  });

  it('counts pending executions until they are resolved', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.step();
    const { executions } = sim.step();
    expect(sim.pendingExecutions).toBe(1);
    sim.resolve(executions[0]!.executionId, executor.initSync(executions[0] as InitRequest));
    expect(sim.pendingExecutions).toBe(0);
  });

  it('gives the same trace whatever order results are resolved in', () => {
    const run = (reverse: boolean) => {
      const { sim, executor } = setup({ invoke: (_event, _state, context) => ({ durationMs: context.envId.length * 3 }) });
      for (let i = 0; i < 4; i++) sim.submit({ at: 0, functionName: 'fn', event: { i } });
      for (let next = sim.nextEventTime(); next !== undefined; next = sim.nextEventTime()) {
        const { executions, disposed } = sim.step();
        for (const envId of disposed) executor.dispose(envId);
        const results = executions.map((execution) =>
          execution.kind === 'init' ? executor.initSync(execution) : executor.invokeSync(execution),
        );
        const order = executions.map((_, i) => i);
        if (reverse) order.reverse();
        for (const i of order) sim.resolve(executions[i]!.executionId, results[i]!);
      }
      return JSON.stringify(sim.trace);
    };
    expect(run(true)).toBe(run(false));
  });
});

describe('Simulation errors', () => {
  it('rejects a request before now', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 1000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 1000);
    expect(() => sim.submit({ at: 999, functionName: 'fn', event: {} })).toThrow(/before the simulated time 1000 ms/);
  });

  it('rejects a request time that is not a number', () => {
    const { sim } = setup();
    expect(() => sim.submit({ at: Number.NaN, functionName: 'fn', event: {} })).toThrow(/request time NaN/);
  });

  it('rejects an unknown function', () => {
    const { sim } = setup();
    expect(() => sim.submit({ at: 0, functionName: 'nope', event: {} })).toThrow(/unknown function "nope".*fn/);
    expect(() => sim.updateFunction(testFunction({ name: 'nope' }))).toThrow(/unknown function "nope"/);
  });

  it('rejects a step while executions are unresolved', () => {
    const { sim } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.step();
    sim.step();
    expect(() => sim.step()).toThrow(/1 execution\(s\) from the previous step are unresolved/);
  });

  it('rejects a result for an execution that is not pending', () => {
    const { sim } = setup();
    expect(() => sim.resolve(7, { kind: 'init', userInitMs: 0, logs: [] })).toThrow(/execution 7 is not pending/);
  });

  it('rejects a result of the wrong kind', () => {
    const { sim } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.step();
    const { executions } = sim.step();
    const result = { kind: 'invoke', outcome: 'success', durationMs: 1, logs: [] } as const;
    expect(() => sim.resolve(executions[0]!.executionId, result)).toThrow(/is an init request but got an invoke result/);
  });

  it('rejects a negative duration', () => {
    const { sim } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.step();
    const { executions } = sim.step();
    expect(() => sim.resolve(executions[0]!.executionId, { kind: 'init', userInitMs: -1, logs: [] })).toThrow(
      /userInitMs is -1/,
    );
  });

  it('rejects duplicate function names', () => {
    expect(() => new Simulation([testFunction(), testFunction()], testSettings())).toThrow(/"fn" is defined twice/);
  });

  it('rejects an inverted idle reclaim range', () => {
    expect(() => new Simulation([], testSettings({ idleReclaimMs: { min: 10, max: 5 } }))).toThrow(
      /invalid idleReclaimMs range 10..5 ms/,
    );
  });
});
