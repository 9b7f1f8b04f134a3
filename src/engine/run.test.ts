import { describe, expect, it } from 'vitest';
import type { Executor, InitRequest, InitResult, InvokeRequest, InvokeResult } from './execution';
import { runSimulation } from './run';
import { Simulation } from './simulation';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType } from './testing/trace-queries';

const counter: FunctionScript<{ count: number }> = {
  init: () => ({ count: 0 }),
  invoke: (_event, state) => ({ durationMs: 30, response: ++state.count }),
};

/**
 * Wraps an executor so that, within one step, later calls settle first: call n waits
 * 10 - (n mod 10) microtask turns before its result is delivered.
 */
class ReversingExecutor implements Executor {
  private calls = 0;
  constructor(private readonly inner: ScriptedExecutor) {}

  init(request: InitRequest): Promise<InitResult> {
    return this.later(this.inner.initSync(request));
  }

  invoke(request: InvokeRequest): Promise<InvokeResult> {
    return this.later(this.inner.invokeSync(request));
  }

  dispose(envId: string): void {
    this.inner.dispose(envId);
  }

  private later<T>(result: T): Promise<T> {
    const turns = 10 - (this.calls++ % 10);
    let settled = Promise.resolve();
    for (let i = 0; i < turns; i++) settled = settled.then(() => undefined);
    return settled.then(() => result);
  }
}

function traffic(sim: Simulation): void {
  for (let i = 0; i < 3; i++) sim.submit({ at: 0, functionName: 'fn', event: { i } });
  // Three concurrent warm invocations in one step.
  for (let i = 0; i < 3; i++) sim.submit({ at: 30_000, functionName: 'fn', event: { i } });
  sim.submit({ at: 60_000, functionName: 'fn', event: {} });
}

describe('runSimulation', () => {
  it('runs to the end and gives the same trace as the synchronous loop', async () => {
    const asyncSim = new Simulation([testFunction()], testSettings());
    traffic(asyncSim);
    const outcome = await runSimulation(asyncSim, new ScriptedExecutor({ fn: counter }));

    const syncSim = new Simulation([testFunction()], testSettings());
    traffic(syncSim);
    runScripted(syncSim, new ScriptedExecutor({ fn: counter }));

    expect(outcome.stoppedBecause).toBe('idle');
    expect(asyncSim.nextEventTime()).toBeUndefined();
    expect(eventsOfType(asyncSim.trace, 'env-reclaimed')).toHaveLength(3);
    expect(JSON.stringify(asyncSim.trace)).toBe(JSON.stringify(syncSim.trace));
  });

  it('applies results in request order when they settle out of order', async () => {
    const reversed = new Simulation([testFunction()], testSettings());
    traffic(reversed);
    await runSimulation(reversed, new ReversingExecutor(new ScriptedExecutor({ fn: counter })));

    const inOrder = new Simulation([testFunction()], testSettings());
    traffic(inOrder);
    await runSimulation(inOrder, new ScriptedExecutor({ fn: counter }));

    expect(JSON.stringify(reversed.trace)).toBe(JSON.stringify(inOrder.trace));
  });

  it('stops at until and can be run on', async () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({ fn: counter });
    traffic(sim);
    await runSimulation(sim, executor, { until: 20_000 });
    expect(sim.now).toBeLessThanOrEqual(20_000);
    expect(sim.nextEventTime()).toBe(30_000);
    expect(eventsOfType(sim.trace, 'invoke-end')).toHaveLength(3);

    await runSimulation(sim, executor, { until: 70_000 });
    expect(eventsOfType(sim.trace, 'invoke-end')).toHaveLength(7);
  });

  it('calls onStep after every step', async () => {
    const sim = new Simulation([testFunction()], testSettings());
    traffic(sim);
    let calls = 0;
    const outcome = await runSimulation(sim, new ScriptedExecutor({ fn: counter }), { onStep: () => calls++ });
    expect(calls).toBe(outcome.steps);
    expect(calls).toBeGreaterThan(4);
  });

  it('stops before the next step once the signal is aborted', async () => {
    const sim = new Simulation([testFunction()], testSettings());
    traffic(sim);
    const signal = { aborted: false };
    const outcome = await runSimulation(sim, new ScriptedExecutor({ fn: counter }), {
      signal,
      onStep: () => {
        signal.aborted = true;
      },
    });
    expect(outcome).toEqual({ steps: 1, stoppedBecause: 'aborted' });
    expect(sim.pendingExecutions).toBe(0);
  });

  it('disposes environments the simulation drops', async () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({ fn: counter });
    traffic(sim);
    await runSimulation(sim, executor);
    expect(executor.loadedEnvironments).toEqual([]);
    expect(executor.calls.filter((call) => call.kind === 'dispose').map((call) => call.envId).sort()).toEqual([
      'fn#1',
      'fn#2',
      'fn#3',
    ]);
  });

  it('rejects when the executor fails', async () => {
    const sim = new Simulation([testFunction()], testSettings());
    traffic(sim);
    const failing: Executor = {
      init: () => Promise.reject(new Error('worker crashed')),
      invoke: () => Promise.reject(new Error('worker crashed')),
      dispose: () => {},
    };
    await expect(runSimulation(sim, failing)).rejects.toThrow('worker crashed');
    expect(sim.pendingExecutions).toBe(1);
  });
});
