/**
 * What lies under a point of the timeline: a span of a lane, a request or throttle marker, a
 * function's header label (which folds its lanes), or a collapsed function's aggregate row.
 * `x` is measured from the left edge of the time area (the label column is at negative `x`)
 * and `y` from the top of the scrolled content, both in CSS pixels.
 */
import type { QueueExit, QueueWait, TargetLane, TargetMark } from './async-lanes';
import { firstWaitFrom } from './async-lanes';
import { firstMarkerAtOrAfter, rowAt, type GroupRow, type TimelineLayout } from './layout';
import type { TimeScale } from './scale';
import { clipToPlayhead, firstSpanEndingAfter, spanAt, type Lane, type RequestMarker, type Span, type SpanKind, type ThrottleMarker } from './spans';

export type Hit =
  | { readonly kind: 'span'; readonly lane: Lane; readonly span: Span }
  | { readonly kind: 'request'; readonly marker: RequestMarker }
  | { readonly kind: 'throttle'; readonly marker: ThrottleMarker }
  /** The label of a function's header: a click folds or unfolds its lanes. */
  | { readonly kind: 'group'; readonly row: GroupRow }
  /** An event's wait in a function's queue lane. */
  | { readonly kind: 'queue-wait'; readonly row: GroupRow; readonly wait: QueueWait }
  /** An event dropped or expired, in the queue lane. */
  | { readonly kind: 'queue-exit'; readonly row: GroupRow; readonly exit: QueueExit }
  /** A DLQ message or destination record. */
  | { readonly kind: 'target-mark'; readonly lane: TargetLane; readonly mark: TargetMark }
  /** A collapsed function's aggregate row, with what its lanes were doing at the pointer's time. */
  | { readonly kind: 'aggregate'; readonly row: GroupRow; readonly timeMs: number; readonly busy: number; readonly initializing: number };

/** The preference of a click near several spans for each kind: the invocation first. */
const HIT_PRIORITY: Record<SpanKind, number> = { invoke: 3, init: 2, platform: 1, frozen: 0, reset: 0 };

/**
 * Finds what is under the point. A span or marker narrower than `tolerancePx` can be hit from
 * that far away, and the invocation is preferred over the idle time around it.
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
  if (row.kind === 'header' && x < 0) return { kind: 'group', row: row.row };
  if (x < 0) return undefined;
  const timeMs = scale.xToTime(x);
  const toleranceMs = tolerancePx * scale.msPerPx;

  switch (row.kind) {
    case 'header': {
      const marker = nearestMarker(row.row.group.requests, timeMs, toleranceMs, playheadMs);
      return marker ? { kind: 'request', marker } : undefined;
    }
    case 'throttles': {
      const marker = nearestMarker(row.row.group.throttles, timeMs, toleranceMs, playheadMs);
      return marker ? { kind: 'throttle', marker } : undefined;
    }
    case 'aggregate': {
      if (timeMs > playheadMs) return undefined;
      const counts = activityAt(row.row.group.lanes, row.row.laneCount, timeMs);
      return { kind: 'aggregate', row: row.row, timeMs, ...counts };
    }
    case 'queue':
      return queueHit(row.row, timeMs, toleranceMs, playheadMs);
    case 'target': {
      const mark = nearestMarker(row.target.marks, timeMs, toleranceMs, playheadMs);
      return mark ? { kind: 'target-mark', lane: row.target, mark } : undefined;
    }
    case 'lane': {
      const span = nearestSpan(row.lane.spans, timeMs, toleranceMs, playheadMs);
      return span ? { kind: 'span', lane: row.lane, span } : undefined;
    }
  }
}

/** A drop or expiry near the pointer first, else the wait under it (the shortest, which is the hardest to hit). */
function queueHit(row: GroupRow, timeMs: number, toleranceMs: number, playheadMs: number): Hit | undefined {
  const queue = row.group.queue;
  if (!queue) return undefined;
  const exit = nearestMarker(queue.exits, timeMs, toleranceMs, playheadMs);
  if (exit) return { kind: 'queue-exit', row, exit };
  let best: QueueWait | undefined;
  for (let i = firstWaitFrom(queue, timeMs - toleranceMs); i < queue.waits.length; i++) {
    const wait = queue.waits[i]!;
    if (wait.startMs > timeMs + toleranceMs || wait.startMs > playheadMs) break;
    const end = Math.min(wait.endMs ?? playheadMs, playheadMs);
    if (end < timeMs - toleranceMs) continue;
    if (!best || end - wait.startMs < (best.endMs ?? playheadMs) - best.startMs) best = wait;
  }
  return best ? { kind: 'queue-wait', row, wait: best } : undefined;
}

function nearestSpan(spans: readonly Span[], timeMs: number, toleranceMs: number, playheadMs: number): Span | undefined {
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
  return best?.span;
}

/** The marker (sorted by time) nearest `timeMs` within `toleranceMs`, at or before the playhead. */
function nearestMarker<Marker extends { readonly timeMs: number }>(
  markers: readonly Marker[],
  timeMs: number,
  toleranceMs: number,
  playheadMs: number,
): Marker | undefined {
  let best: Marker | undefined;
  for (let i = firstMarkerAtOrAfter(markers, timeMs - toleranceMs); i < markers.length; i++) {
    const marker = markers[i]!;
    if (marker.timeMs > playheadMs || marker.timeMs > timeMs + toleranceMs) break;
    const distance = Math.abs(marker.timeMs - timeMs);
    if (distance <= toleranceMs && (!best || distance < Math.abs(best.timeMs - timeMs))) best = marker;
  }
  return best;
}

/**
 * How many of the first `laneCount` lanes are busy at `timeMs` (placing, INIT or INVOKE), and
 * how many of those are in platform work or INIT.
 */
export function activityAt(lanes: readonly Lane[], laneCount: number, timeMs: number): { busy: number; initializing: number } {
  let busy = 0;
  let initializing = 0;
  for (let i = 0; i < laneCount; i++) {
    const kind = spanAt(lanes[i]!.spans, timeMs)?.kind;
    if (kind === 'invoke') busy++;
    else if (kind === 'init' || kind === 'platform') {
      busy++;
      initializing++;
    }
  }
  return { busy, initializing };
}
