/**
 * Asynchronous invocation: Lambda's internal queue in front of each function, and the life of
 * one event in it. An event enters the queue, is read as soon as the function has capacity
 * (reserved, account and scaling limits as for any request), and runs. A function error or
 * timeout uses one of its retry attempts, after about 1 and then 2 minutes. A throttle does
 * not: the event goes back to the queue with a backoff from 1 s doubling up to 5 minutes, and
 * Lambda stops reading the queue until capacity frees up. An event that runs out of attempts
 * or reaches its maximum age goes to the on-failure destination or the dead-letter queue
 * (`async-routing.ts`), or is dropped.
 */
import {
  ASYNC_EVENT_AGE_S,
  ASYNC_RETRY_ATTEMPTS,
  FUNCTION_ERROR_RETRY_DELAYS_MS,
  RECURSIVE_LOOP_LIMIT,
  THROTTLE_BACKOFF_MS,
} from './async-limits';
import * as explain from './async-explain';
import { routeFailure, routeSuccess } from './async-routing';
import type { AsyncTrigger } from './async-trace';
import type { LimitReached } from './concurrency';
import { newInvocation, placeRequest } from './dispatch';
import type { EngineState } from './engine-state';
import type { Scheduled } from './event-queue';
import type { InvokeOutcome, LambdaError } from './execution';
import type { FunctionState, Invocation } from './records';

/**
 * Where an event is: `arrival` before it reaches Lambda, `waiting` in the queue for capacity
 * (its scheduled time is then its expiry), `delayed` until a retry (its scheduled time is the
 * retry), `running` in an attempt, `done` once it has left the queue.
 */
export type AsyncEventPhase = 'arrival' | 'waiting' | 'delayed' | 'running' | 'done';

/** The last failure of an event, for its DLQ message and its failure record. */
export interface AsyncFailure {
  /** The status of the attempt: 200 when the function ran (and failed), 429 when throttled. */
  readonly statusCode: number;
  readonly functionError: 'Unhandled' | undefined;
  readonly errorMessage: string;
  /** The response payload of the record: the function's error object. */
  readonly payload: unknown;
}

/** One asynchronous event; it is its own event queue entry while it waits for a time. */
export class AsyncEvent implements Scheduled {
  time = 0;
  seq = 0;
  heapIndex = -1;
  phase: AsyncEventPhase = 'arrival';
  /** Attempts that ran. */
  attempts = 0;
  /** Throttles since the last attempt that ran; they set the backoff. */
  throttles = 0;
  /** Simulated time the event entered the queue, in ms. */
  queuedAt = 0;
  /** Simulated time it reaches its maximum age, in ms. */
  expiresAt = 0;
  lastFailure: AsyncFailure | undefined;

  constructor(
    readonly requestId: string,
    readonly fn: FunctionState,
    readonly event: unknown,
    readonly source: string,
    readonly trigger: AsyncTrigger,
    /** Invocations in the chain of events that led here, this one included (1 for an event from outside). */
    readonly chainDepth: number,
  ) {}
}

/** A first-in, first-out list that skips events which left the queue while they waited. */
class EventList {
  private items: AsyncEvent[] = [];
  private head = 0;

  push(event: AsyncEvent): void {
    this.items.push(event);
  }

  /** Removes and returns the first event still waiting. */
  shift(): AsyncEvent | undefined {
    while (this.head < this.items.length) {
      const event = this.items[this.head++]!;
      if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      if (event.phase === 'waiting') return event;
    }
    return undefined;
  }

  /** Puts an event back at the front. */
  unshift(event: AsyncEvent): void {
    if (this.head > 0) this.items[--this.head] = event;
    else this.items.unshift(event);
  }
}

/**
 * A function's internal queue. Retried events are read before new ones. While `blocked`,
 * Lambda has been throttled reading this queue and waits for capacity to free up; the queue
 * is then also its own event queue entry, due when it may read again.
 */
export class FunctionAsyncQueue implements Scheduled {
  time = 0;
  seq = 0;
  heapIndex = -1;
  /** Events in the queue: waiting for capacity or delayed until a retry. */
  depth = 0;
  blocked = false;
  readonly retried = new EventList();
  readonly fresh = new EventList();

  constructor(readonly functionName: string) {}
}

/** The function's settings with AWS's defaults filled in. */
export function asyncSettingsOf(fn: FunctionState): { readonly maximumRetryAttempts: number; readonly maximumEventAgeMs: number } {
  const config = fn.config.async;
  return {
    maximumRetryAttempts: config?.maximumRetryAttempts ?? ASYNC_RETRY_ATTEMPTS.default,
    maximumEventAgeMs: config?.maximumEventAgeMs ?? ASYNC_EVENT_AGE_S.default * 1000,
  };
}

