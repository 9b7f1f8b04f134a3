/** Plain-language explanations of a throttle for the inspector, with the AWS rule behind it. */
import { ACCOUNT_BURST_SCALING, PER_FUNCTION_SCALING } from './limits';
import type { ScalingModel } from './model';
import type { RequestThrottled, ThrottleReason } from './trace';

const count = (n: number) => n.toLocaleString('en-US');

/** Short names of the throttle reasons, for labels and legends. */
export const THROTTLE_REASON_LABELS: Readonly<Record<ThrottleReason, string>> = {
  ReservedFunctionConcurrentInvocationLimitExceeded: 'reserved concurrency reached',
  ConcurrentInvocationLimitExceeded: 'account concurrency reached',
  ScalingRateExceeded: 'scaling rate reached',
};

/**
 * Explains why a request was throttled and what its caller received, in two sentences: the
 * limit with the rule behind it, then the response. `scaling` is the run's scaling model,
 * which the wording of a scaling-rate throttle depends on (per-function by default).
 */
export function explainThrottle(event: RequestThrottled, scaling: ScalingModel = { kind: 'per-function' }): string {
  return `${explainLimit(event, scaling)} ${explainResponse(event)}`;
}

function explainLimit(event: RequestThrottled, scaling: ScalingModel): string {
  const fn = `Function "${event.functionName}"`;
  switch (event.reason) {
    case 'ReservedFunctionConcurrentInvocationLimitExceeded':
      if (event.limit === 0) return `${fn} has reserved concurrency 0, and Lambda throttles every request to a function reserved at 0.`;
      return `${fn} had ${count(event.concurrency)} environments busy or provisioned, all of its reserved concurrency of ${count(event.limit)}, which caps the function as well as guaranteeing it that much.`;
    case 'ConcurrentInvocationLimitExceeded':
      return `The functions without reserved concurrency had all ${count(event.limit)} of the unreserved pool in use (the account's concurrency limit minus every function's reserved concurrency), so function "${event.functionName}" could get no further environment.`;
    case 'ScalingRateExceeded':
      if (scaling.kind === 'account-burst') {
        return `${fn} needed a new environment, but the account had used its burst of ${count(event.limit)} new environments, which all functions share and which refills at ${count(ACCOUNT_BURST_SCALING.refillPerSecond * 60)} a minute (the scaling rule before 26 November 2023).`;
      }
      return `${fn} needed a new environment but had used its scaling allowance: each function may add at most ${count(PER_FUNCTION_SCALING.capacity)} environments per 10 seconds, refilled at ${count(PER_FUNCTION_SCALING.refillPerSecond)} a second.`;
  }
}

function explainResponse(event: RequestThrottled): string {
  if (event.invoker === 'api-gateway') {
    return `API Gateway received Lambda's 429 TooManyRequestsException and returned HTTP 500 ${event.responseJson} to the client, and neither retried the request.`;
  }
  return `Lambda returned HTTP 429 TooManyRequestsException (Reason ${event.reason}) at once and does not retry a synchronous request; the caller may retry.`;
}
