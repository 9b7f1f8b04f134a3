/**
 * Placing a request that reached its function: on a free provisioned environment, a warm one
 * or a new one, within the concurrency limits and the scaling rate. Synchronous requests and
 * the attempts of asynchronous events both come through here; they differ in what a throttle
 * means to them.
 */
import { concurrencyLimitReached, takeScalingToken, type LimitReached } from './concurrency';
import { schedulePhase, type EngineState } from './engine-state';
import type { AsyncEvent } from './async-event';
import { startInit, startInvoke } from './invocation';
import { PLATFORM_OVERHEAD_MS } from './limits';
import { createEnvironment, placeOnIdleEnvironment, placeOnProvisionedEnvironment } from './placement';
import type { FunctionState, Invocation } from './records';
import type { Invoker } from './trace';

/**
 * Places `invocation` and starts its INIT or INVOKE, or returns the limit that stops it.
 * Nothing changes when it returns a limit.
 */
export function placeRequest(state: EngineState, invocation: Invocation): LimitReached | undefined {
  const { fn } = invocation;
  // A free provisioned environment is already counted against the limits.
  let env = placeOnProvisionedEnvironment(invocation);
  if (env === undefined) {
    const limit = concurrencyLimitReached(state, fn);
    if (limit !== undefined) return limit;
    invocation.spillover = fn.provisionedEnvironments > 0;
    env = placeOnIdleEnvironment(state, invocation);
  }
  if (env === undefined) {
    const limit = takeScalingToken(state, fn);
    if (limit !== undefined) {
      invocation.spillover = false;
      return limit;
    }
    // A cold start: platform work (placing the microVM, fetching code) comes before INIT
    // and is in neither Init Duration nor Billed Duration.
    createEnvironment(state, invocation);
    const overheadMs = state.random.placement.uniform(PLATFORM_OVERHEAD_MS.min, PLATFORM_OVERHEAD_MS.max);
    schedulePhase(state, invocation, 'init-start', state.now + overheadMs);
  } else if (env.needsInit) {
    startInit(state, invocation);
  } else {
    startInvoke(state, invocation);
  }
  return undefined;
}

/** A new request record; `asyncEvent` and `attempt` are set for an attempt of an asynchronous event. */
export function newInvocation(
  fn: FunctionState,
  requestId: string,
  event: unknown,
  source: string,
  invoker: Invoker,
  time: number,
  asyncEvent: AsyncEvent | undefined,
  attempt: number,
): Invocation {
  return {
    time,
    seq: 0,
    heapIndex: -1,
    phase: 'arrival',
    requestId,
    fn,
    event,
    source,
    invoker,
    env: undefined,
    spillover: false,
    cold: false,
    runtimeInitMs: 0,
    initStartTime: 0,
    initDurationMs: undefined,
    initResult: undefined,
    invokeStartTime: 0,
    firstInvokeMs: 0,
    invokeDurationMs: 0,
    invokeResult: undefined,
    initLogs: undefined,
    asyncEvent,
    attempt,
  };
}
