/**
 * The loop that drives a simulation with a real executor, used by the headless runner and the
 * browser session: step, run the step's executions in parallel, report their results, repeat.
 */
import type { ExecutionRequest, ExecutionResult, Executor } from './execution';
import type { Simulation } from './simulation';

/** The part of the standard `AbortSignal` the loop reads (the engine compiles without DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface RunOptions {
  /** Process events due at or before this simulated time, in ms (default: all of them). */
  readonly until?: number;
  /** Stops the loop before its next step; the simulation stays consistent and can be run on. */
  readonly signal?: AbortSignalLike;
  /** Called after each step's results are applied, e.g. to publish the trace. */
  readonly onStep?: () => void;
}

export interface RunOutcome {
  readonly steps: number;
  /** `idle`: nothing left at or before `until`; `aborted`: the signal stopped the loop. */
  readonly stoppedBecause: 'idle' | 'aborted';
}

/**
 * Runs `sim` until no event is due at or before `options.until`. Environments a step disposes
 * are dropped from the executor before that step's executions start, because a new INIT in the
 * same step may reuse a reset environment's ID. Results are reported in the order the
 * executions were requested. If the executor rejects (the sandbox itself failed, not a
 * handler), the returned promise rejects with that error and the step stays unresolved.
 */
export async function runSimulation(sim: Simulation, executor: Executor, options: RunOptions = {}): Promise<RunOutcome> {
  const until = options.until ?? Number.POSITIVE_INFINITY;
  let steps = 0;
  for (;;) {
    if (options.signal?.aborted) return { steps, stoppedBecause: 'aborted' };
    const next = sim.nextEventTime();
    if (next === undefined || next > until) return { steps, stoppedBecause: 'idle' };

    const { executions, disposed } = sim.step(until);
    for (const envId of disposed) executor.dispose(envId);
    if (executions.length === 1) {
      // Most steps of a busy run hand out one execution; awaiting it alone skips Promise.all.
      const execution = executions[0]!;
      sim.resolve(execution.executionId, await execute(executor, execution));
    } else if (executions.length > 1) {
      const results: ExecutionResult[] = await Promise.all(executions.map((execution) => execute(executor, execution)));
      executions.forEach((execution, i) => sim.resolve(execution.executionId, results[i]!));
    }
    steps++;
    options.onStep?.();
  }
}

function execute(executor: Executor, execution: ExecutionRequest): Promise<ExecutionResult> {
  return execution.kind === 'init' ? executor.init(execution) : executor.invoke(execution);
}
