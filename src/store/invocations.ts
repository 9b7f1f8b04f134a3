/**
 * Invocations and environments as the inspector shows them, derived from the trace. The
 * derivation is cached per trace and updated incrementally as the trace grows, so
 * selectors that call it on every render stay cheap.
 */
import type { InvokeOutcome, LambdaError, LogLine } from '../engine/execution';
import { invocationLogLines } from '../engine/platform-logs';
import { tracePrefix, type AsyncOutcome, type InvocationType, type Invoker, type RequestThrottled, type TargetRef, type TraceEvent, type TraceInput } from '../engine/trace';
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

const recordCache = new WeakMap<TraceInput, readonly InvocationRecord[]>();

/**
 * Returns one record per request in the trace, in arrival order. A trace that continues the one
 * seen last costs only its new events. A record handed out never changes: an event that
 * changes it replaces it. The list is a copy; `latestInvocations` and `findInvocation` read the
 * records without copying them all.
 */
export function invocationRecords(trace: TraceInput): readonly InvocationRecord[] {
  const cached = recordCache.get(trace);
  if (cached) return cached;
  const records = recordIndex.update(trace).slice();
  recordCache.set(trace, records);
  return records;
}

/** The newest records of a trace, newest first, and how many there are in all. */
export interface LatestInvocations {
  readonly latest: readonly InvocationRecord[];
  readonly total: number;
}

const latestCache = new WeakMap<TraceInput, LatestInvocations>();

/**
 * Returns the last `limit` records of the trace, newest first, for a list that shows only
 * those: a run of 100,000 requests can update the list several times a second.
 */
export function latestInvocations(trace: TraceInput, limit: number): LatestInvocations {
  const cached = latestCache.get(trace);
  if (cached && cached.latest.length === Math.min(limit, cached.total)) return cached;
  const records = recordIndex.update(trace);
  const latest = { latest: records.slice(-limit).reverse(), total: records.length };
  latestCache.set(trace, latest);
  return latest;
}

/** Returns the record of `requestId` in the trace, or undefined when the trace has no such request. */
export function findInvocation(trace: TraceInput, requestId: string): InvocationRecord | undefined {
  return recordIndex.find(trace, requestId);
}

/** The records of the trace seen last, brought up to date event by event. */
class RecordIndex {
  private source: readonly TraceEvent[] = [];
  private consumed = 0;
  private records: InvocationRecord[] = [];
  private readonly positions = new Map<string, number>();
  /** Records whose `logs` is a getter not read yet, which a copy must keep unread. */
  private readonly lazyLogs = new WeakSet<InvocationRecord>();

  /** Brings the records up to `input` and returns them; the caller must not change the list. */
  update(input: TraceInput): readonly InvocationRecord[] {
    const { events, length } = tracePrefix(input);
    if (!this.continuedBy(events, length)) {
      this.records = [];
      this.positions.clear();
      this.consumed = 0;
    }
    for (let i = this.consumed; i < length; i++) this.apply(events[i]!);
    this.consumed = length;
    this.source = events;
    return this.records;
  }

  find(input: TraceInput, requestId: string): InvocationRecord | undefined {
    const records = this.update(input);
    const position = this.positions.get(requestId);
    return position === undefined ? undefined : records[position];
  }

  /** Returns whether `events` starts with the events already applied (the same run's trace, grown). */
  private continuedBy(events: readonly TraceEvent[], length: number): boolean {
    const last = this.consumed - 1;
    return length >= this.consumed && (last < 0 || (events[0] === this.source[0] && events[last] === this.source[last]));
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
    const record = this.records[position]!;
    const copy: MutableRecord = this.lazyLogs.has(record)
      ? (Object.defineProperties({}, Object.getOwnPropertyDescriptors(record)) as MutableRecord)
      : { ...record };
    change(copy);
    if (Object.getOwnPropertyDescriptor(copy, 'logs')?.get) this.lazyLogs.add(copy);
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

const formatMs = (ms: number) => `${Number(ms.toFixed(2))} ms`;

/** Lists what happened to one execution environment, in time order. */
export function environmentHistory(trace: TraceInput, envId: string): EnvironmentHistoryEntry[] {
  const { events, length } = tracePrefix(trace);
  const entries: EnvironmentHistoryEntry[] = [];
  for (let i = 0; i < length; i++) {
    const event = events[i]!;
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

const countCache = new WeakMap<TraceInput, RequestCounts>();

interface RequestCounts {
  readonly received: number;
  readonly ended: number;
}

/** The counts of the trace seen last, so that the same trace, grown, costs only its new events. */
let lastCounted: { events: readonly TraceEvent[]; length: number; counts: RequestCounts } | undefined;

/**
 * Counts of the requests in the trace, for the progress line; a throttled request has ended,
 * and so has an asynchronous event that left its queue.
 * Cached per trace, and a trace that continues the one counted last costs only its new
 * events, because the progress line counts again whenever the trace grows.
 */
export function requestCounts(trace: TraceInput): RequestCounts {
  const cached = countCache.get(trace);
  if (cached) return cached;
  const { events, length } = tracePrefix(trace);
  const previous = lastCounted;
  const continues =
    previous !== undefined &&
    previous.length > 0 &&
    length >= previous.length &&
    events[0] === previous.events[0] &&
    events[previous.length - 1] === previous.events[previous.length - 1];
  let received = continues ? previous.counts.received : 0;
  let ended = continues ? previous.counts.ended : 0;
  for (let i = continues ? previous.length : 0; i < length; i++) {
    // An asynchronous event ends once with async-done, however many attempts it took.
    const event = events[i]!;
    if (event.type === 'request-received') received += 1;
    else if (event.type === 'invoke-end' ? event.invocationType !== 'Event' : event.type === 'throttled' || event.type === 'async-done') ended += 1;
  }
  const counts = { received, ended };
  countCache.set(trace, counts);
  lastCounted = { events, length, counts };
  return counts;
}
