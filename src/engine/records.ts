/**
 * The simulation's internal bookkeeping: scheduled events, requests in flight and the state of
 * each function. None of this leaves the engine; the trace is the public record.
 */
import type { AsyncEvent, FunctionAsyncQueue } from './async-event';
import type { Environment, IdlePool } from './environment';
import type { Scheduled } from './event-queue';
import type { InitResult, InvokeResult, LogLine } from './execution';
import type { FunctionConfig } from './model';
import type { TokenBucket } from './token-bucket';
import type { Invoker } from './trace';

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
  readonly invoker: Invoker;
  env: Environment | undefined;
  /** Whether it runs on an on-demand environment while its function has provisioned ones. */
  spillover: boolean;
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
  /** The asynchronous event this invocation is an attempt of; undefined for a synchronous request. */
  readonly asyncEvent: AsyncEvent | undefined;
  /** The attempt's number (from 1) for an asynchronous event, 0 for a synchronous request. */
  readonly attempt: number;
}

/** A function's current version and its environments' bookkeeping. */
export interface FunctionState {
  config: FunctionConfig;
  /** Increases on every `updateFunction`; environments of an older version are never reused. */
  version: number;
  /** Environments created so far, for `<name>#<n>` IDs. */
  environmentCount: number;
  /** Idle on-demand environments of the current version. */
  readonly idle: IdlePool;
  /** Initialised, idle provisioned environments of the current version; requests take these first. */
  readonly provisionedReady: IdlePool;
  /** Environments busy with a request (INIT for a request, or INVOKE), of any version. */
  busy: number;
  /**
   * Provisioned environments not serving a request, initialising or ready. Provisioned
   * concurrency stays allocated while idle, so they count against concurrency limits.
   */
  provisionedUnused: number;
  /** Provisioned environments of the current version, busy or not. */
  provisionedEnvironments: number;
  /** The function's scaling allowance under the per-function model; undefined under the account-wide burst. */
  readonly scaling: TokenBucket | undefined;
  readonly functionArn: string;
  readonly logGroupName: string;
  runtimeVersionArn: string;
  /** The function's internal queue of asynchronous events. */
  readonly asyncQueue: FunctionAsyncQueue;
}