/** Schedules an event to reach Lambda at `time`. */
export function scheduleArrival(state: EngineState, event: AsyncEvent, time: number): void {
  event.phase = 'arrival';
  event.time = time;
  state.queue.push(event);
}

/** Processes an event whose scheduled time came: its arrival, its expiry while waiting, or its retry. */
export function processAsyncEvent(state: EngineState, event: AsyncEvent): void {
  switch (event.phase) {
    case 'arrival':
      arrive(state, event);
      break;
    case 'waiting':
      expire(state, event);
      break;
    case 'delayed':
      retryDue(state, event);
      break;
    default:
      break;
  }
}

/** Lambda reads a function's queue again after capacity freed up. */
export function processQueue(state: EngineState, queue: FunctionAsyncQueue): void {
  const fn = state.functions.get(queue.functionName);
  if (fn !== undefined) poll(state, fn, true);
}

function arrive(state: EngineState, event: AsyncEvent): void {
  const { fn } = event;
  const queue = fn.asyncQueue;
  const name = fn.config.name;
  state.trace.push({
    type: 'request-received',
    time: state.now,
    requestId: event.requestId,
    functionName: name,
    invocationType: 'Event',
    event: event.event,
    source: event.source,
    invoker: 'direct',
  });
  event.queuedAt = state.now;
  event.expiresAt = state.now + asyncSettingsOf(fn).maximumEventAgeMs;
  queue.depth++;
  state.trace.push({
    type: 'async-queued',
    time: state.now,
    requestId: event.requestId,
    functionName: name,
    source: event.source,
    trigger: event.trigger,
    event: event.event,
    queueDepth: queue.depth,
  });
  if (event.chainDepth > RECURSIVE_LOOP_LIMIT) {
    leaveQueue(event);
    state.trace.push({
      type: 'async-dropped',
      time: state.now,
      requestId: event.requestId,
      functionName: name,
      reason: 'recursive-loop',
      event: event.event,
      explanation: explain.recursiveLoop(name, RECURSIVE_LOOP_LIMIT),
    });
    state.trace.push({
      type: 'async-done',
      time: state.now,
      requestId: event.requestId,
      functionName: name,
      outcome: 'recursive-loop',
      attempts: 0,
      routedTo: [],
      queueDepth: queue.depth,
    });
    return;
  }
  if (fn.config.reservedConcurrency === 0) {
    // Reserved concurrency 0: Lambda sends the event to its failure targets at once, without retries.
    leaveQueue(event);
    event.lastFailure = {
      statusCode: 429,
      functionError: undefined,
      errorMessage: 'Rate Exceeded.',
      payload: undefined,
    };
    routeFailure(state, event, 'RetriesExhausted', 'reserved-zero');
    return;
  }
  event.phase = 'waiting';
  event.time = event.expiresAt;
  state.queue.push(event);
  queue.fresh.push(event);
  poll(state, fn, false);
}

/**
 * Reads the function's queue while it has capacity, then blocks it until capacity frees up.
 * The event that finds no capacity is throttled and backs off, unless Lambda is reading the
 * queue because capacity freed up (`afterWake`): then the event that finds the function full
 * again stays first in the queue, since taking the capacity that freed up throttled nothing.
 */
function poll(state: EngineState, fn: FunctionState, afterWake: boolean): void {
  const queue = fn.asyncQueue;
  if (queue.blocked) return;
  for (let event = nextEvent(queue); event !== undefined; event = nextEvent(queue)) {
    const attempt = event.attempts + 1;
    const invocation = newInvocation(fn, event.requestId, event.event, event.source, 'direct', state.now, event, attempt);
    // The attempt's own trace event comes before what placing it records (env-created,
    // invoke-start); a throttle records nothing else, so it takes the event back off the end.
    state.trace.push({
      type: 'async-attempt',
      time: state.now,
      requestId: event.requestId,
      functionName: fn.config.name,
      attempt,
      ageMs: state.now - event.queuedAt,
      queueDepth: queue.depth - 1,
    });
    const limit = placeRequest(state, invocation);
    if (limit !== undefined) {
      state.trace.pop();
      if (afterWake) queue.retried.unshift(event);
      else throttled(state, event, limit);
      queue.blocked = true;
      state.blockedQueues.push(queue);
      return;
    }
    state.queue.remove(event);
    event.phase = 'running';
    event.attempts = attempt;
    event.throttles = 0;
    queue.depth--;
  }
}

function nextEvent(queue: FunctionAsyncQueue): AsyncEvent | undefined {
  return queue.retried.shift() ?? queue.fresh.shift();
}

