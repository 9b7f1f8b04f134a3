/**
 * The vertical layout of the timeline: per function a header row, a throttle row once the
 * function has throttled requests, a queue lane once an asynchronous event arrived, a lane per
 * DLQ or destination it sent something to, then a row per environment, or one aggregate row
 * when the function is collapsed. Rows appear as the playhead reaches them. Lanes get shorter as their
 * number grows, so a thousand environments stay a scrollable list.
 * Coordinates: `y` is measured from the top of the scrolled content, in CSS pixels.
 */
import type { TargetLane } from './async-lanes';
import { lanesCreatedBy, type FunctionGroup, type Lane, type TimelineModel } from './spans';

export interface LayoutMetrics {
  readonly headerHeight: number;
  readonly laneHeight: number;
  /** Height of the row of throttle markers under a function's header. */
  readonly throttleHeight: number;
  /** Height of the row that stands for a collapsed function's lanes. */
  readonly aggregateHeight: number;
  /** Height of the asynchronous event queue lane. */
  readonly queueHeight: number;
  /** Height of a DLQ or destination lane. */
  readonly targetHeight: number;
}

export const DEFAULT_METRICS: LayoutMetrics = {
  headerHeight: 26,
  laneHeight: 26,
  throttleHeight: 18,
  aggregateHeight: 44,
  queueHeight: 32,
  targetHeight: 20,
};

/**
 * Lane heights by the number of expanded lanes: full rows with labels inside spans for a
 * few environments, then compact rows, then thin rows for hundreds or thousands.
 */
const LANE_HEIGHT_STEPS: readonly { readonly maxLanes: number; readonly laneHeight: number }[] = [
  { maxLanes: 30, laneHeight: 26 },
  { maxLanes: 150, laneHeight: 14 },
  { maxLanes: Number.POSITIVE_INFINITY, laneHeight: 8 },
];

/** The metrics for `laneCount` expanded lanes. */
export function metricsFor(laneCount: number): LayoutMetrics {
  const step = LANE_HEIGHT_STEPS.find((candidate) => laneCount <= candidate.maxLanes)!;
  return { ...DEFAULT_METRICS, laneHeight: step.laneHeight };
}

export interface GroupRow {
  readonly group: FunctionGroup;
  /** Top of the header row. */
  readonly top: number;
  /** Lanes created by the playhead: a prefix of `group.lanes`. */
  readonly laneCount: number;
  /** Throttled requests at or before the playhead; the throttle row is shown when there are any. */
  readonly throttleCount: number;
  /** Whether the lanes are folded into one aggregate row. */
  readonly collapsed: boolean;
  /** Whether the queue lane is shown: an asynchronous event arrived by the playhead. */
  readonly queueShown: boolean;
  /** DLQ and destination lanes with a message by the playhead: a prefix of `group.targets`. */
  readonly targetCount: number;
  /** Top of the queue lane (or of the first target lane when there is none). */
  readonly asyncTop: number;
  /** Top of the first lane, or of the aggregate row when collapsed. */
  readonly lanesTop: number;
  /** Bottom of the last row of the group. */
  readonly bottom: number;
}

export interface TimelineLayout {
  readonly rows: readonly GroupRow[];
  readonly height: number;
  readonly metrics: LayoutMetrics;
}

export interface LayoutOptions {
  /** Names of the functions whose lanes are folded into an aggregate row. */
  readonly collapsed?: readonly string[];
  /** Fixed metrics; by default they follow the number of expanded lanes (`metricsFor`). */
  readonly metrics?: LayoutMetrics;
}

export function computeLayout(model: TimelineModel, playheadMs: number, options: LayoutOptions = {}): TimelineLayout {
  const collapsedNames = options.collapsed ?? [];
  const shown: Omit<GroupRow, 'top' | 'asyncTop' | 'lanesTop' | 'bottom'>[] = [];
  let expandedLanes = 0;
  for (const group of model.groups) {
    const firstRequest = group.requests[0]?.timeMs ?? Number.POSITIVE_INFINITY;
    const firstLane = group.lanes[0]?.createdMs ?? Number.POSITIVE_INFINITY;
    const firstQueued = group.queue?.firstMs ?? Number.POSITIVE_INFINITY;
    if (Math.min(firstRequest, firstLane, firstQueued) > playheadMs) continue;
    const laneCount = lanesCreatedBy(group.lanes, playheadMs);
    const collapsed = collapsedNames.includes(group.functionName);
    if (!collapsed) expandedLanes += laneCount;
    shown.push({
      group,
      laneCount,
      throttleCount: countAtOrBefore(group.throttles, playheadMs),
      collapsed,
      queueShown: firstQueued <= playheadMs,
      targetCount: targetsBy(group.targets, playheadMs),
    });
  }

  const metrics = options.metrics ?? metricsFor(expandedLanes);
  const rows: GroupRow[] = [];
  let top = 0;
  for (const entry of shown) {
    const asyncTop = top + metrics.headerHeight + (entry.throttleCount > 0 ? metrics.throttleHeight : 0);
    const lanesTop = asyncTop + (entry.queueShown ? metrics.queueHeight : 0) + entry.targetCount * metrics.targetHeight;
    const bottom = lanesTop + (entry.collapsed ? metrics.aggregateHeight : entry.laneCount * metrics.laneHeight);
    rows.push({ ...entry, top, asyncTop, lanesTop, bottom });
    top = bottom;
  }
  return { rows, height: top, metrics };
}

