import { describe, expect, it } from 'vitest';
import type { Executor, InitRequest, InitResult, InvokeRequest, InvokeResult } from '../engine/execution';
import { ScriptedExecutor, type FunctionScript } from '../engine/testing/scripted-executor';
import { prefixEvents, type TraceEvent } from '../engine/trace';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import { createPlaygroundSession } from './session';

const FN = 'hello';

function scenario(traffic: Scenario['traffic'] = []): Scenario {
  return scenarioSchema.parse({
    version: 1,
    functions: [{ name: FN, code: 'export const handler = async () => 1;', timeoutSeconds: 3 }],
    traffic,
  });
}

const script: FunctionScript = { invoke: () => ({ durationMs: 100, response: 'ok' }) };

function sessionWith(executor: Executor = new ScriptedExecutor({ [FN]: script })) {
  const session = createPlaygroundSession({ createExecutor: () => executor });
  return session;
}

const ofType = <T extends TraceEvent['type']>(trace: readonly TraceEvent[], type: T) =>
  trace.filter((event): event is Extract<TraceEvent, { type: T }> => event.type === type);

describe('createPlaygroundSession', () => {
  it('starts empty until loaded', () => {
    const session = sessionWith();
    const snapshot = session.snapshot();
    expect(snapshot.loaded).toBe(false);
    expect(prefixEvents(snapshot.trace)).toEqual([]);
  });

  it('advanceTo runs executions and updates the snapshot', async () => {
    const session = sessionWith();
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    let notifications = 0;
    session.subscribe(() => notifications++);
    await session.advanceTo(10_000);
    const snapshot = session.snapshot();
    expect(snapshot.now).toBe(10_000);
    expect(snapshot.executing).toBe(false);
    expect(ofType(prefixEvents(snapshot.trace), 'invoke-end')).toHaveLength(1);
    expect(ofType(prefixEvents(snapshot.trace), 'invoke-end')[0]!.cold).toBe(true);
    // The environment idles until reclaim, which is scheduled.
    expect(snapshot.nextEventTime).toBeGreaterThan(10_000);
    expect(notifications).toBeGreaterThan(0);
  });

  it('stops at the target time', async () => {
    const session = sessionWith();
    session.load(scenario([{ at: 5000, function: FN, type: 'sync', count: 1, event: {} }]));
    await session.advanceTo(1000);
    expect(prefixEvents(session.snapshot().trace)).toEqual([]);
    expect(session.snapshot().nextEventTime).toBe(5000);
    expect(session.snapshot().now).toBe(1000);
  });

  it('sends the next sequential request after a throttle', async () => {
    const session = sessionWith();
    session.load(throttledScenario(0));
    session.submitSequential(FN, { i: 0 }, 0);
    await session.advanceTo(1000);
    session.submitSequential(FN, { i: 1 }, 1000);
    await session.advanceTo(2000);
    expect(ofType(prefixEvents(session.snapshot().trace), 'throttled')).toHaveLength(2);
    expect(session.snapshot().pendingSequential).toBe(0);
  });

  it('queues sequential requests: one cold, then warm', async () => {
    const session = sessionWith();
    session.load(scenario());
    for (let i = 0; i < 3; i++) session.submitSequential(FN, { i }, 0);
    expect(session.snapshot().pendingSequential).toBe(3);
    await session.advanceTo(60_000);

    const ends = ofType(prefixEvents(session.snapshot().trace), 'invoke-end');
    expect(ends.map((end) => end.cold)).toEqual([true, false, false]);
    expect(new Set(ends.map((end) => end.envId)).size).toBe(1);
    const received = ofType(prefixEvents(session.snapshot().trace), 'request-received');
    // Each request goes out after the previous response.
    expect(received[1]!.time).toBeGreaterThan(ends[0]!.time);
    expect(received[2]!.time).toBeGreaterThan(ends[1]!.time);
    expect(session.snapshot().pendingSequential).toBe(0);
  });

  it('sends concurrent requests to separate environments', async () => {
    const session = sessionWith();
    session.load(scenario());
    const event = {};
    for (let i = 0; i < 3; i++) session.submit(FN, event, 0);
    await session.advanceTo(5000);
    expect(ofType(prefixEvents(session.snapshot().trace), 'env-created')).toHaveLength(3);
    expect(session.snapshot().sent).toEqual([{ at: 0, functionName: FN, event, source: 'console', count: 3 }]);
  });

  it('records sent requests so a replay gives the same trace', async () => {
    const live = sessionWith();
    live.load(scenario());
    for (let i = 0; i < 3; i++) live.submitSequential(FN, { i }, 0);
    await live.advanceTo(2000);
    live.submit(FN, { late: true }, 2000);
    await live.advanceTo(30_000);

    const traffic = live.snapshot().sent.map((request) => ({
      at: request.at,
      function: request.functionName,
      type: 'sync' as const,
      count: request.count,
      event: request.event,
      source: request.source,
    }));
    const replay = sessionWith();
    replay.load(scenario(traffic));
    await replay.advanceTo(30_000);

    const withoutIds = (trace: readonly TraceEvent[]) => trace.map((event) => ({ type: event.type, time: event.time }));
    expect(withoutIds(prefixEvents(replay.snapshot().trace))).toEqual(withoutIds(prefixEvents(live.snapshot().trace)));
  });

  it('holds requests sent while provisioned environments are allocated until they are ready', async () => {
    const session = sessionWith();
    const base = scenario();
    session.load({ ...base, functions: [{ ...base.functions[0]!, provisionedConcurrency: 2 }] });
    for (let i = 0; i < 5; i++) session.submit(FN, {}, 0);
    session.submitSequential(FN, {}, 0);
    expect(session.snapshot().sent).toEqual([]);
    await session.advanceTo(200_000);
    const { sent } = session.snapshot();
    const trace = prefixEvents(session.snapshot().trace);
    const readyMs = Math.max(...ofType(trace, 'init-end').filter((end) => end.time < sent[0]!.at + 1).map((end) => end.time));
    expect(readyMs).toBeGreaterThanOrEqual(base.settings.provisionedAllocationSeconds * 1000);
    expect(sent[0]!.at).toBeGreaterThan(readyMs);
    expect(sent.reduce((sum, request) => sum + request.count, 0)).toBe(6);
    const ends = ofType(trace, 'invoke-end');
    expect(ends).toHaveLength(6);
    // Two take the provisioned environments; the other four start on-demand ones, cold.
    expect(ends.filter((end) => !end.cold)).toHaveLength(2);
  });

  it('never places a request before the processed time', async () => {
    const session = sessionWith();
    session.load(scenario());
    await session.advanceTo(4000);
    session.submit(FN, {}, 1000);
    expect(session.snapshot().nextEventTime).toBe(4000);
  });

  it('holds the processed time while handlers run', async () => {
    const gate = new GatedExecutor();
    const session = sessionWith(gate);
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    const done = session.advanceTo(10_000);
    await flush();
    expect(session.snapshot().executing).toBe(true);
    const initStart = ofType(prefixEvents(session.snapshot().trace), 'init-start')[0]!;
    expect(session.snapshot().now).toBe(initStart.time);

    // A later target while executing joins the same drive.
    const again = session.advanceTo(20_000);
    gate.releaseAll();
    await flush();
    gate.releaseAll();
    await Promise.all([done, again]);
    expect(session.snapshot().executing).toBe(false);
    expect(session.snapshot().now).toBe(20_000);
  });

  it('reports a sandbox failure and stops the run', async () => {
    const failing: Executor = {
      init: () => Promise.reject(new Error('worker crashed')),
      invoke: () => Promise.reject(new Error('worker crashed')),
      dispose: () => undefined,
    };
    const session = sessionWith(failing);
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    await session.advanceTo(10_000);
    expect(session.snapshot().error).toMatch(/sandbox failed.*worker crashed/);
    expect(session.snapshot().executing).toBe(false);
  });

  it('load starts a fresh run and closes the previous executor', async () => {
    let closed = 0;
    const session = createPlaygroundSession({
      createExecutor: () => Object.assign(new ScriptedExecutor({ [FN]: script }), { close: () => closed++ }),
    });
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    await session.advanceTo(1000);
    expect(session.snapshot().trace.length).toBeGreaterThan(0);
    session.load(scenario());
    expect(prefixEvents(session.snapshot().trace)).toEqual([]);
    expect(session.snapshot().loaded).toBe(true);
    expect(closed).toBe(1);
  });

  it('yields between time slices of stepping', async () => {
    // Every read of the clock advances it by 1 ms, so a slice of 8 ms covers a few steps.
    let clock = 0;
    const session = createPlaygroundSession({ createExecutor: () => new ScriptedExecutor({}), now: () => clock++ });
    session.load(throttledScenario(2000));
    const drive = session.advanceTo(10_000);
    const afterFirstSlice = session.snapshot();
    expect(afterFirstSlice.now).toBeLessThan(2000);
    expect(afterFirstSlice.nextEventTime).toBeDefined();

    await drive;
    const done = session.snapshot();
    expect(done.now).toBe(10_000);
    expect(prefixEvents(done.trace).filter((event) => event.type === 'throttled')).toHaveLength(2000);
  });

  it('resumes a yielded drive on advanceTo', async () => {
    let clock = 0;
    const session = createPlaygroundSession({ createExecutor: () => new ScriptedExecutor({}), now: () => clock++ });
    session.load(throttledScenario(200));
    void session.advanceTo(10_000);
    const before = session.snapshot().now;
    // No timer runs in between: the second call alone moves the drive on.
    void session.advanceTo(10_000);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(session.snapshot().now).toBeGreaterThan(before);
  });

  it('submits a large scenario in time slices', async () => {
    let clock = 0;
    const session = createPlaygroundSession({ createExecutor: () => new ScriptedExecutor({}), now: () => clock++ });
    session.load(throttledScenario(10_000));
    // Nothing is submitted yet, but the first request is already the next event.
    expect(session.snapshot().nextEventTime).toBe(0);
    expect(prefixEvents(session.snapshot().trace)).toEqual([]);

    const drive = session.advanceTo(1_000_000);
    expect(prefixEvents(session.snapshot().trace)).toEqual([]);
    await drive;
    const trace = prefixEvents(session.snapshot().trace);
    expect(trace.filter((event) => event.type === 'throttled')).toHaveLength(10_000);
    const arrivals = trace.filter((event) => event.type === 'request-received').map((event) => event.time);
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
  });

  it('submits queued requests before a person\'s request', async () => {
    const session = sessionWith();
    session.load(scenario(Array.from({ length: 5000 }, (_, i) => ({ at: i, function: FN, type: 'sync' as const, count: 1, event: { i } }))));
    session.submit(FN, { late: true }, 0);
    await session.advanceTo(6000);
    const received = prefixEvents(session.snapshot().trace).filter((event) => event.type === 'request-received');
    expect(received).toHaveLength(5001);
    expect(received[0]!.event).toEqual({ i: 0 });
  });

  it('returns the same snapshot until the run changes', async () => {
    const session = sessionWith();
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    await session.advanceTo(1000);
    const first = session.snapshot();
    expect(session.snapshot()).toBe(first);
    expect(first.trace.length).toBeGreaterThan(0);
  });

  it('keeps a trace as it was when taken', async () => {
    const session = sessionWith();
    session.load(scenario([{ at: 0, function: FN, type: 'sync', count: 1, event: {} }]));
    const before = session.snapshot().trace;
    await session.advanceTo(1000);
    const after = session.snapshot().trace;
    expect(before.length).toBe(0);
    expect(prefixEvents(before)).toEqual([]);
    expect(after).not.toBe(before);
    expect(after.events).toBe(before.events);
    expect(after.length).toBeGreaterThan(0);
  });
});

/** A function with reserved concurrency 0: each of the `count` requests, 1 ms apart, is throttled on arrival. */
function throttledScenario(count: number): Scenario {
  return scenarioSchema.parse({
    version: 1,
    functions: [{ name: FN, code: 'export const handler = async () => 1;', reservedConcurrency: 0 }],
    traffic: Array.from({ length: count }, (_, i) => ({ at: i, function: FN })),
  });
}

/** Resolves once pending promise callbacks have run. */
function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An executor whose calls wait until the test releases them. */
class GatedExecutor implements Executor {
  private readonly inner = new ScriptedExecutor({ [FN]: script });
  private waiting: (() => void)[] = [];

  init(request: InitRequest): Promise<InitResult> {
    return this.gate(() => this.inner.initSync(request));
  }

  invoke(request: InvokeRequest): Promise<InvokeResult> {
    return this.gate(() => this.inner.invokeSync(request));
  }

  dispose(envId: string): void {
    this.inner.dispose(envId);
  }

  releaseAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const release of waiting) release();
  }

  private gate<T>(run: () => T): Promise<T> {
    return new Promise((resolve) => this.waiting.push(() => resolve(run())));
  }
}
