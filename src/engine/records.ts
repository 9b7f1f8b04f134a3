/**
 * The simulation's internal bookkeeping: scheduled events, requests in flight and the state of
 * each function. None of this leaves the engine; the trace is the public record.
 */
import type { Environment, IdlePool } from './environment';
import type { Scheduled } from './event-queue';
import type { ExecutionRequest, ExecutionResult, InitResult, InvokeResult, LogLine } from './execution';
import type { FunctionConfig } from './model';

/** The next thing that happens to a request, when it is in the event queue. */
export type InvocationPhase = 'arrival' | 'init-start' | 'init-end' | 'invoke-end';

/**
 * A synchronous request from arrival to the end of its invocation. A request has at most one
 * pending event at a time, so the request itself is the event queue's entry for it, and
 * `phase` names what happens at `time`.
 */
export interface Invocation extends Scheduled {
  phase: InvocationPhase;
  readonly requestId: string;
  readonly fn: FunctionState;
  readonly event: unknown;
  readonly source: string;
  env: Environment | undefined;
  /** Whether this invocation waited for its environment's INIT. */
  cold: boolean;
  /** Runtime part of Init Duration, sampled when INIT starts, in ms. */
  runtimeInitMs: number;
  initStartTime: number;
  initDurationMs: number | undefined;
  initResult: InitResult | undefined;
  invokeStartTime: number;
  /** The runtime's extra duration on the first invocation after INIT (0 otherwise), in ms. */
  firstInvokeMs: number;
  /** Duration as the REPORT line shows it, known once the invoke result is applied, in ms. */
  invokeDurationMs: number;
  invokeResult: InvokeResult | undefined;
  /** INIT_START, the INIT output and (when INIT failed) INIT_REPORT, for a cold invocation. */
  initLogs: LogLine[] | undefined;
}

/** An execution handed out by `step` and the result reported for it. */
export interface PendingExecution {
  readonly request: ExecutionRequest;
  readonly invocation: Invocation;
  result: ExecutionResult | undefined;
}

/** A function's current version and its environments' bookkeeping. */
export interface FunctionState {
  config: FunctionConfig;
  /** Increases on every `updateFunction`; environments of an older version are never reused. */
  version: number;
  /** Environments created so far, for `<name>#<n>` IDs. */
  environmentCount: number;
  /** Idle environments of the current version. */
  readonly idle: IdlePool;
  readonly functionArn: string;
  readonly logGroupName: string;
  runtimeVersionArn: string;
}
