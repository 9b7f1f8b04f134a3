/**
 * The timeline's model of a run: one lane per execution environment, grouped by function, each
 * a sequence of spans (platform, INIT, INVOKE, frozen, reset), plus request and throttle
 * markers. Built incrementally from the growing trace, so each new trace version costs only
 * its new events.
 */
import type { InvokeOutcome } from '../engine/execution';
import type { Invoker, ThrottleReason, TraceEvent, TracePrefix } from '../engine/trace';
import { AsyncLanes, type AsyncHost, type AsyncRequest, type MutableQueueLane, type QueueLane, type TargetLane } from './async-lanes';

export type SpanKind =
  /** Placing the environment before INIT (a client waits for it; Init Duration leaves it out). */
  | 'platform'
  | 'init'
  | 'invoke'
  /** Idle between invocations: the environment is frozen and keeps its module state. */
  | 'frozen'
  /** Idle after a timeout or a failed INIT reset the runtime: the next request runs INIT again. */
  | 'reset';

export interface Span {
  readonly kind: SpanKind;
  readonly envId: string;
  readonly startMs: number;
  /** Undefined while the span is still open at the processed end of the trace. */
  readonly endMs: number | undefined;
  /** The invocation an INVOKE span serves; for INIT and platform spans, the request that waits for them. */
  readonly requestId?: string;
  readonly outcome?: InvokeOutcome;
  readonly cold?: boolean;
  /** Init Duration of an INIT span as the REPORT line shows it, in ms. */
  readonly initDurationMs?: number;
  /** Whether an INIT span failed (a syntax error, a throw at top level, a missing handler). */
  readonly initFailed?: boolean;
  /**
   * Whether an INVOKE span ran on an on-demand environment while the function has provisioned
   * concurrency (every provisioned environment was busy).
   */
  readonly spillover?: boolean;
  /** The attempt's number (from 1) when an INVOKE span runs an asynchronous event. */
  readonly attempt?: number;
}

type MutableSpan = { -readonly [K in keyof Span]: Span[K] };

export interface LaneEnd {
  readonly timeMs: number;
  /** How long the environment had been idle when Lambda reclaimed it, in ms. */
  readonly idleMs: number;
  /** `code-updated` when the function changed, else idle reclaim. */
  readonly reason: 'idle' | 'code-updated';
}

export interface ResetMarker {
  readonly timeMs: number;
  readonly reason: 'timeout' | 'init-error';
}

export interface Lane {
  readonly envId: string;
  readonly functionName: string;
  /** Position among its function's environments, from 1, in creation order. */
  readonly ordinal: number;
  readonly createdMs: number;
  /** Whether the environment belongs to the function's provisioned concurrency. */
  readonly provisioned: boolean;
  /** In time order, without gaps or overlaps; only the last may be open. */
  readonly spans: readonly Span[];
  readonly resets: readonly ResetMarker[];
  /** Set once Lambda reclaimed the environment. */
  readonly end: LaneEnd | undefined;
}

export interface FunctionGroup {
  readonly functionName: string;
  /** In creation order, so the lanes created by a given time are a prefix. */
  readonly lanes: readonly Lane[];
  /** Request arrivals for this function, in time order. */
  readonly requests: readonly RequestMarker[];
  /** Requests Lambda rejected for lack of concurrency, in time order. */
  readonly throttles: readonly ThrottleMarker[];
  /** The asynchronous event queue, once an event arrived. */
  readonly queue: QueueLane | undefined;
  /** The DLQs and destinations this function sent something to, in order of the first message. */
  readonly targets: readonly TargetLane[];
}

export interface RequestMarker {
  readonly timeMs: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly source: string;
}

/** A request Lambda throttled: it got no environment and its caller got an error at once. */
export interface ThrottleMarker {
  readonly timeMs: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly reason: ThrottleReason;
  readonly invoker: Invoker;
  /** HTTP status the caller saw: 429 from the Invoke API, 500 through API Gateway. */
  readonly statusCode: number;
  /** The limit that was reached (see the trace's `throttled` event). */
  readonly limit: number;
  /** The concurrency counted against that limit at that moment. */
  readonly concurrency: number;
}

interface MutableLane {
  envId: string;
  functionName: string;
  ordinal: number;
  createdMs: number;
  provisioned: boolean;
  spans: MutableSpan[];
  resets: ResetMarker[];
  end: LaneEnd | undefined;
}

interface MutableGroup extends AsyncHost {
  functionName: string;
  lanes: MutableLane[];
  requests: RequestMarker[];
  throttles: ThrottleMarker[];
  queue: MutableQueueLane | undefined;
}

/** Span kinds during which the environment is working for a request. */
const BUSY_KINDS: ReadonlySet<SpanKind> = new Set(['platform', 'init', 'invoke']);

