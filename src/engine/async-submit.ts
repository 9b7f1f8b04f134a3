/**
 * Submission of requests that Lambda queues: asynchronous invocations and the events of S3,
 * SNS, EventBridge and schedules, which invoke functions asynchronously when they are due.
 */
import { AsyncEvent } from './async-event';
import { functionNamed, type EngineState } from './engine-state';
import type { QueuedRequestInput } from './model';
import { submitServiceEvent } from './service-events';

/** Returns the request ID of an asynchronous invocation, or the event ID of a service event. */
export function submitAsync(state: EngineState, request: QueuedRequestInput): string {
  if (request.type !== 'async') return submitServiceEvent(state, request);
  const fn = functionNamed(state, request.functionName);
  const event = new AsyncEvent(state.random.requestIds.uuid(), fn, request.event, request.source ?? 'direct', { kind: 'invoke' }, 1);
  event.time = request.at;
  // Traffic is mostly submitted in time order, which the queue keeps apart from its heap.
  state.queue.pushInOrder(event);
  return event.requestId;
}
