/**
 * Figures of asynchronous invocation derived from a trace: per function, what happened to
 * the events of its queue; per queue, topic, function or event bus, the messages and records
 * it received. A pure function of the trace, like the rest of the summary.
 */
import type { SimulationResources, TargetKind } from './model';
import type { TraceEvent } from './trace';

export interface AsyncFunctionSummary {
  /** Events that entered the function's queue. */
  readonly queued: number;
  /** Events whose attempt succeeded. */
  readonly succeeded: number;
  /** Events that failed every attempt, or went straight to failure at reserved concurrency 0. */
  readonly failed: number;
  /** Events that reached their maximum age. */
  readonly expired: number;
  /** Failed or expired events that Lambda discarded, with no DLQ or on-failure destination. */
  readonly dropped: number;
  /** Attempts after a function error or timeout (each uses a retry attempt). */
  readonly retries: number;
  /** Attempts that a throttle returned to the queue (they use no retry attempt). */
  readonly throttledAttempts: number;
  /** Most events waiting in the queue at one time. */
  readonly maxQueueDepth: number;
  /** Events still in the queue or running when the trace ends. */
  readonly pending: number;
}

/** What one queue, topic, function or event bus received from the asynchronous pipeline. */
export interface TargetSummary {
  readonly kind: TargetKind;
  readonly name: string;
  /** Everything it received: DLQ messages, destination records and, for a topic, published messages. */
  readonly received: number;
  /** Original events it received as a dead-letter queue. */
  readonly deadLetterMessages: number;
  /** Invocation records it received as an on-success destination. */
  readonly successRecords: number;
  /** Invocation records it received as an on-failure destination. */
  readonly failureRecords: number;
}

export interface AsyncTotals {
  readonly queued: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly expired: number;
  readonly dropped: number;
  readonly retries: number;
  readonly throttledAttempts: number;
  readonly deadLetterMessages: number;
  readonly destinationRecords: number;
}

interface MutableAsync {
  queued: number;
  succeeded: number;
  failed: number;
  expired: number;
  dropped: number;
  retries: number;
  throttledAttempts: number;
  maxQueueDepth: number;
  pending: number;
}

interface MutableTarget {
  kind: TargetKind;
  name: string;
  received: number;
  deadLetterMessages: number;
  successRecords: number;
  failureRecords: number;
}

export const emptyAsyncSummary = (): AsyncFunctionSummary => newAsync();

const newAsync = (): MutableAsync => ({
  queued: 0,
  succeeded: 0,
  failed: 0,
  expired: 0,
  dropped: 0,
  retries: 0,
  throttledAttempts: 0,
  maxQueueDepth: 0,
  pending: 0,
});

export interface AsyncSummaries {
  readonly functions: ReadonlyMap<string, AsyncFunctionSummary>;
  readonly targets: readonly TargetSummary[];
  readonly totals: AsyncTotals;
}

/**
 * Counts the asynchronous figures of a trace. `resources` lists queues, topics and buses that
 * should appear even when they received nothing.
 */
export function summarizeAsync(trace: readonly TraceEvent[], resources: SimulationResources = {}): AsyncSummaries {
  const functions = new Map<string, MutableAsync>();
  const targets = new Map<string, MutableTarget>();
  const fnOf = (name: string) => {
    let entry = functions.get(name);
    if (entry === undefined) functions.set(name, (entry = newAsync()));
    return entry;
  };
  const targetOf = (kind: TargetKind, name: string) => {
    const key = `${kind}:${name}`;
    let entry = targets.get(key);
    if (entry === undefined) {
      entry = { kind, name, received: 0, deadLetterMessages: 0, successRecords: 0, failureRecords: 0 };
      targets.set(key, entry);
    }
    return entry;
  };
  for (const queue of resources.queues ?? []) targetOf('sqs', queue.name);
  for (const topic of resources.topics ?? []) targetOf('sns', topic.name);
  for (const bus of resources.eventBuses ?? []) targetOf('eventbridge', bus.name);

  let deadLetterMessages = 0;
  let destinationRecords = 0;
  for (const event of trace) {
    switch (event.type) {
      case 'async-queued': {
        const entry = fnOf(event.functionName);
        entry.queued++;
        entry.pending++;
        entry.maxQueueDepth = Math.max(entry.maxQueueDepth, event.queueDepth);
        break;
      }
      case 'async-retry-scheduled': {
        const entry = fnOf(event.functionName);
        if (event.reason === 'function-error') entry.retries++;
        else entry.throttledAttempts++;
        break;
      }
      case 'async-expired':
        fnOf(event.functionName).expired++;
        break;
      case 'async-dropped':
        fnOf(event.functionName).dropped++;
        break;
      case 'async-done': {
        const entry = fnOf(event.functionName);
        entry.pending--;
        if (event.outcome === 'success') entry.succeeded++;
        else if (event.outcome !== 'event-age-exceeded') entry.failed++;
        break;
      }
      case 'dlq-message': {
        const target = targetOf(event.target.kind, event.target.name);
        target.received++;
        target.deadLetterMessages++;
        deadLetterMessages++;
        break;
      }
      case 'destination-delivered': {
        const target = targetOf(event.target.kind, event.target.name);
        target.received++;
        if (event.condition === 'Success') target.successRecords++;
        else target.failureRecords++;
        destinationRecords++;
        break;
      }
      case 'service-event':
        // Records and DLQ messages published to a topic are counted above, as they arrive.
        if (event.service === 'sns' && event.causedBy === undefined) targetOf('sns', event.resource).received++;
        if (event.service === 'eventbridge' && event.causedBy === undefined) targetOf('eventbridge', event.resource).received++;
        break;
      default:
        break;
    }
  }
  const all = [...functions.values()];
  const sum = (pick: (entry: MutableAsync) => number) => all.reduce((total, entry) => total + pick(entry), 0);
  return {
    functions,
    targets: [...targets.values()],
    totals: {
      queued: sum((e) => e.queued),
      succeeded: sum((e) => e.succeeded),
      failed: sum((e) => e.failed),
      expired: sum((e) => e.expired),
      dropped: sum((e) => e.dropped),
      retries: sum((e) => e.retries),
      throttledAttempts: sum((e) => e.throttledAttempts),
      deadLetterMessages,
      destinationRecords,
    },
  };
}