export class TimelineModel {
  private readonly groupList: MutableGroup[] = [];
  private readonly groupsByName = new Map<string, MutableGroup>();
  private readonly lanesById = new Map<string, MutableLane>();
  private readonly spansByRequest = new Map<string, MutableSpan[]>();
  private readonly asyncLanes = new AsyncLanes();
  private readonly groupOf = (functionName: string): MutableGroup => this.group(functionName);
  private consumed = 0;
  private source: TracePrefix | undefined;
  private firstEvent: TraceEvent | undefined;
  private changeCount = 0;

  /** Increases whenever the model changes, so drawing can skip unchanged frames. */
  get version(): number {
    return this.changeCount;
  }

  get groups(): readonly FunctionGroup[] {
    return this.groupList;
  }

  /** Number of trace events applied so far. */
  get eventCount(): number {
    return this.consumed;
  }

  /**
   * Applies the events added to the trace since the last call, up to `length`. A trace that is
   * not a continuation of the one seen before (a fresh run) rebuilds the model from scratch.
   */
  update(events: readonly TraceEvent[], length = events.length): void {
    const continues = length >= this.consumed && (this.consumed === 0 || events[0] === this.firstEvent);
    if (!continues) this.clear();
    this.source = { events, length };
    if (length === this.consumed) return;
    for (let i = this.consumed; i < length; i++) this.apply(events[i]!);
    this.consumed = length;
    this.firstEvent = events[0];
    this.changeCount++;
  }

  lane(envId: string): Lane | undefined {
    return this.lanesById.get(envId);
  }

  /** The INIT, platform and INVOKE spans that belong to a request. */
  spansOfRequest(requestId: string): readonly Span[] {
    return this.spansByRequest.get(requestId) ?? [];
  }

  /** The queue waits, retries, target messages and chain links of an asynchronous event. */
  asyncRequest(requestId: string): AsyncRequest | undefined {
    return this.asyncLanes.request(requestId);
  }

  /** Whether some environment is being placed, initialised or invoked at `timeMs`. */
  isBusyAt(timeMs: number): boolean {
    for (const group of this.groupList) {
      for (const lane of group.lanes) {
        if (lane.createdMs > timeMs) break;
        if (lane.end && lane.end.timeMs <= timeMs) continue;
        const span = spanAt(lane.spans, timeMs);
        if (span && BUSY_KINDS.has(span.kind)) return true;
      }
    }
    return false;
  }

