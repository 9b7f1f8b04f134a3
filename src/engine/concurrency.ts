/**
 * Concurrency limits and scaling: whether a request that finds no free provisioned
 * environment may take another one, and the throttle when it may not.
 *
 * Concurrency counts environments busy with a request plus provisioned environments not
 * serving one, because provisioned concurrency stays allocated while idle. A function with
 * reserved concurrency may use up to that much; the functions without it share the account
 * limit minus all reservations (the unreserved pool). A new environment also needs a token of
 * the scaling allowance; reusing an idle one does not.
 */
import type { EngineState } from './engine-state';
import type { FunctionState, Invocation } from './records';
import type { ThrottleReason } from './trace';

/** The limit a throttled request ran into and what counted against it. */
export interface LimitReached {
  readonly reason: ThrottleReason;
  readonly limit: number;
  readonly concurrency: number;
}

/** Returns a function's concurrency as its limits count it: busy plus unused provisioned environments. */
export function usageOf(fn: FunctionState): number {
  return fn.busy + fn.provisionedUnused;
}

/** Adds `delta` to a function's concurrency in the account's totals; callers change the function's own counts. */
export function changeUsage(state: EngineState, fn: FunctionState, delta: number): void {
  state.accountUsage += delta;
  if (fn.config.reservedConcurrency === undefined) state.unreservedUsage += delta;
}

/**
 * Returns the concurrency limit a request of `fn` would exceed by taking one more
 * environment, or undefined when there is room.
 */
export function concurrencyLimitReached(state: EngineState, fn: FunctionState): LimitReached | undefined {
  const reserved = fn.config.reservedConcurrency;
  if (reserved !== undefined) {
    const concurrency = usageOf(fn);
    if (concurrency < reserved) return undefined;
    return { reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', limit: reserved, concurrency };
  }
  if (state.unreservedUsage < state.unreservedPool) return undefined;
  return { reason: 'ConcurrentInvocationLimitExceeded', limit: state.unreservedPool, concurrency: state.unreservedUsage };
}

/** Takes a token of the scaling allowance for a new environment; returns the limit when none is left. */
export function takeScalingToken(state: EngineState, fn: FunctionState): LimitReached | undefined {
  const bucket = fn.scaling ?? state.accountScaling!;
  if (bucket.take(state.now)) return undefined;
  return {
    reason: 'ScalingRateExceeded',
    limit: bucket.capacity,
    concurrency: fn.scaling ? usageOf(fn) : state.accountUsage,
  };
}

/** HTTP responses a throttled caller receives, by invoker. */
const API_GATEWAY_ERROR = '{"message":"Internal server error"}';

/** Records the throttle of `invocation`; Lambda does not retry a throttled synchronous request. */
export function throttle(state: EngineState, invocation: Invocation, limit: LimitReached): void {
  const direct = invocation.invoker === 'direct';
  state.trace.push({
    type: 'throttled',
    time: state.now,
    requestId: invocation.requestId,
    functionName: invocation.fn.config.name,
    invoker: invocation.invoker,
    reason: limit.reason,
    errorType: 'TooManyRequestsException',
    statusCode: direct ? 429 : 500,
    responseJson: direct ? `{"Reason":"${limit.reason}","Type":"User","message":"Rate Exceeded."}` : API_GATEWAY_ERROR,
    limit: limit.limit,
    concurrency: limit.concurrency,
  });
}

/** Recomputes the unreserved pool and the account's totals after a function's configuration changed. */
export function recountPools(state: EngineState): void {
  let reserved = 0;
  let unreservedUsage = 0;
  let accountUsage = 0;
  for (const fn of state.functions.values()) {
    const usage = usageOf(fn);
    accountUsage += usage;
    if (fn.config.reservedConcurrency === undefined) unreservedUsage += usage;
    else reserved += fn.config.reservedConcurrency;
  }
  state.unreservedPool = Math.max(0, state.account.concurrencyLimit - reserved);
  state.unreservedUsage = unreservedUsage;
  state.accountUsage = accountUsage;
}
