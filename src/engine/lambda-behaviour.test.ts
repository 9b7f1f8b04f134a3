/**
 * The documented Lambda behaviours the playground demonstrates, run against the engine with
 * scripted handlers.
 */
import { describe, expect, it } from 'vitest';
import { firstInvokeCostMs } from './billing';
import { RUNTIMES } from './runtimes';
import { Simulation } from './simulation';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType, invokeEndOf } from './testing/trace-queries';
import type { SimulationSettings } from './model';
import type { FunctionConfig } from './model';

const MINUTE = 60_000;

/** A module-level array that every invocation appends to, responding with its length. */
const moduleArray: FunctionScript<{ items: number[] }> = {
  init: () => ({ items: [] }),
  invoke: (_event, state) => {
    state.items.push(state.items.length);
    return { durationMs: 20, response: state.items.length };
  },
};

function setup(
  script: FunctionScript<never> | FunctionScript,
  config: Partial<FunctionConfig> = {},
  settings: Partial<SimulationSettings> = {},
) {
  const sim = new Simulation([testFunction(config)], testSettings(settings));
  const executor = new ScriptedExecutor({ fn: script as FunctionScript });
  return { sim, executor };
}

describe('module scope survives warm invocations', () => {
  it('five sequential requests grow one environment array to 5', () => {
    const { sim, executor } = setup(moduleArray);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(sim.submit({ at: i * 10_000, functionName: 'fn', event: {} }));
      runScripted(sim, executor, i * 10_000 + 5_000);
    }
    expect(ids.map((id) => invokeEndOf(sim.trace, id).responseJson)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(ids.map((id) => invokeEndOf(sim.trace, id).envId))).toEqual(new Set(['fn#1']));
  });

  it('three concurrent requests each see length 1 in three environments', () => {
    const { sim, executor } = setup(moduleArray);
    const ids = [0, 1, 2].map(() => sim.submit({ at: 0, functionName: 'fn', event: {} }));
    runScripted(sim, executor, 5_000);
    expect(ids.map((id) => invokeEndOf(sim.trace, id).responseJson)).toEqual(['1', '1', '1']);
    expect(new Set(ids.map((id) => invokeEndOf(sim.trace, id).envId)).size).toBe(3);
  });
});

describe('INIT runs once per environment', () => {
  it('counts one init-start per environment under mixed traffic', () => {
    const { sim, executor } = setup(moduleArray);
    for (let burst = 0; burst < 4; burst++) {
      for (let i = 0; i <= burst; i++) sim.submit({ at: burst * 1_000, functionName: 'fn', event: {} });
    }
    runScripted(sim, executor, 60_000);
    const environments = eventsOfType(sim.trace, 'env-created').length;
    expect(environments).toBeGreaterThan(1);
    expect(eventsOfType(sim.trace, 'init-start')).toHaveLength(environments);
    expect(executor.calls.filter((call) => call.kind === 'init')).toHaveLength(environments);
    expect(eventsOfType(sim.trace, 'invoke-end')).toHaveLength(10);
  });
});

