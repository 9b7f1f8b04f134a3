/**
 * The timeline's model of asynchronous invocation: per function a queue lane (the events
 * waiting in Lambda's internal queue and the queue's depth over time), per function and
 * target a lane of the dead-letter messages and destination records it sent, and per
 * request the steps the selection arrows connect. Built incrementally from the trace by
 * `TimelineModel`.
 */
import type { AsyncDropReason, DestinationCondition, TargetRef, TraceEvent } from '../engine/trace';

/** Why an event waits in the queue: it just arrived, or it waits for a retry after a function error or a throttle. */
export type WaitReason = 'queued' | 'function-error' | 'throttle';

/** An event's stay in the queue, from its arrival or retry until Lambda takes it or it leaves. */
export interface QueueWait {
  readonly requestId: string;
  readonly startMs: number;
  /** Undefined while the event still waits at the processed end of the trace. */
  readonly endMs: number | undefined;
  readonly reason: WaitReason;
  /** The retry delay Lambda chose, for a retry. */
  readonly delayMs?: number;
}

/** An event that left the queue without reaching a target: it expired, or it was dropped. */
export interface QueueExit {
  readonly timeMs: number;
  readonly requestId: string;
  readonly kind: 'expired' | 'dropped';
  readonly dropReason?: AsyncDropReason;
  readonly explanation: string;
}

export interface QueueLane {
  readonly functionName: string;
  /** Time the first event entered the queue. */
  readonly firstMs: number;
  /** In order of `startMs`. */
  readonly waits: readonly QueueWait[];
  /** Longest ended wait so far, in ms: bounds the search for waits in view. */
  readonly maxWaitMs: number;
  /** Index from which waits may still be open: every wait before it has ended. */
  readonly firstOpen: number;
  /** Times at which the queue depth changed, ascending, and the depth from each. */
  readonly depthTimes: readonly number[];
  readonly depths: readonly number[];
  readonly maxDepth: number;
  /** In time order. */
  readonly exits: readonly QueueExit[];
}

/** A DLQ message or destination record, at the time the target received it. */
export interface TargetMark {
  readonly timeMs: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly kind: 'dlq' | 'destination';
  /** The destination record's condition; undefined for a DLQ message. */
  readonly condition?: DestinationCondition;
  /** Whether it reports a success (an on-success destination). */
  readonly success: boolean;
}

/** The messages one function sent to one DLQ or destination. */
export interface TargetLane {
  readonly target: TargetRef;
  readonly functionName: string;
  readonly firstMs: number;
  /** In time order. */
  readonly marks: readonly TargetMark[];
}

/** A retry Lambda scheduled for an event. */
export interface RetryStep {
  readonly timeMs: number;
  readonly reason: 'function-error' | 'throttle';
  readonly delayMs: number;
  readonly nextAttemptAt: number;
}

/** What the selection arrows of an asynchronous event connect, besides its INVOKE spans. */
export interface AsyncRequest {
  readonly requestId: string;
  readonly functionName: string;
  readonly queuedMs: number;
  readonly retries: readonly RetryStep[];
  readonly marks: readonly { readonly lane: TargetLane; readonly mark: TargetMark }[];
  readonly exit: QueueExit | undefined;
  /** The request a function destination started with this event's record. */
  readonly chainedTo: readonly string[];
  /** The request whose record this event is, when a function destination started it. */
  readonly chainedFrom: string | undefined;
}

export interface MutableQueueLane {
  functionName: string;
  firstMs: number;
  waits: { -readonly [K in keyof QueueWait]: QueueWait[K] }[];
  maxWaitMs: number;
  /** Index from which waits may still be open: every wait before it has ended. */
  firstOpen: number;
  depthTimes: number[];
  depths: number[];
  maxDepth: number;
  exits: QueueExit[];
}

interface MutableRequest {
  requestId: string;
  functionName: string;
  queuedMs: number;
  retries: RetryStep[];
  marks: { lane: TargetLane; mark: TargetMark }[];
  exit: QueueExit | undefined;
  chainedTo: string[];
  chainedFrom: string | undefined;
  /** Index of the event's open wait in its queue lane, or -1. */
  openWait: number;
}

/** Where the async lanes of a function live: its group in `TimelineModel`. */
export interface AsyncHost {
  queue: MutableQueueLane | undefined;
  targets: TargetLane[];
}

export class AsyncLanes {
  private readonly requests = new Map<string, MutableRequest>();

  request(requestId: string): AsyncRequest | undefined {
    return this.requests.get(requestId);
  }

  clear(): void {
    this.requests.clear();
  }

