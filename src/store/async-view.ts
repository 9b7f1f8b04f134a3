/**
 * Views of asynchronous invocation derived from the trace: the life of one event (queued,
 * each attempt, each retry and why, where it ended), and the messages each dead-letter queue
 * and destination received, as AWS writes them.
 */
import type { TargetKind } from '../engine/model';
import { tracePrefix, type DeadLetterMessage, type InvocationRecord as DestinationRecord, type TraceEvent, type TraceInput } from '../engine/trace';
import { formatDuration } from '../timeline/format';

export type AsyncStepKind = 'queued' | 'attempt' | 'attempt-end' | 'retry' | 'expired' | 'dropped' | 'dlq' | 'destination' | 'done' | 'chained';

export interface AsyncStep {
  readonly time: number;
  readonly kind: AsyncStepKind;
  readonly text: string;
  /** The AWS rule behind a routing decision. */
  readonly explanation?: string;
  readonly envId?: string;
  /** Another request this step leads to, e.g. the invocation a function destination started. */
  readonly linkRequestId?: string;
}

const ms = (value: number) => `${Number(value.toFixed(2))} ms`;

/** The steps of an asynchronous event's life, in time order; empty for a synchronous request. */
export function asyncLife(trace: TraceInput, requestId: string): AsyncStep[] {
  const { events, length } = tracePrefix(trace);
  const steps: AsyncStep[] = [];
  for (let i = 0; i < length; i++) {
    const event = events[i]!;
    if (event.type === 'async-queued' && event.trigger.kind === 'destination' && event.trigger.fromRequestId === requestId) {
      steps.push({ time: event.time, kind: 'chained', text: `Destination function ${event.functionName} received the record as a new event`, linkRequestId: event.requestId });
      continue;
    }
    if (!('requestId' in event) || event.requestId !== requestId) continue;
    switch (event.type) {
      case 'async-queued':
        steps.push({ time: event.time, kind: 'queued', text: `202 Accepted; queued (${triggerLabel(event.trigger)}), queue depth ${event.queueDepth}` });
        if (event.trigger.kind === 'destination') {
          steps.push({ time: event.time, kind: 'chained', text: `Record of ${event.trigger.fromFunction} (${event.trigger.condition})`, linkRequestId: event.trigger.fromRequestId });
        }
        break;
      case 'async-attempt':
        steps.push({ time: event.time, kind: 'attempt', text: `Attempt ${event.attempt} taken from the queue after ${formatDuration(event.ageMs)}` });
        break;
      case 'invoke-end':
        if (event.invocationType !== 'Event') break;
        steps.push({
          time: event.time,
          kind: 'attempt-end',
          text: `Attempt ${event.attempt ?? '?'} ${event.outcome === 'success' ? 'succeeded' : event.outcome === 'timeout' ? 'timed out' : `failed: ${event.error?.errorType ?? 'error'}`} after ${ms(event.durationMs)}${event.cold ? ' (cold)' : ''}`,
          envId: event.envId,
        });
        break;
      case 'async-retry-scheduled':
        steps.push({
          time: event.time,
          kind: 'retry',
          text:
            event.reason === 'throttle'
              ? `Throttled (${event.throttle?.reason ?? 'limit reached'}); back to the queue for ${formatDuration(event.delayMs)}, no retry used`
              : `Function error; attempt ${event.nextAttempt} in ${formatDuration(event.delayMs)}`,
          explanation: event.explanation,
        });
        break;
      case 'async-expired':
        steps.push({ time: event.time, kind: 'expired', text: `Expired at age ${formatDuration(event.ageMs)} (maximum ${formatDuration(event.maximumEventAgeMs)})`, explanation: event.explanation });
        break;
      case 'async-dropped':
        steps.push({ time: event.time, kind: 'dropped', text: 'Dropped: nothing was configured to receive it', explanation: event.explanation });
        break;
      case 'dlq-message':
        steps.push({ time: event.time, kind: 'dlq', text: `Sent to dead-letter ${event.target.kind === 'sqs' ? 'queue' : 'topic'} ${event.target.name}`, explanation: event.explanation });
        break;
      case 'destination-delivered':
        steps.push({ time: event.time, kind: 'destination', text: `Record (${event.condition}) delivered to ${targetNoun(event.target.kind)} ${event.target.name}`, explanation: event.explanation });
        break;
      case 'async-done':
        steps.push({ time: event.time, kind: 'done', text: `Done: ${outcomeLabel(event.outcome)} after ${event.attempts} ${event.attempts === 1 ? 'attempt' : 'attempts'}` });
        break;
      default:
        break;
    }
  }
  return steps;
}

