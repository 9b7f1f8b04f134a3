/**
 * The vertical layout of the timeline (a header row per function, then a row per environment)
 * and hit testing. Rows appear as the playhead reaches the environment's creation.
 * Coordinates: `x` is measured from the left edge of the time area and `y` from the top of the
 * scrolled content, both in CSS pixels.
 */
import type { TimeScale } from './scale';
import { clipToPlayhead, firstSpanEndingAfter, lanesCreatedBy, type FunctionGroup, type Lane, type RequestMarker, type Span, type SpanKind, type TimelineModel } from './spans';

export interface LayoutMetrics {
  readonly headerHeight: number;
  readonly laneHeight: number;
}

export const DEFAULT_METRICS: LayoutMetrics = { headerHeight: 26, laneHeight: 26 };

export interface GroupRow {
  readonly group: FunctionGroup;
  /** Top of the header row. */
  readonly top: number;
  /** Lanes created by the playhead: a prefix of `group.lanes`. */
  readonly laneCount: number;
}

export interface TimelineLayout {
  readonly rows: readonly GroupRow[];
  readonly height: number;
  readonly metrics: LayoutMetrics;
}

export function computeLayout(model: TimelineModel, playheadMs: number, metrics: LayoutMetrics = DEFAULT_METRICS): TimelineLayout {
  const rows: GroupRow[] = [];
  let top = 0;
  for (const group of model.groups) {
    const firstRequest = group.requests[0]?.timeMs ?? Number.POSITIVE_INFINITY;
    const firstLane = group.lanes[0]?.createdMs ?? Number.POSITIVE_INFINITY;
    if (Math.min(firstRequest, firstLane) > playheadMs) continue;
    const laneCount = lanesCreatedBy(group.lanes, playheadMs);
    rows.push({ group, top, laneCount });
    top += metrics.headerHeight + laneCount * metrics.laneHeight;
  }
  return { rows, height: top, metrics };
}

/** Top of lane `index` of a group row. */
export function laneTop(layout: TimelineLayout, row: GroupRow, index: number): number {
  return row.top + layout.metrics.headerHeight + index * layout.metrics.laneHeight;
}

export type RowHit =
  | { readonly kind: 'header'; readonly row: GroupRow }
  | { readonly kind: 'lane'; readonly row: GroupRow; readonly lane: Lane };

/** Finds the row under content height `y`, if any. */
export function rowAt(layout: TimelineLayout, y: number): RowHit | undefined {
  const { headerHeight, laneHeight } = layout.metrics;
  for (const row of layout.rows) {
    const bottom = row.top + headerHeight + row.laneCount * laneHeight;
    if (y < row.top || y >= bottom) continue;
    if (y < row.top + headerHeight) return { kind: 'header', row };
    const index = Math.floor((y - row.top - headerHeight) / laneHeight);
    const lane = row.group.lanes[index];
    return lane ? { kind: 'lane', row, lane } : undefined;
  }
  return undefined;
}

export type Hit =
  | { readonly kind: 'span'; readonly lane: Lane; readonly span: Span }
  | { readonly kind: 'request'; readonly marker: RequestMarker };

/** The preference of a click near several spans for each kind: the invocation first. */
const HIT_PRIORITY: Record<SpanKind, number> = { invoke: 3, init: 2, platform: 1, frozen: 0, reset: 0 };

/**
 * Finds what is under the point: a span of a lane, or a request marker in a function's header. A
 * span narrower than `tolerancePx` can be hit from that far away, and the invocation is
 * preferred over the idle time around it.
 */
export function hitTest(
  layout: TimelineLayout,
  scale: TimeScale,
  x: number,
  y: number,
  playheadMs: number,
  tolerancePx = 4,
): Hit | undefined {
  const row = rowAt(layout, y);
  if (!row) return undefined;
  const timeMs = scale.xToTime(x);
  const toleranceMs = tolerancePx * scale.msPerPx;
  if (row.kind === 'header') return nearestRequest(row.row.group.requests, timeMs, toleranceMs, playheadMs);

  const spans = row.lane.spans;
  let best: { span: Span; score: number } | undefined;
  for (let i = firstSpanEndingAfter(spans, timeMs - toleranceMs); i < spans.length; i++) {
    const span = spans[i]!;
    if (span.startMs > timeMs + toleranceMs) break;
    const visible = clipToPlayhead(span, playheadMs);
    if (!visible || visible.endMs < timeMs - toleranceMs) continue;
    const inside = timeMs >= visible.startMs && timeMs <= visible.endMs;
    // A nearby platform, INIT or INVOKE span beats idle time under the pointer; among those,
    // the span under the pointer wins, then the higher priority.
    const busy = HIT_PRIORITY[span.kind] > 0;
    const score = (busy ? 100 : 0) + (inside ? 10 : 0) + HIT_PRIORITY[span.kind];
    if (!best || score > best.score) best = { span, score };
  }
  return best ? { kind: 'span', lane: row.lane, span: best.span } : undefined;
}

function nearestRequest(
  requests: readonly RequestMarker[],
  timeMs: number,
  toleranceMs: number,
  playheadMs: number,
): Hit | undefined {
  let best: RequestMarker | undefined;
  for (let i = firstRequestAtOrAfter(requests, timeMs - toleranceMs); i < requests.length; i++) {
    const marker = requests[i]!;
    if (marker.timeMs > playheadMs || marker.timeMs > timeMs + toleranceMs) break;
    const distance = Math.abs(marker.timeMs - timeMs);
    if (distance <= toleranceMs && (!best || distance < Math.abs(best.timeMs - timeMs))) best = marker;
  }
  return best ? { kind: 'request', marker: best } : undefined;
}

/** Index of the first request marker at or after `timeMs`. */
export function firstRequestAtOrAfter(requests: readonly RequestMarker[], timeMs: number): number {
  let low = 0;
  let high = requests.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (requests[mid]!.timeMs < timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}