  /** Applies one trace event to the function's lanes in `host`; ignores events of other kinds. */
  apply(event: TraceEvent, host: (functionName: string) => AsyncHost): void {
    switch (event.type) {
      case 'async-queued': {
        const queue = queueOf(host(event.functionName), event.functionName, event.time);
        const request: MutableRequest = {
          requestId: event.requestId,
          functionName: event.functionName,
          queuedMs: event.time,
          retries: [],
          marks: [],
          exit: undefined,
          chainedTo: [],
          chainedFrom: event.trigger.kind === 'destination' ? event.trigger.fromRequestId : undefined,
          openWait: -1,
        };
        this.requests.set(event.requestId, request);
        if (request.chainedFrom !== undefined) this.requests.get(request.chainedFrom)?.chainedTo.push(event.requestId);
        openWait(queue, request, event.time, 'queued');
        setDepth(queue, event.time, event.queueDepth);
        return;
      }
      case 'async-attempt': {
        const queue = queueOf(host(event.functionName), event.functionName, event.time);
        this.closeWait(queue, event.requestId, event.time);
        setDepth(queue, event.time, event.queueDepth);
        return;
      }
      case 'async-retry-scheduled': {
        const queue = queueOf(host(event.functionName), event.functionName, event.time);
        const request = this.requests.get(event.requestId);
        this.closeWait(queue, event.requestId, event.time);
        if (request) {
          request.retries.push({ timeMs: event.time, reason: event.reason, delayMs: event.delayMs, nextAttemptAt: event.nextAttemptAt });
          openWait(queue, request, event.time, event.reason, event.delayMs);
        }
        setDepth(queue, event.time, event.queueDepth);
        return;
      }
      case 'async-expired':
      case 'async-dropped': {
        const queue = queueOf(host(event.functionName), event.functionName, event.time);
        this.closeWait(queue, event.requestId, event.time);
        const exit: QueueExit = {
          timeMs: event.time,
          requestId: event.requestId,
          kind: event.type === 'async-expired' ? 'expired' : 'dropped',
          ...(event.type === 'async-dropped' ? { dropReason: event.reason } : {}),
          explanation: event.explanation,
        };
        queue.exits.push(exit);
        const request = this.requests.get(event.requestId);
        // A dropped event that expired first keeps the drop: it is where the event ended.
        if (request) request.exit = exit;
        if (event.type === 'async-expired') setDepth(queue, event.time, event.queueDepth);
        return;
      }
      case 'async-done': {
        const queue = queueOf(host(event.functionName), event.functionName, event.time);
        this.closeWait(queue, event.requestId, event.time);
        setDepth(queue, event.time, event.queueDepth);
        return;
      }
      case 'dlq-message':
      case 'destination-delivered': {
        const lane = targetLaneOf(host(event.functionName), event.functionName, event.target, event.time);
        const mark: TargetMark = {
          timeMs: event.time,
          requestId: event.requestId,
          functionName: event.functionName,
          kind: event.type === 'dlq-message' ? 'dlq' : 'destination',
          ...(event.type === 'destination-delivered' ? { condition: event.condition } : {}),
          success: event.type === 'destination-delivered' && event.condition === 'Success',
        };
        (lane.marks as TargetMark[]).push(mark);
        this.requests.get(event.requestId)?.marks.push({ lane, mark });
        return;
      }
      default:
        return;
    }
  }

  private closeWait(queue: MutableQueueLane, requestId: string, timeMs: number): void {
    const request = this.requests.get(requestId);
    if (!request || request.openWait < 0) return;
    const wait = queue.waits[request.openWait];
    request.openWait = -1;
    if (!wait) return;
    wait.endMs = timeMs;
    if (timeMs - wait.startMs > queue.maxWaitMs) queue.maxWaitMs = timeMs - wait.startMs;
    while (queue.firstOpen < queue.waits.length && queue.waits[queue.firstOpen]!.endMs !== undefined) queue.firstOpen++;
  }
}

function queueOf(host: AsyncHost, functionName: string, timeMs: number): MutableQueueLane {
  host.queue ??= { functionName, firstMs: timeMs, waits: [], maxWaitMs: 0, firstOpen: 0, depthTimes: [], depths: [], maxDepth: 0, exits: [] };
  return host.queue;
}

function targetLaneOf(host: AsyncHost, functionName: string, target: TargetRef, timeMs: number): TargetLane {
  let lane = host.targets.find((candidate) => candidate.target.arn === target.arn);
  if (!lane) {
    lane = { target, functionName, firstMs: timeMs, marks: [] };
    host.targets.push(lane);
  }
  return lane;
}

function openWait(queue: MutableQueueLane, request: MutableRequest, timeMs: number, reason: WaitReason, delayMs?: number): void {
  request.openWait = queue.waits.length;
  queue.waits.push({ requestId: request.requestId, startMs: timeMs, endMs: undefined, reason, ...(delayMs !== undefined ? { delayMs } : {}) });
}

/** Records the depth after an event at `timeMs`; the last event at one time settles the value. */
function setDepth(queue: MutableQueueLane, timeMs: number, depth: number): void {
  if (depth > queue.maxDepth) queue.maxDepth = depth;
  const last = queue.depthTimes.length - 1;
  if (last >= 0 && queue.depthTimes[last] === timeMs) {
    queue.depths[last] = depth;
    return;
  }
  if (last >= 0 && queue.depths[last] === depth) return;
  queue.depthTimes.push(timeMs);
  queue.depths.push(depth);
}

/** Index of the last depth change at or before `timeMs`, or -1. */
export function depthIndexAt(queue: QueueLane, timeMs: number): number {
  let low = 0;
  let high = queue.depthTimes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (queue.depthTimes[mid]! <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * Index of the first wait that may still go on at `timeMs`: waits start in order, no ended
 * wait is longer than `maxWaitMs`, and open waits start at `firstOpen` or later.
 */
export function firstWaitFrom(queue: QueueLane, timeMs: number): number {
  const from = timeMs - queue.maxWaitMs;
  let low = 0;
  let high = queue.waits.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (queue.waits[mid]!.startMs < from) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, queue.firstOpen);
}