function triggerLabel(trigger: Extract<TraceEvent, { type: 'async-queued' }>['trigger']): string {
  switch (trigger.kind) {
    case 'invoke':
      return 'Invoke with InvocationType Event';
    case 's3':
      return `S3 notification from bucket ${trigger.bucket}`;
    case 'sns':
      return `SNS message from topic ${trigger.topic}`;
    case 'eventbridge':
      return `EventBridge rule ${trigger.rule}`;
    case 'schedule':
      return `schedule of rule ${trigger.rule}`;
    case 'destination':
      return `destination of ${trigger.fromFunction}`;
  }
}

export function outcomeLabel(outcome: string): string {
  switch (outcome) {
    case 'success':
      return 'succeeded';
    case 'retries-exhausted':
      return 'retries exhausted';
    case 'event-age-exceeded':
      return 'maximum event age exceeded';
    case 'reserved-zero':
      return 'failed at once (reserved concurrency 0)';
    case 'recursive-loop':
      return 'stopped as a recursive loop';
    default:
      return outcome;
  }
}

const TARGET_NOUNS: Readonly<Record<TargetKind, string>> = { sqs: 'queue', sns: 'topic', lambda: 'function', eventbridge: 'event bus' };
export const targetNoun = (kind: TargetKind) => TARGET_NOUNS[kind];

export interface TargetMessage {
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly role: 'dead-letter' | 'destination';
  /** Set for a destination record. */
  readonly condition?: string;
  readonly deadLetter?: DeadLetterMessage;
  readonly record?: DestinationRecord;
  /** What the target received, for a destination. */
  readonly delivered?: unknown;
}

export interface TargetMailbox {
  readonly key: string;
  readonly kind: TargetKind;
  readonly name: string;
  readonly messages: readonly TargetMessage[];
}

const mailboxCache = new WeakMap<TraceInput, readonly TargetMailbox[]>();

/**
 * The dead-letter messages and destination records each target received, one mailbox per
 * target in order of first message. `known` lists targets to show even while empty.
 */
export function targetMailboxes(trace: TraceInput, known: readonly { kind: TargetKind; name: string }[] = []): readonly TargetMailbox[] {
  let received = mailboxCache.get(trace);
  if (!received) {
    const boxes = new Map<string, { key: string; kind: TargetKind; name: string; messages: TargetMessage[] }>();
    const boxOf = (kind: TargetKind, name: string) => {
      const key = `${kind}:${name}`;
      let box = boxes.get(key);
      if (!box) boxes.set(key, (box = { key, kind, name, messages: [] }));
      return box;
    };
    const { events, length } = tracePrefix(trace);
    for (let i = 0; i < length; i++) {
      const event = events[i]!;
      if (event.type === 'dlq-message') {
        boxOf(event.target.kind, event.target.name).messages.push({
          time: event.time,
          requestId: event.requestId,
          functionName: event.functionName,
          role: 'dead-letter',
          deadLetter: event.message,
        });
      } else if (event.type === 'destination-delivered') {
        boxOf(event.target.kind, event.target.name).messages.push({
          time: event.time,
          requestId: event.requestId,
          functionName: event.functionName,
          role: 'destination',
          condition: event.condition,
          record: event.record,
          delivered: event.delivered,
        });
      }
    }
    received = [...boxes.values()];
    mailboxCache.set(trace, received);
  }
  const missing = known.filter((target) => !received.some((box) => box.kind === target.kind && box.name === target.name));
  if (missing.length === 0) return received;
  return [...received, ...missing.map((target) => ({ key: `${target.kind}:${target.name}`, kind: target.kind, name: target.name, messages: [] }))];
}
