/**
 * Invocations and environments as the inspector shows them, derived from the trace. The
 * derivation is cached per trace array and updated incrementally as the trace grows, so
 * selectors that call it on every render stay cheap.
 */
import type { InvokeOutcome, LambdaError, LogLine } from '../engine/execution';
import { invocationLogLines } from '../engine/platform-logs';
import type { AsyncOutcome, InvocationType, Invoker, RequestThrottled, TargetRef, TraceEvent } from '../engine/trace';
import { formatDuration } from '../timeline/format';

export interface InvocationRecord {
  readonly requestId: string;
  readonly functionName: string;
  readonly source: string;
  readonly event: unknown;
  /** Simulated time the request reached Lambda, in ms. */
  readonly receivedAt: number;
  readonly envId: string | undefined;
  /** Undefined until the request has an environment. */
  readonly cold: boolean | undefined;
  readonly startedAt: number | undefined;
  readonly endedAt: number | undefined;
  /** `pending` until the invocation ends; `throttled` when Lambda rejected the request. */
  readonly outcome: InvokeOutcome | 'pending' | 'throttled';
  readonly invoker: Invoker;
  /** Whether it ran on a provisioned environment. */
  readonly provisioned: boolean;
  /** Whether it ran on an on-demand environment beyond the function's provisioned concurrency. */
  readonly spillover: boolean;
  /** The throttle, when Lambda rejected the request. */
  readonly throttle: RequestThrottled | undefined;
  readonly durationMs: number | undefined;
  readonly billedDurationMs: number | undefined;
  readonly initDurationMs: number | undefined;
  readonly memoryMb: number | undefined;
  readonly responseJson: string | undefined;
  readonly error: LambdaError | undefined;
  readonly logs: readonly LogLine[];
  /** `Event` for an asynchronous event, whose attempts share this record and its request ID. */
  readonly invocationType: InvocationType;
  /** The number of the latest attempt that started (1 to 3), for an asynchronous event. */
  readonly attempt: number | undefined;
  /** How an asynchronous event ended; undefined while it is still queued or running. */
  readonly asyncOutcome: AsyncOutcome | undefined;
  /** Whether Lambda discarded the event with no DLQ or on-failure destination to keep it. */
  readonly dropped: boolean;
  /** Whether the event reached its maximum age. */
  readonly expired: boolean;
  /** Where an asynchronous event's record or the event itself went. */
  readonly routedTo: readonly TargetRef[];
}

export interface EnvironmentHistoryEntry {
  readonly time: number;
  /** A one-line description, e.g. "INIT ended after 142.3 ms". */
  readonly text: string;
  readonly requestId?: string;
}

type MutableRecord = { -readonly [K in keyof InvocationRecord]: InvocationRecord[K] };

const recordCache = new WeakMap<readonly TraceEvent[], readonly InvocationRecord[]>();

/**
 * Returns one record per request in the trace, in arrival order. A trace that continues the one
 * seen last costs only its new events, so a run of 100,000 requests can update the list several
 * times a second. A record handed out never changes: an event that changes it replaces it.
 */
export function invocationRecords(trace: readonly TraceEvent[]): readonly InvocationRecord[] {
  const cached = recordCache.get(trace);
  if (cached) return cached;
  const records = recordIndex.update(trace);
  recordCache.set(trace, records);
  return records;
}

/** The records of the trace seen last, brought up to date event by event. */
class RecordIndex {
  private source: readonly TraceEvent[] = [];
  private consumed = 0;
  private records: InvocationRecord[] = [];
  private readonly positions = new Map<string, number>();

  update(trace: readonly TraceEvent[]): readonly InvocationRecord[] {
    if (!this.continuedBy(trace)) {
      this.records = [];
      this.positions.clear();
      this.consumed = 0;
    }
    for (let i = this.consumed; i < trace.length; i++) this.apply(trace[i]!);
    this.consumed = trace.length;
    this.source = trace;
    return this.records.slice();
  }

  /** Whether `trace` starts with the events already applied (a grown copy of the same run's trace). */
  private continuedBy(trace: readonly TraceEvent[]): boolean {
    const last = this.consumed - 1;
    return trace.length >= this.consumed && (last < 0 || (trace[0] === this.source[0] && trace[last] === this.source[last]));
  }

  private apply(event: TraceEvent): void {
    switch (event.type) {
      case 'request-received':
        this.positions.set(event.requestId, this.records.length);
        this.records.push({
          requestId: event.requestId,
          functionName: event.functionName,
          source: event.source,
          event: event.event,
          receivedAt: event.time,
          envId: undefined,
          cold: undefined,
          startedAt: undefined,
          endedAt: undefined,
          outcome: 'pending',
          invoker: event.invoker ?? 'direct',
          provisioned: false,
          spillover: false,
          throttle: undefined,
          durationMs: undefined,
          billedDurationMs: undefined,
          initDurationMs: undefined,
          memoryMb: undefined,
          responseJson: undefined,
          error: undefined,
          logs: [],
          invocationType: event.invocationType,
          attempt: undefined,
          asyncOutcome: undefined,
          dropped: false,
          expired: false,
          routedTo: [],
        });
        return;
      case 'env-created':
        if (event.requestId !== undefined) this.patch(event.requestId, (record) => (record.envId = event.envId));
        return;
      case 'throttled':
        this.patch(event.requestId, (record) => Object.assign(record, { outcome: 'throttled', throttle: event, endedAt: event.time }));
        return;
      case 'invoke-start':
        this.patch(event.requestId, (record) =>
          Object.assign(record, {
            envId: event.envId,
            cold: event.cold,
            startedAt: event.time,
            provisioned: event.provisioned ?? false,
            spillover: event.spillover ?? false,
            outcome: 'pending',
            attempt: event.attempt,
          }),
        );
        return;
      case 'async-expired':
        this.patch(event.requestId, (record) => (record.expired = true));
        return;
      case 'async-dropped':
        this.patch(event.requestId, (record) => (record.dropped = true));
        return;
      case 'async-done':
        this.patch(event.requestId, (record) => Object.assign(record, { asyncOutcome: event.outcome, routedTo: event.routedTo }));
        return;
      case 'invoke-end':
        this.patch(event.requestId, (record) => {
          Object.assign(record, {
            envId: event.envId,
            cold: event.cold,
            endedAt: event.time,
            outcome: event.outcome,
            durationMs: event.durationMs,
            billedDurationMs: event.billedDurationMs,
            initDurationMs: event.initDurationMs,
            memoryMb: event.memoryMb,
            responseJson: event.responseJson,
            error: event.error,
          });
          defineLazyLogs(record, event);
        });
        return;
      default:
        return;
    }
  }

