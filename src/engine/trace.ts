/**
 * The trace: an append-only, time-ordered record of everything the simulated Lambda service
 * did. It is the engine's only output besides execution requests. The timeline, the
 * inspector and the headless runner's summary are all derived from it. Times are simulated
 * ms since the start of the scenario.
 */
import type { InvokeOutcome, LambdaError, LogLine } from './execution';

export type TraceEvent =
  | RequestReceived
  | EnvironmentCreated
  | InitStarted
  | InitEnded
  | InvokeStarted
  | InvokeEnded
  | EnvironmentReset
  | EnvironmentReclaimed;

/** A request reached the Lambda service. */
export interface RequestReceived {
  readonly type: 'request-received';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly invocationType: 'RequestResponse';
  readonly event: unknown;
  readonly source: string;
}

/** A new execution environment was placed; platform work before INIT starts now. */
export interface EnvironmentCreated {
  readonly type: 'env-created';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  /** The request that caused it. */
  readonly requestId: string;
}

export interface InitStarted {
  readonly type: 'init-start';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
}

export interface InitEnded {
  readonly type: 'init-end';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  /** Init Duration as the REPORT line shows it: runtime init plus the user's INIT code, in ms. */
  readonly initDurationMs: number;
  /** The part of it the user's top-level code spent on the simulated clock, in ms. */
  readonly userInitMs: number;
  readonly error?: LambdaError;
  readonly logs: readonly LogLine[];
}

export interface InvokeStarted {
  readonly type: 'invoke-start';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  readonly requestId: string;
  /** Whether this invocation waited for its environment's INIT. */
  readonly cold: boolean;
}

export interface InvokeEnded {
  readonly type: 'invoke-end';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  readonly requestId: string;
  readonly outcome: InvokeOutcome;
  readonly cold: boolean;
  /** Duration as the REPORT line shows it, in ms. */
  readonly durationMs: number;
  /** Billed Duration: duration (plus Init Duration when INIT is billed) rounded up to 1 ms. */
  readonly billedDurationMs: number;
  /** Init Duration for a cold invocation, else undefined. */
  readonly initDurationMs?: number;
  readonly memoryMb: number;
  readonly responseJson?: string;
  readonly error?: LambdaError;
  /**
   * The invocation's whole CloudWatch output: INIT_START and INIT output on a cold start, then
   * START, the handler's lines, END and REPORT.
   */
  readonly logs: readonly LogLine[];
}

/** A timeout or a failed INIT reset the environment: its next invocation runs INIT again. */
export interface EnvironmentReset {
  readonly type: 'env-reset';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  readonly reason: 'timeout' | 'init-error';
}

/**
 * Why Lambda shut an environment down: `idle` after its idle lifetime ran out, `code-updated`
 * because the function's code or configuration changed (at once when idle, else when its
 * invocation ends).
 */
export type ReclaimReason = 'idle' | 'code-updated';

/** Lambda shut an environment down. */
export interface EnvironmentReclaimed {
  readonly type: 'env-reclaimed';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  /** How long it had been idle, in ms (0 when it was shut down as its invocation ended). */
  readonly idleMs: number;
  /** The engine always sets it; optional only so that older hand-written traces still type-check. */
  readonly reason?: ReclaimReason;
}
