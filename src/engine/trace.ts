/**
 * The trace: an append-only, time-ordered record of everything the simulated Lambda service
 * did. It is the engine's only output besides execution requests. The timeline, the
 * inspector and the headless runner's summary are all derived from it. Times are simulated
 * ms since the start of the scenario.
 */
import type {
  AsyncAttemptStarted,
  AsyncEventDone,
  AsyncEventDropped,
  AsyncEventExpired,
  AsyncEventQueued,
  AsyncRetryScheduled,
  DeadLetterSent,
  DestinationDelivered,
  ServiceEventEmitted,
} from './async-trace';
import type { InvokeOutcome, LambdaError, LogLine } from './execution';

export type * from './async-trace';

export type TraceEvent =
  | RequestReceived
  | EnvironmentCreated
  | InitStarted
  | InitEnded
  | InvokeStarted
  | InvokeEnded
  | EnvironmentReset
  | EnvironmentReclaimed
  | RequestThrottled
  | AsyncEventQueued
  | AsyncAttemptStarted
  | AsyncRetryScheduled
  | AsyncEventExpired
  | AsyncEventDropped
  | DeadLetterSent
  | DestinationDelivered
  | AsyncEventDone
  | ServiceEventEmitted;

/** `RequestResponse` for a synchronous request, `Event` for an asynchronous one. */
export type InvocationType = 'RequestResponse' | 'Event';

/**
 * How a request reached Lambda, which decides what its caller sees when Lambda rejects it:
 * `direct` is an `Invoke` API call (a throttle is HTTP 429), `api-gateway` a REST or HTTP API
 * with a Lambda proxy integration (a throttle reaches the client as HTTP 500).
 */
export type Invoker = 'direct' | 'api-gateway';

/** A request reached the Lambda service. */
export interface RequestReceived {
  readonly type: 'request-received';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  /**
   * `Event` for an asynchronous request: Lambda answered it with HTTP 202 and queued it
   * (`async-queued` follows at once).
   */
  readonly invocationType: InvocationType;
  readonly event: unknown;
  readonly source: string;
  /** The engine always sets it; optional only so that older hand-written traces still type-check. */
  readonly invoker?: Invoker;
}

/** A new execution environment was placed; platform work before INIT starts now. */
export interface EnvironmentCreated {
  readonly type: 'env-created';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  /** The request that caused it; absent for a provisioned environment, which no request causes. */
  readonly requestId?: string;
  /**
   * True for an environment of the function's provisioned concurrency: Lambda creates and
   * initialises it before traffic and never reclaims it for idling. The engine always sets it.
   */
  readonly provisioned?: boolean;
}

export interface InitStarted {
  readonly type: 'init-start';
  readonly time: number;
  readonly envId: string;
  readonly functionName: string;
  /**
   * The request waiting for this INIT; absent when a provisioned environment initialises
   * ahead of traffic.
   */
  readonly requestId?: string;
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
  /** Whether it runs on a provisioned environment. The engine always sets it. */
  readonly provisioned?: boolean;
  /**
   * Whether it runs on an on-demand environment of a function that has provisioned
   * concurrency: the CloudWatch `ProvisionedConcurrencySpilloverInvocations` case. The engine
   * always sets it.
   */
  readonly spillover?: boolean;
  /** `Event` for an attempt of an asynchronous event; absent for a synchronous request. */
  readonly invocationType?: InvocationType;
  /** The attempt's number (1 to 3) for an asynchronous event. */
  readonly attempt?: number;
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
   * The lines written during INVOKE: the handler's and the runtime's, then Lambda's
   * `Task timed out` line on a timeout. Lambda's START, END and REPORT lines and the INIT
   * output are not here; `invocationLogLines` in platform-logs.ts builds the whole
   * CloudWatch output from this event.
   */
  readonly logs: readonly LogLine[];
  /**
   * On a cold invocation, the INIT output that came before START: the same lines as the
   * init-end event's `logs`.
   */
  readonly initLogs?: readonly LogLine[];
  /** Simulated time of the invocation's invoke-start, in ms. The engine always sets it. */
  readonly startTime?: number;
  /**
   * True when the invocation failed because its environment's INIT failed, so REPORT shows
   * `Status: error` with the INIT error's type. Set on every cold invocation, absent on a
   * warm one.
   */
  readonly initFailed?: boolean;
  /**
   * Whether it ran on a provisioned environment (billed at the provisioned duration price).
   * The engine always sets it.
   */
  readonly provisioned?: boolean;
  /** `Event` for an attempt of an asynchronous event; absent for a synchronous request. */
  readonly invocationType?: InvocationType;
  /** The attempt's number (1 to 3) for an asynchronous event. */
  readonly attempt?: number;
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

/**
 * The reason Lambda throttled a request. `ReservedFunctionConcurrentInvocationLimitExceeded` and
 * `ConcurrentInvocationLimitExceeded` are the `Reason` values of the Invoke API's
 * `TooManyRequestsException`.
 * NOTE: AWS documents no `Reason` for a request throttled because the function cannot add
 * environments fast enough (the scaling rate); `ScalingRateExceeded` is the playground's name.
 */
export type ThrottleReason =
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'ConcurrentInvocationLimitExceeded'
  | 'ScalingRateExceeded';

/**
 * Lambda rejected a synchronous request at once because no idle environment was free and no
 * new one could be made. Lambda does not retry it; the request ends here without an
 * environment.
 */
export interface RequestThrottled {
  readonly type: 'throttled';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly invoker: Invoker;
  readonly reason: ThrottleReason;
  /** The error Lambda returns; through API Gateway the client receives only a 500. */
  readonly errorType: 'TooManyRequestsException';
  /** HTTP status the caller receives: 429 from the Invoke API, 500 through API Gateway. */
  readonly statusCode: 429 | 500;
  /** The response body the caller receives, as JSON text. */
  readonly responseJson: string;
  /**
   * The limit that was reached: the function's reserved concurrency, the concurrency the
   * unreserved pool allows, or for the scaling rate the capacity of its token bucket (1,000
   * environments per function, or the account-wide burst of the older model).
   */
  readonly limit: number;
  /**
   * Concurrency at that moment of what the limit covers: the function for a reserved limit
   * and for the per-function scaling rate, the functions without reserved concurrency for
   * the unreserved pool, the whole account for the account-wide burst. Idle provisioned
   * environments count, because provisioned concurrency stays allocated while idle.
   */
  readonly concurrency: number;
}

/**
 * A trace as its readers see it: the first `length` events of `events`. A running simulation's
 * trace only grows, so the page hands its views this prefix of the one array instead of a
 * copy, and a reader never looks past `length`.
 */
export interface TracePrefix {
  readonly events: readonly TraceEvent[];
  readonly length: number;
}

/** A whole trace, or a prefix of a growing one. */
export type TraceInput = readonly TraceEvent[] | TracePrefix;

/** Returns `trace` as a prefix; a whole trace is the prefix of its own length. */
export function tracePrefix(trace: TraceInput): TracePrefix {
  return isPrefix(trace) ? trace : { events: trace, length: trace.length };
}

function isPrefix(trace: TraceInput): trace is TracePrefix {
  return !Array.isArray(trace);
}

/** Returns a copy of the prefix's events, for a reader that needs an array. */
export function prefixEvents(trace: TracePrefix): TraceEvent[] {
  return trace.events.slice(0, trace.length);
}