  /** Replaces the record of `requestId` with a changed copy; the copy keeps lazy getters unread. */
  private patch(requestId: string, change: (record: MutableRecord) => void): void {
    const position = this.positions.get(requestId);
    if (position === undefined) return;
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(this.records[position]!)) as MutableRecord;
    change(copy);
    this.records[position] = copy;
  }
}

const recordIndex = new RecordIndex();

/**
 * Makes `record.logs` the invocation's whole CloudWatch output, built from its invoke-end on
 * first read: a run of 100,000 requests has as many records, and the inspector reads one.
 */
function defineLazyLogs(record: MutableRecord, end: Extract<TraceEvent, { type: 'invoke-end' }>): void {
  let logs: readonly LogLine[] | undefined;
  Object.defineProperty(record, 'logs', {
    enumerable: true,
    configurable: true,
    get: () => (logs ??= invocationLogLines(end)),
  });
}

export function findInvocation(trace: readonly TraceEvent[], requestId: string): InvocationRecord | undefined {
  return invocationRecords(trace).find((record) => record.requestId === requestId);
}

const formatMs = (ms: number) => `${Number(ms.toFixed(2))} ms`;

/** Lists what happened to one execution environment, in time order. */
export function environmentHistory(trace: readonly TraceEvent[], envId: string): EnvironmentHistoryEntry[] {
  const entries: EnvironmentHistoryEntry[] = [];
  for (const event of trace) {
    if (!('envId' in event) || event.envId !== envId) continue;
    switch (event.type) {
      case 'env-created':
        entries.push(
          event.provisioned
            ? { time: event.time, text: 'Created for provisioned concurrency, initialized before traffic' }
            : { time: event.time, text: 'Created (cold start)', requestId: event.requestId },
        );
        break;
      case 'init-start':
        entries.push({ time: event.time, text: 'INIT started' });
        break;
      case 'init-end':
        entries.push({
          time: event.time,
          text: event.error
            ? `INIT failed after ${formatMs(event.initDurationMs)}: ${event.error.errorType}`
            : `INIT ended after ${formatMs(event.initDurationMs)}`,
        });
        break;
      case 'invoke-start':
        entries.push({ time: event.time, text: `INVOKE started (${event.cold ? 'cold' : 'warm'})`, requestId: event.requestId });
        break;
      case 'invoke-end':
        entries.push({
          time: event.time,
          text: `INVOKE ended: ${event.outcome}, ${formatMs(event.durationMs)}`,
          requestId: event.requestId,
        });
        break;
      case 'env-reset':
        entries.push({ time: event.time, text: `Reset after ${event.reason === 'timeout' ? 'a timeout' : 'a failed INIT'}` });
        break;
      case 'env-reclaimed':
        entries.push({
          time: event.time,
          text:
            event.reason === 'code-updated'
              ? 'Shut down because the function changed'
              : `Shut down after ${formatDuration(event.idleMs)} idle`,
        });
        break;
    }
  }
  return entries;
}

const countCache = new WeakMap<readonly TraceEvent[], RequestCounts>();

interface RequestCounts {
  readonly received: number;
  readonly ended: number;
}

/** The counts of the trace seen last, so that a grown copy of it costs only its new events. */
let lastCounted: { trace: readonly TraceEvent[]; counts: RequestCounts } | undefined;

/**
 * Counts of the requests in the trace, for the progress line; a throttled request has ended,
 * and so has an asynchronous event that left its queue.
 * Cached per trace array, and a trace that continues the one counted last costs only its new
 * events, because the progress line counts again whenever the trace grows.
 */
export function requestCounts(trace: readonly TraceEvent[]): RequestCounts {
  const cached = countCache.get(trace);
  if (cached) return cached;
  const previous = lastCounted;
  const continues =
    previous !== undefined &&
    previous.trace.length > 0 &&
    trace.length >= previous.trace.length &&
    trace[0] === previous.trace[0] &&
    trace[previous.trace.length - 1] === previous.trace[previous.trace.length - 1];
  let received = continues ? previous.counts.received : 0;
  let ended = continues ? previous.counts.ended : 0;
  for (let i = continues ? previous.trace.length : 0; i < trace.length; i++) {
    // An asynchronous event ends once with async-done, however many attempts it took.
    const event = trace[i]!;
    if (event.type === 'request-received') received += 1;
    else if (event.type === 'invoke-end' ? event.invocationType !== 'Event' : event.type === 'throttled' || event.type === 'async-done') ended += 1;
  }
  const counts = { received, ended };
  countCache.set(trace, counts);
  lastCounted = { trace, counts };
  return counts;
}
