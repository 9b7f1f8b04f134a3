/**
 * The simulated Lambda service: a seeded discrete-event simulation on a virtual clock.
 *
 * The simulation is synchronous and pure. It never runs handler code: `step` returns the
 * executions the caller must run (INIT or INVOKE in an environment), and the caller reports
 * each result with `resolve` before stepping again. Every event due at one simulated time is
 * processed in one step, so executions that start at the same time can run in parallel, and
 * their results are applied in the order they were requested, which keeps the trace
 * deterministic however the executions interleave in real time.
 */
import type { ExecutionRequest, ExecutionResult } from './execution';
import type { FunctionConfig, SimulationSettings, SyncRequestInput } from './model';
import type { TraceEvent } from './trace';

export interface StepOutput {
  /** Executions to run now; each must be reported back with `Simulation.resolve`. */
  readonly executions: readonly ExecutionRequest[];
  /** Environments whose module instance and timers the executor should drop. */
  readonly disposed: readonly string[];
}

export class Simulation {
  constructor(functions: readonly FunctionConfig[], settings: SimulationSettings) {
    void functions;
    void settings;
    throw new Error('Simulation: not implemented yet');
  }

  /** Everything that happened so far, in time order. */
  get trace(): readonly TraceEvent[] {
    throw new Error('not implemented');
  }

  /** Simulated time of the last processed event. */
  get now(): number {
    throw new Error('not implemented');
  }

  /** Number of executions returned by `step` and not yet resolved. */
  get pendingExecutions(): number {
    throw new Error('not implemented');
  }

  /** Schedules a synchronous request at `request.at` (not before `now`) and returns its request ID. */
  submit(request: SyncRequestInput): string {
    void request;
    throw new Error('not implemented');
  }

  /**
   * Replaces a function's code or configuration. As on Lambda, environments of the old
   * version are never reused: idle ones are shut down and busy ones when they finish.
   */
  updateFunction(config: FunctionConfig): void {
    void config;
    throw new Error('not implemented');
  }

  /** Simulated time of the earliest pending event, or undefined when nothing is scheduled. */
  nextEventTime(): number | undefined {
    throw new Error('not implemented');
  }

  /**
   * Processes every event due at the earliest pending time, if that time is not after
   * `until`. Throws while executions from an earlier step are unresolved.
   */
  step(until = Number.POSITIVE_INFINITY): StepOutput {
    void until;
    throw new Error('not implemented');
  }

  /** Applies the result of an execution returned by `step`. */
  resolve(executionId: number, result: ExecutionResult): void {
    void executionId;
    void result;
    throw new Error('not implemented');
  }
}
