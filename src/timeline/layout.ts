/**
 * The vertical layout of the timeline: per function a header row, a throttle row once the
 * function has throttled requests, then a row per environment, or one aggregate row when the
 * function is collapsed. Rows appear as the playhead reaches them. Lanes get shorter as their
 * number grows, so a thousand environments stay a scrollable list.
 * Coordinates: `y` is measured from the top of the scrolled content, in CSS pixels.
 */
import { lanesCreatedBy, type FunctionGroup, type Lane, type TimelineModel } from './spans';

export interface LayoutMetrics {
  readonly headerHeight: number;
  readonly laneHeight: number;
  /** Height of the row of throttle markers under a function's header. */
  readonly throttleHeight: number;
  /** Height of the row that stands for a collapsed function's lanes. */
  readonly aggregateHeight: number;
}

export const DEFAULT_METRICS: LayoutMetrics = { headerHeight: 26, laneHeight: 26, throttleHeight: 18, aggregateHeight: 44 };

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
  const shown: { group: FunctionGroup; laneCount: number; throttleCount: number; collapsed: boolean }[] = [];
  let expandedLanes = 0;
  for (const group of model.groups) {
    const firstRequest = group.requests[0]?.timeMs ?? Number.POSITIVE_INFINITY;
    const firstLane = group.lanes[0]?.createdMs ?? Number.POSITIVE_INFINITY;
    if (Math.min(firstRequest, firstLane) > playheadMs) continue;
    const laneCount = lanesCreatedBy(group.lanes, playheadMs);
    const collapsed = collapsedNames.includes(group.functionName);
    if (!collapsed) expandedLanes += laneCount;
    shown.push({ group, laneCount, throttleCount: countAtOrBefore(group.throttles, playheadMs), collapsed });
  }

  const metrics = options.metrics ?? metricsFor(expandedLanes);
  const rows: GroupRow[] = [];
  let top = 0;
  for (const { group, laneCount, throttleCount, collapsed } of shown) {
    const lanesTop = top + metrics.headerHeight + (throttleCount > 0 ? metrics.throttleHeight : 0);
    const bottom = lanesTop + (collapsed ? metrics.aggregateHeight : laneCount * metrics.laneHeight);
    rows.push({ group, top, laneCount, throttleCount, collapsed, lanesTop, bottom });
    top = bottom;
  }
  return { rows, height: top, metrics };
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
  | { readonly kind: 'lane'; readonly row: GroupRow; readonly lane: Lane };

/** Finds the row under content height `y`, if any. */
export function rowAt(layout: TimelineLayout, y: number): RowHit | undefined {
  const { headerHeight, laneHeight } = layout.metrics;
  const row = groupRowAt(layout.rows, y);
  if (!row) return undefined;
  if (y < row.top + headerHeight) return { kind: 'header', row };
  if (y < row.lanesTop) return { kind: 'throttles', row };
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
