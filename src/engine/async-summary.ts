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
  return new AsyncSummaryBuilder(resources).update(trace).result();
}

/** Counts the asynchronous figures of a growing trace, reading each event once. */
export class AsyncSummaryBuilder {
  private readonly functions = new Map<string, MutableAsync>();
  private readonly targets = new Map<string, MutableTarget>();
  private deadLetterMessages = 0;
  private destinationRecords = 0;
  private processed = 0;

  constructor(resources: SimulationResources = {}) {
    for (const queue of resources.queues ?? []) this.targetOf('sqs', queue.name);
    for (const topic of resources.topics ?? []) this.targetOf('sns', topic.name);
    for (const bus of resources.eventBuses ?? []) this.targetOf('eventbridge', bus.name);
  }

  /** Reads the events of `events` not read before, up to `length`; `events` must be the same growing trace each time. */
  update(events: readonly TraceEvent[], length = events.length): this {
    for (let i = this.processed; i < length; i++) this.count(events[i]!);
    this.processed = Math.max(this.processed, length);
    return this;
  }

  /** Returns the figures so far; later updates leave them as they are. */
  result(): AsyncSummaries {
    const all = [...this.functions.values()];
    const sum = (pick: (entry: MutableAsync) => number) => all.reduce((total, entry) => total + pick(entry), 0);
    return {
      functions: new Map([...this.functions].map(([name, entry]) => [name, { ...entry }])),
      targets: [...this.targets.values()].map((target) => ({ ...target })),
      totals: {
        queued: sum((e) => e.queued),
        succeeded: sum((e) => e.succeeded),
        failed: sum((e) => e.failed),
        expired: sum((e) => e.expired),
        dropped: sum((e) => e.dropped),
        retries: sum((e) => e.retries),
        throttledAttempts: sum((e) => e.throttledAttempts),
        deadLetterMessages: this.deadLetterMessages,
        destinationRecords: this.destinationRecords,
      },
    };
  }

  private fnOf(name: string): MutableAsync {
    let entry = this.functions.get(name);
    if (entry === undefined) this.functions.set(name, (entry = newAsync()));
    return entry;
  }

  private targetOf(kind: TargetKind, name: string): MutableTarget {
    const key = `${kind}:${name}`;
    let entry = this.targets.get(key);
    if (entry === undefined) {
      entry = { kind, name, received: 0, deadLetterMessages: 0, successRecords: 0, failureRecords: 0 };
      this.targets.set(key, entry);
    }
    return entry;
  }

  private count(event: TraceEvent): void {
    switch (event.type) {
      case 'async-queued': {
        const entry = this.fnOf(event.functionName);
        entry.queued++;
        entry.pending++;
        entry.maxQueueDepth = Math.max(entry.maxQueueDepth, event.queueDepth);
        break;
      }
      case 'async-retry-scheduled': {
        const entry = this.fnOf(event.functionName);
        if (event.reason === 'function-error') entry.retries++;
        else entry.throttledAttempts++;
        break;
      }
      case 'async-expired':
        this.fnOf(event.functionName).expired++;
        break;
      case 'async-dropped':
        this.fnOf(event.functionName).dropped++;
        break;
      case 'async-done': {
        const entry = this.fnOf(event.functionName);
        entry.pending--;
        if (event.outcome === 'success') entry.succeeded++;
        else if (event.outcome !== 'event-age-exceeded') entry.failed++;
        break;
      }
      case 'dlq-message': {
        const target = this.targetOf(event.target.kind, event.target.name);
        target.received++;
        target.deadLetterMessages++;
        this.deadLetterMessages++;
        break;
      }
      case 'destination-delivered': {
        const target = this.targetOf(event.target.kind, event.target.name);
        target.received++;
        if (event.condition === 'Success') target.successRecords++;
        else target.failureRecords++;
        this.destinationRecords++;
        break;
      }
      case 'service-event':
        // Records and DLQ messages published to a topic are counted above, as they arrive.
        if (event.service === 'sns' && event.causedBy === undefined) this.targetOf('sns', event.resource).received++;
        if (event.service === 'eventbridge' && event.causedBy === undefined) this.targetOf('eventbridge', event.resource).received++;
        break;
      default:
        break;
    }
  }
}