/** Top of DLQ or destination lane `index` of a group row. */
export function targetTop(layout: TimelineLayout, row: GroupRow, index: number): number {
  return row.asyncTop + (row.queueShown ? layout.metrics.queueHeight : 0) + index * layout.metrics.targetHeight;
}

/** Top of lane `index` of a group row. */
export function laneTop(layout: TimelineLayout, row: GroupRow, index: number): number {
  return row.lanesTop + index * layout.metrics.laneHeight;
}

/**
 * The lanes of `row` that meet the content band `[scrollY, scrollY + viewportHeight)`, as the
 * index range `[first, end)`: the only lanes a frame draws. Empty for a collapsed row.
 */
export function visibleLaneRange(
  layout: TimelineLayout,
  row: GroupRow,
  scrollY: number,
  viewportHeight: number,
): { readonly first: number; readonly end: number } {
  if (row.collapsed || row.laneCount === 0) return { first: 0, end: 0 };
  const { laneHeight } = layout.metrics;
  const first = Math.max(0, Math.floor((scrollY - row.lanesTop) / laneHeight));
  const end = Math.min(row.laneCount, Math.ceil((scrollY + viewportHeight - row.lanesTop) / laneHeight));
  return end > first ? { first, end } : { first: 0, end: 0 };
}

/**
 * The group whose header has scrolled out of view while its lanes still fill the top of the
 * viewport: the timeline pins that header to the top, so the function stays named.
 */
export function pinnedRow(layout: TimelineLayout, scrollY: number): GroupRow | undefined {
  if (scrollY <= 0) return undefined;
  const row = groupRowAt(layout.rows, scrollY);
  return row && row.top < scrollY && scrollY < row.bottom - layout.metrics.headerHeight ? row : undefined;
}

/**
 * Content y of viewport y `viewportY` (measured from the top of the rows) at scroll `scrollY`:
 * a point on a pinned header maps to that header.
 */
export function contentY(layout: TimelineLayout, viewportY: number, scrollY: number): number {
  const pinned = pinnedRow(layout, scrollY);
  if (pinned && viewportY < layout.metrics.headerHeight) return pinned.top + viewportY;
  return viewportY + scrollY;
}

export type RowHit =
  | { readonly kind: 'header'; readonly row: GroupRow }
  | { readonly kind: 'throttles'; readonly row: GroupRow }
  | { readonly kind: 'aggregate'; readonly row: GroupRow }
  | { readonly kind: 'queue'; readonly row: GroupRow }
  | { readonly kind: 'target'; readonly row: GroupRow; readonly target: TargetLane }
  | { readonly kind: 'lane'; readonly row: GroupRow; readonly lane: Lane };

/** Finds the row under content height `y`, if any. */
export function rowAt(layout: TimelineLayout, y: number): RowHit | undefined {
  const { headerHeight, laneHeight } = layout.metrics;
  const row = groupRowAt(layout.rows, y);
  if (!row) return undefined;
  if (y < row.top + headerHeight) return { kind: 'header', row };
  if (y < row.asyncTop) return { kind: 'throttles', row };
  if (y < row.lanesTop) {
    if (row.queueShown && y < row.asyncTop + layout.metrics.queueHeight) return { kind: 'queue', row };
    const index = Math.floor((y - targetTop(layout, row, 0)) / layout.metrics.targetHeight);
    const target = row.group.targets[index];
    return target && index < row.targetCount ? { kind: 'target', row, target } : undefined;
  }
  if (row.collapsed) return { kind: 'aggregate', row };
  const index = Math.floor((y - row.lanesTop) / laneHeight);
  const lane = row.group.lanes[index];
  return lane && index < row.laneCount ? { kind: 'lane', row, lane } : undefined;
}

/** The group row whose band contains `y`, found by binary search (rows are stacked in order). */
function groupRowAt(rows: readonly GroupRow[], y: number): GroupRow | undefined {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.bottom <= y) low = mid + 1;
    else high = mid;
  }
  const row = rows[low];
  return row && y >= row.top ? row : undefined;
}

/** Number of target lanes (in order of their first message) with a message at or before `timeMs`. */
function targetsBy(targets: readonly TargetLane[], timeMs: number): number {
  let count = 0;
  while (count < targets.length && targets[count]!.firstMs <= timeMs) count++;
  return count;
}

/** Number of markers (sorted by time) at or before `timeMs`. */
function countAtOrBefore(markers: readonly { readonly timeMs: number }[], timeMs: number): number {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (markers[mid]!.timeMs <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first marker (sorted by time) at or after `timeMs`. */
export function firstMarkerAtOrAfter(markers: readonly { readonly timeMs: number }[], timeMs: number): number {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (markers[mid]!.timeMs < timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first request marker at or after `timeMs`. */
export const firstRequestAtOrAfter = firstMarkerAtOrAfter;