  /** Time of the first trace event strictly after `timeMs`, or undefined when there is none yet. */
  nextEventAfter(timeMs: number): number | undefined {
    const trace = this.source;
    if (!trace) return undefined;
    const { events, length } = trace;
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (events[mid]!.time <= timeMs) low = mid + 1;
      else high = mid;
    }
    return low < length ? events[low]!.time : undefined;
  }

  private clear(): void {
    this.groupList.length = 0;
    this.groupsByName.clear();
    this.lanesById.clear();
    this.spansByRequest.clear();
    this.asyncLanes.clear();
    this.consumed = 0;
    this.firstEvent = undefined;
    this.changeCount++;
  }

  private group(functionName: string): MutableGroup {
    let group = this.groupsByName.get(functionName);
    if (!group) {
      group = { functionName, lanes: [], requests: [], throttles: [], queue: undefined, targets: [] };
      this.groupsByName.set(functionName, group);
      this.groupList.push(group);
    }
    return group;
  }

  private apply(event: TraceEvent): void {
    switch (event.type) {
      case 'request-received':
        this.group(event.functionName).requests.push({
          timeMs: event.time,
          requestId: event.requestId,
          functionName: event.functionName,
          source: event.source,
        });
        return;
      case 'throttled':
        this.group(event.functionName).throttles.push({
          timeMs: event.time,
          requestId: event.requestId,
          functionName: event.functionName,
          reason: event.reason,
          invoker: event.invoker,
          statusCode: event.statusCode,
          limit: event.limit,
          concurrency: event.concurrency,
        });
        return;
      case 'env-created': {
        const lane = this.addLane(event.envId, event.functionName, event.time, event.provisioned === true);
        this.open(lane, { kind: 'platform', envId: event.envId, startMs: event.time, endMs: undefined, requestId: event.requestId });
        return;
      }
      case 'init-start': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        this.close(lane, event.time);
        this.open(lane, { kind: 'init', envId: event.envId, startMs: event.time, endMs: undefined });
        return;
      }
      case 'init-end': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        const init = this.close(lane, event.time);
        if (init?.kind === 'init') {
          init.initDurationMs = event.initDurationMs;
          init.initFailed = event.error !== undefined;
        }
        this.open(lane, { kind: 'frozen', envId: event.envId, startMs: event.time, endMs: undefined });
        return;
      }
      case 'invoke-start': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        this.close(lane, event.time);
        if (event.cold) this.claimColdStart(lane, event.requestId);
        this.open(lane, {
          kind: 'invoke',
          envId: event.envId,
          startMs: event.time,
          endMs: undefined,
          requestId: event.requestId,
          cold: event.cold,
          ...(event.spillover ? { spillover: true } : {}),
          ...(event.invocationType === 'Event' && event.attempt !== undefined ? { attempt: event.attempt } : {}),
        });
        return;
      }
      case 'invoke-end': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        const invoke = this.close(lane, event.time);
        if (invoke?.kind === 'invoke') invoke.outcome = event.outcome;
        this.open(lane, { kind: 'frozen', envId: event.envId, startMs: event.time, endMs: undefined });
        return;
      }
      case 'env-reset': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        this.close(lane, event.time);
        lane.resets.push({ timeMs: event.time, reason: event.reason });
        this.open(lane, { kind: 'reset', envId: event.envId, startMs: event.time, endMs: undefined });
        return;
      }
      case 'env-reclaimed': {
        const lane = this.laneFor(event.envId, event.functionName, event.time);
        this.close(lane, event.time);
        lane.end = { timeMs: event.time, idleMs: event.idleMs, reason: event.reason ?? 'idle' };
        return;
      }
      default:
        this.asyncLanes.apply(event, this.groupOf);
        return;
    }
  }

  /** The lane of `envId`; a lane whose creation the trace did not record starts at `timeMs`. */
  private laneFor(envId: string, functionName: string, timeMs: number): MutableLane {
    return this.lanesById.get(envId) ?? this.addLane(envId, functionName, timeMs, false);
  }

  private addLane(envId: string, functionName: string, timeMs: number, provisioned: boolean): MutableLane {
    const group = this.group(functionName);
    const lane: MutableLane = {
      envId,
      functionName,
      ordinal: group.lanes.length + 1,
      createdMs: timeMs,
      provisioned,
      spans: [],
      resets: [],
      end: undefined,
    };
    group.lanes.push(lane);
    this.lanesById.set(envId, lane);
    return lane;
  }

  private open(lane: MutableLane, span: MutableSpan): void {
    lane.spans.push(span);
    if (span.requestId) this.index(span.requestId, span);
  }

  /** Ends the lane's open span at `timeMs` and returns it; an empty idle span is dropped. */
  private close(lane: MutableLane, timeMs: number): MutableSpan | undefined {
    const last = lane.spans[lane.spans.length - 1];
    if (!last || last.endMs !== undefined) return undefined;
    last.endMs = timeMs;
    if (timeMs === last.startMs && (last.kind === 'frozen' || last.kind === 'reset')) {
      lane.spans.pop();
      return undefined;
    }
    return last;
  }

  /**
   * Links a cold invocation to the INIT (and platform) spans it waited for. After a reset,
   * the INIT starts before the trace says which request it serves.
   */
  private claimColdStart(lane: MutableLane, requestId: string): void {
    for (let i = lane.spans.length - 1; i >= 0; i--) {
      const span = lane.spans[i]!;
      if (span.kind === 'invoke') return;
      if ((span.kind === 'init' || span.kind === 'platform') && span.requestId === undefined) {
        span.requestId = requestId;
        this.index(requestId, span);
      }
    }
  }

  private index(requestId: string, span: MutableSpan): void {
    const spans = this.spansByRequest.get(requestId);
    if (spans) spans.push(span);
    else this.spansByRequest.set(requestId, [span]);
  }
}

/** The span covering `timeMs` (start inclusive, end exclusive; an open span covers everything after its start). */
export function spanAt(spans: readonly Span[], timeMs: number): Span | undefined {
  const index = lastStartingAtOrBefore(spans, timeMs);
  if (index < 0) return undefined;
  const span = spans[index]!;
  return span.endMs === undefined || timeMs < span.endMs ? span : undefined;
}

/** Index of the first span that ends after `timeMs` (or is open): where drawing a view starting at `timeMs` begins. */
export function firstSpanEndingAfter(spans: readonly Span[], timeMs: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const end = spans[mid]!.endMs;
    if (end !== undefined && end <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Number of lanes created at or before `timeMs`: the lanes a playhead at `timeMs` shows. */
export function lanesCreatedBy(lanes: readonly Lane[], timeMs: number): number {
  let low = 0;
  let high = lanes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lanes[mid]!.createdMs <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The part of `span` a playhead at `playheadMs` shows, or undefined when it starts later:
 * a span still running at the playhead is cut there.
 */
export function clipToPlayhead(span: Span, playheadMs: number): { startMs: number; endMs: number } | undefined {
  if (span.startMs > playheadMs) return undefined;
  const end = span.endMs === undefined ? playheadMs : Math.min(span.endMs, playheadMs);
  return { startMs: span.startMs, endMs: end };
}

function lastStartingAtOrBefore(spans: readonly Span[], timeMs: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.startMs <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