describe('timeouts', () => {
  const slow: FunctionScript = { invoke: () => ({ durationMs: 3_000, response: 'late' }) };

  it('a 3 s handler with a 1 s timeout times out and bills about 1 s plus INIT', () => {
    const { sim, executor } = setup(slow, { timeoutMs: 1_000 });
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(end.outcome).toBe('timeout');
    expect(end.durationMs).toBe(1_000);
    expect(end.billedDurationMs).toBe(1_000 + Math.ceil(end.initDurationMs!));
    expect(end.responseJson).toBeUndefined();
    expect(end.error).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${id} Error: Task timed out after 1.00 seconds`,
      trace: [],
    });
    const [invokeStart] = eventsOfType(sim.trace, 'invoke-start');
    expect(end.time).toBeCloseTo(invokeStart!.time + 1_000, 9);
  });

  it('resets the environment, whose next request runs INIT again and is cold', () => {
    const { sim, executor } = setup(slow, { timeoutMs: 1_000 });
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    expect(eventsOfType(sim.trace, 'env-reset')).toMatchObject([{ envId: 'fn#1', reason: 'timeout' }]);
    expect(executor.calls.filter((call) => call.kind === 'dispose')).toEqual([{ kind: 'dispose', envId: 'fn#1' }]);

    const next = sim.submit({ at: 20_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 30_000);
    const end = invokeEndOf(sim.trace, next);
    expect(end).toMatchObject({ envId: 'fn#1', cold: true });
    expect(end.initDurationMs).toBeGreaterThan(0);
    expect(end.billedDurationMs).toBe(1_000 + Math.ceil(end.initDurationMs!));
    expect(eventsOfType(sim.trace, 'env-created')).toHaveLength(1);
    expect(eventsOfType(sim.trace, 'init-start').map((event) => [event.envId, event.time])).toEqual([
      ['fn#1', expect.any(Number)],
      ['fn#1', 20_000],
    ]);
  });

  it('disposes before re-INIT in the same step', () => {
    const script: FunctionScript = { invoke: (event) => ({ durationMs: (event as { ms: number }).ms }) };
    const { sim, executor } = setup(script, { timeoutMs: 1_000 });
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 10 } });
    runScripted(sim, executor, 10_000);
    sim.submit({ at: 20_000, functionName: 'fn', event: { ms: 5_000 } });
    runScripted(sim, executor, 20_000);
    // Submitted after the timed-out invocation's end was scheduled, so it is processed after it.
    const next = sim.submit({ at: 21_000, functionName: 'fn', event: { ms: 10 } });
    runScripted(sim, executor, 30_000);
    expect(invokeEndOf(sim.trace, next)).toMatchObject({ envId: 'fn#1', cold: true, outcome: 'success' });
    const resetAt = eventsOfType(sim.trace, 'env-reset')[0]!.time;
    const reinitAt = eventsOfType(sim.trace, 'init-start')[1]!.time;
    expect(resetAt).toBe(21_000);
    expect(reinitAt).toBe(21_000);
    const lifecycle = executor.calls.filter((call) => call.kind !== 'invoke').map((call) => call.kind);
    expect(lifecycle).toEqual(['init', 'dispose', 'init']);
  });

  it('a warm timeout bills exactly the timeout', () => {
    const script: FunctionScript = { invoke: (event) => ({ durationMs: (event as { ms: number }).ms }) };
    const { sim, executor } = setup(script, { timeoutMs: 1_000 });
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 10 } });
    runScripted(sim, executor, 10_000);
    const id = sim.submit({ at: 20_000, functionName: 'fn', event: { ms: 5_000 } });
    runScripted(sim, executor, 30_000);
    expect(invokeEndOf(sim.trace, id)).toMatchObject({ outcome: 'timeout', cold: false, billedDurationMs: 1_000 });
  });
});

describe('idle reclaim', () => {
  it('reclaims an idle environment 5 to 7 minutes after its last invocation', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { sim, executor } = setup(moduleArray, {}, { seed });
      sim.submit({ at: 0, functionName: 'fn', event: {} });
      runScripted(sim, executor);
      const [end] = eventsOfType(sim.trace, 'invoke-end');
      const [reclaimed] = eventsOfType(sim.trace, 'env-reclaimed');
      expect(reclaimed).toMatchObject({ envId: 'fn#1', reason: 'idle' });
      expect(reclaimed!.idleMs).toBeCloseTo(reclaimed!.time - end!.time, 9);
      expect(reclaimed!.idleMs).toBeGreaterThanOrEqual(5 * MINUTE);
      expect(reclaimed!.idleMs).toBeLessThan(7 * MINUTE);
      expect(executor.loadedEnvironments).toEqual([]);
    }
  });

  it('a request just under 5 idle minutes is warm', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { sim, executor } = setup(moduleArray, {}, { seed });
      sim.submit({ at: 0, functionName: 'fn', event: {} });
      runScripted(sim, executor, 10_000);
      const [end] = eventsOfType(sim.trace, 'invoke-end');
      const at = end!.time + 5 * MINUTE - 1;
      const next = sim.submit({ at, functionName: 'fn', event: {} });
      runScripted(sim, executor, at + 1_000);
      expect(invokeEndOf(sim.trace, next)).toMatchObject({ envId: 'fn#1', cold: false, responseJson: '2' });
      expect(eventsOfType(sim.trace, 'env-reclaimed')).toHaveLength(0);
    }
  });

  it('a request after 7 idle minutes is cold in a new environment', () => {
    const { sim, executor } = setup(moduleArray);
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const next = sim.submit({ at: 7 * MINUTE + 10_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 8 * MINUTE);
    expect(invokeEndOf(sim.trace, next)).toMatchObject({ envId: 'fn#2', cold: true, responseJson: '1' });
  });

  it('reuse restarts the idle lifetime', () => {
    const { sim, executor } = setup(moduleArray);
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.submit({ at: 4 * MINUTE, functionName: 'fn', event: {} });
    runScripted(sim, executor);
    const ends = eventsOfType(sim.trace, 'invoke-end');
    const [reclaimed] = eventsOfType(sim.trace, 'env-reclaimed');
    expect(eventsOfType(sim.trace, 'env-reclaimed')).toHaveLength(1);
    expect(reclaimed!.time - ends[1]!.time).toBeGreaterThanOrEqual(5 * MINUTE);
  });
});

describe('billing', () => {
  it('bills INIT on a cold start when INIT billing is on', () => {
    const { sim, executor } = setup(moduleArray, {}, { initBilled: true });
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(end.billedDurationMs).toBe(Math.ceil(end.durationMs + end.initDurationMs!));
  });

  it('leaves INIT out of Billed Duration when INIT billing is off', () => {
    const { sim, executor } = setup(moduleArray, {}, { initBilled: false });
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(end.initDurationMs).toBeGreaterThan(100);
    expect(end.billedDurationMs).toBe(Math.ceil(end.durationMs));
  });

  it('adds the user INIT time to Init Duration', () => {
    const withInitMs = (initMs: number) => {
      const { sim, executor } = setup({ ...moduleArray, initMs } as FunctionScript);
      const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
      runScripted(sim, executor, 10_000);
      return invokeEndOf(sim.trace, id).initDurationMs!;
    };
    expect(withInitMs(300) - withInitMs(0)).toBeCloseTo(300, 9);
  });
});

describe('first-invoke cost', () => {
  it('applies to the first invocation of an environment only', () => {
    const { sim, executor } = setup(moduleArray, { memoryMb: 128 });
    const first = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const second = sim.submit({ at: 10_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 20_000);
    const cost = firstInvokeCostMs(RUNTIMES['nodejs22.x'], 128);
    expect(invokeEndOf(sim.trace, first).durationMs).toBeCloseTo(20 + cost, 9);
    expect(invokeEndOf(sim.trace, second).durationMs).toBe(20);
  });

  it('is smaller with more memory', () => {
    const firstDuration = (memoryMb: number) => {
      const { sim, executor } = setup(moduleArray, { memoryMb });
      const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
      runScripted(sim, executor, 10_000);
      return invokeEndOf(sim.trace, id).durationMs;
    };
    expect(firstDuration(1024)).toBeCloseTo(20 + 3.2, 9);
    expect(firstDuration(512)).toBeLessThan(firstDuration(128));
  });
});

describe('failed INIT', () => {
  const broken: FunctionScript = {
    init: () => {
      throw new ReferenceError('db is not defined');
    },
    initMs: 40,
    invoke: () => ({ response: 'unreachable' }),
  };

  it('fails the invocation with the INIT error and resets the environment', () => {
    const { sim, executor } = setup(broken);
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(end).toMatchObject({
      outcome: 'error',
      cold: true,
      durationMs: 0,
      error: { errorType: 'ReferenceError', errorMessage: 'db is not defined' },
    });
    expect(end.billedDurationMs).toBe(Math.ceil(end.initDurationMs!));
    expect(eventsOfType(sim.trace, 'init-end')[0]!.error?.errorType).toBe('ReferenceError');
    expect(eventsOfType(sim.trace, 'env-reset')).toMatchObject([{ envId: 'fn#1', reason: 'init-error' }]);
    expect(executor.calls.filter((call) => call.kind === 'invoke')).toHaveLength(0);
  });

  it('runs INIT again on the next request to that environment', () => {
    const { sim, executor } = setup(broken);
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const next = sim.submit({ at: 10_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 20_000);
    expect(invokeEndOf(sim.trace, next)).toMatchObject({ envId: 'fn#1', cold: true, outcome: 'error' });
    expect(eventsOfType(sim.trace, 'init-start')).toHaveLength(2);
  });
});

describe('code updates', () => {
  const version = (name: string): FunctionScript => ({ invoke: () => ({ durationMs: 1_000, response: name }) });

  it('shuts idle environments down at once and busy ones when they finish', () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({ fn: version('v1') });
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const busy = sim.submit({ at: 20_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 20_000);

    sim.updateFunction(testFunction({ code: 'export const handler = async () => "v2";', memoryMb: 256 }));
    runScripted(sim, executor, 20_000);
    const busyEnv = eventsOfType(sim.trace, 'invoke-start').find((event) => event.requestId === busy)!.envId;
    const reclaimed = eventsOfType(sim.trace, 'env-reclaimed');
    expect(reclaimed).toHaveLength(1);
    expect(reclaimed[0]).toMatchObject({ time: 20_000, reason: 'code-updated' });
    expect(reclaimed[0]!.envId).not.toBe(busyEnv);

    runScripted(sim, executor, 30_000);
    const busyEnd = invokeEndOf(sim.trace, busy);
    expect(eventsOfType(sim.trace, 'env-reclaimed')[1]).toMatchObject({
      envId: busyEnv,
      time: busyEnd.time,
      idleMs: 0,
      reason: 'code-updated',
    });
    expect(busyEnd.memoryMb).toBe(128);
  });

  it('sends later requests to new environments with the new configuration', () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({ fn: version('v1') });
    sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    sim.updateFunction(testFunction({ memoryMb: 512 }));
    const after = sim.submit({ at: 10_000, functionName: 'fn', event: {} });
    runScripted(sim, executor, 20_000);
    expect(invokeEndOf(sim.trace, after)).toMatchObject({ envId: 'fn#2', cold: true, memoryMb: 512 });
    expect(executor.loadedEnvironments).toEqual(['fn#2']);
  });
});

describe('determinism', () => {
  const traffic = (seed: number) => {
    const { sim, executor } = setup(moduleArray, {}, { seed });
    for (let i = 0; i < 30; i++) sim.submit({ at: (i % 7) * 400, functionName: 'fn', event: { i } });
    runScripted(sim, executor);
    return sim;
  };

  it('the same seed gives an identical trace', () => {
    expect(JSON.stringify(traffic(9).trace)).toBe(JSON.stringify(traffic(9).trace));
  });

  it('a different seed gives different request IDs', () => {
    const ids = (seed: number) => eventsOfType(traffic(seed).trace, 'request-received').map((event) => event.requestId);
    expect(ids(9)).not.toEqual(ids(10));
  });
});