/** A throttle sends the event back to the queue with a backoff; it uses no retry attempt. */
function throttled(state: EngineState, event: AsyncEvent, limit: LimitReached): void {
  event.throttles++;
  const delayMs = Math.min(THROTTLE_BACKOFF_MS.first * 2 ** (event.throttles - 1), THROTTLE_BACKOFF_MS.max);
  const nextAttemptAt = Math.min(state.now + delayMs, event.expiresAt);
  event.lastFailure = { statusCode: 429, functionError: undefined, errorMessage: limit.reason, payload: undefined };
  delay(state, event, nextAttemptAt);
  state.trace.push({
    type: 'async-retry-scheduled',
    time: state.now,
    requestId: event.requestId,
    functionName: event.fn.config.name,
    reason: 'throttle',
    attempts: event.attempts,
    nextAttempt: event.attempts + 1,
    delayMs,
    nextAttemptAt,
    throttle: { reason: limit.reason, limit: limit.limit, concurrency: limit.concurrency },
    queueDepth: event.fn.asyncQueue.depth,
    explanation: explain.throttleRetry(event.fn.config.name, limit, delayMs, nextAttemptAt === event.expiresAt && nextAttemptAt < state.now + delayMs),
  });
}

function delay(state: EngineState, event: AsyncEvent, time: number): void {
  state.queue.remove(event);
  event.phase = 'delayed';
  event.time = time;
  state.queue.push(event);
}

function retryDue(state: EngineState, event: AsyncEvent): void {
  if (state.now >= event.expiresAt) {
    expire(state, event);
    return;
  }
  const queue = event.fn.asyncQueue;
  event.phase = 'waiting';
  event.time = event.expiresAt;
  state.queue.push(event);
  queue.retried.push(event);
  // A retry is read even while the queue is blocked; if capacity is still short, it is throttled again.
  queue.blocked = false;
  poll(state, event.fn, false);
}

/** The event reached its maximum age while it waited or was delayed. */
function expire(state: EngineState, event: AsyncEvent): void {
  const { fn } = event;
  const name = fn.config.name;
  state.queue.remove(event);
  leaveQueue(event);
  const maximumEventAgeMs = event.expiresAt - event.queuedAt;
  state.trace.push({
    type: 'async-expired',
    time: state.now,
    requestId: event.requestId,
    functionName: name,
    ageMs: state.now - event.queuedAt,
    maximumEventAgeMs,
    attempts: event.attempts,
    queueDepth: fn.asyncQueue.depth,
    explanation: explain.expired(name, maximumEventAgeMs, event.attempts),
  });
  event.lastFailure ??= { statusCode: 429, functionError: undefined, errorMessage: 'Event age exceeded.', payload: undefined };
  routeFailure(state, event, 'EventAgeExceeded', 'event-age-exceeded');
}

function leaveQueue(event: AsyncEvent): void {
  event.phase = 'done';
  event.fn.asyncQueue.depth--;
}

/**
 * An attempt ended. Success goes to the on-success destination; a function error or timeout
 * is retried while retry attempts are left, else the event goes to its failure targets.
 */
export function attemptEnded(
  state: EngineState,
  invocation: Invocation,
  outcome: InvokeOutcome,
  responseJson: string | undefined,
  error: LambdaError | undefined,
): void {
  const event = invocation.asyncEvent!;
  const { fn } = event;
  if (outcome === 'success') {
    event.phase = 'done';
    routeSuccess(state, event, responseJson);
    return;
  }
  event.lastFailure = {
    statusCode: 200,
    functionError: 'Unhandled',
    errorMessage: error?.errorMessage ?? '',
    payload: error === undefined ? undefined : errorPayload(error),
  };
  const { maximumRetryAttempts } = asyncSettingsOf(fn);
  if (event.attempts > maximumRetryAttempts) {
    event.phase = 'done';
    routeFailure(state, event, 'RetriesExhausted', 'retries-exhausted');
    return;
  }
  const delayMs = FUNCTION_ERROR_RETRY_DELAYS_MS[event.attempts - 1] ?? FUNCTION_ERROR_RETRY_DELAYS_MS.at(-1)!;
  const nextAttemptAt = Math.min(state.now + delayMs, event.expiresAt);
  fn.asyncQueue.depth++;
  delay(state, event, nextAttemptAt);
  state.trace.push({
    type: 'async-retry-scheduled',
    time: state.now,
    requestId: event.requestId,
    functionName: fn.config.name,
    reason: 'function-error',
    attempts: event.attempts,
    nextAttempt: event.attempts + 1,
    delayMs,
    nextAttemptAt,
    queueDepth: fn.asyncQueue.depth,
    explanation: explain.errorRetry(fn.config.name, outcome, event.attempts, maximumRetryAttempts, delayMs, nextAttemptAt < state.now + delayMs),
  });
}

/** The error object Lambda returns for a failed invocation, as the record's `responsePayload`. */
function errorPayload(error: LambdaError): unknown {
  if (error.errorType === 'Sandbox.Timedout') return { errorMessage: error.errorMessage };
  return { errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace };
}
