/**
 * Per-pixel-column counts for views that summarise many items: the busy environments of a
 * collapsed function, and throttled requests too dense to draw one by one. Column `i` covers
 * the time of pixels `[i, i + 1)` of the time area.
 */
import type { TimeScale } from './scale';
import { firstMarkerAtOrAfter } from './layout';
import { firstSpanEndingAfter, type Lane } from './spans';

export interface ActivityColumns {
  /** Environments placing, initialising or invoking in each column. */
  readonly busy: Float64Array;
  /** The part of `busy` placing or initialising (cold starts under way). */
  readonly initializing: Float64Array;
  /** Largest value of `busy`. */
  readonly max: number;
}

/**
 * Counts, per column, the lanes among the first `laneCount` that were busy at some time within
 * the column, up to the playhead. A lane counts once per column however many of its spans
 * touch it, so a column's value is at least the maximum of environments busy at once within
 * it, and at most the number of lanes.
 */
export function activityColumns(lanes: readonly Lane[], laneCount: number, scale: TimeScale, playheadMs: number): ActivityColumns {
  const columns = Math.max(1, Math.ceil(scale.widthPx));
  const busyDiff = new Float64Array(columns + 1);
  const initDiff = new Float64Array(columns + 1);
  const viewEnd = Math.min(scale.endMs, playheadMs);

  for (let l = 0; l < laneCount; l++) {
    const spans = lanes[l]!.spans;
    // Columns before these are counted for this lane already: a lane counts once per column.
    let busyFrom = 0;
    let initFrom = 0;
    for (let i = firstSpanEndingAfter(spans, scale.startMs); i < spans.length; i++) {
      const span = spans[i]!;
      if (span.startMs > viewEnd) break;
      if (span.kind === 'frozen' || span.kind === 'reset') continue;
      const end = span.endMs === undefined ? playheadMs : Math.min(span.endMs, playheadMs);
      const first = clampColumn(Math.floor(scale.timeToX(span.startMs)), columns - 1);
      const stop = Math.max(clampColumn(Math.ceil(scale.timeToX(end)), columns), first + 1);
      busyFrom = addRange(busyDiff, Math.max(first, busyFrom), stop, busyFrom);
      if (span.kind !== 'invoke') initFrom = addRange(initDiff, Math.max(first, initFrom), stop, initFrom);
    }
  }

  const busy = new Float64Array(columns);
  const initializing = new Float64Array(columns);
  let runningBusy = 0;
  let runningInit = 0;
  let max = 0;
  for (let i = 0; i < columns; i++) {
    runningBusy += busyDiff[i]!;
    runningInit += initDiff[i]!;
    busy[i] = runningBusy;
    initializing[i] = runningInit;
    if (runningBusy > max) max = runningBusy;
  }
  return { busy, initializing, max };
}

export interface MarkerColumns {
  /** Markers per column. */
  readonly counts: Uint32Array;
  /** Markers in view, up to the playhead. */
  readonly total: number;
  /** Largest value of `counts`. */
  readonly max: number;
}

/** Counts the markers (sorted by time) in each column of the view, up to the playhead. */
export function markerColumns(markers: readonly { readonly timeMs: number }[], scale: TimeScale, playheadMs: number): MarkerColumns {
  const columns = Math.max(1, Math.ceil(scale.widthPx));
  const counts = new Uint32Array(columns);
  const viewEnd = Math.min(scale.endMs, playheadMs);
  let total = 0;
  let max = 0;
  for (let i = firstMarkerAtOrAfter(markers, scale.startMs); i < markers.length; i++) {
    const timeMs = markers[i]!.timeMs;
    if (timeMs > viewEnd) break;
    const column = Math.min(columns - 1, Math.floor(scale.timeToX(timeMs)));
    const count = ++counts[column]!;
    if (count > max) max = count;
    total++;
  }
  return { counts, total, max };
}

/** Adds 1 to the columns `[first, stop)` of a difference array; returns the new end of what is counted. */
function addRange(diff: Float64Array, first: number, stop: number, countedTo: number): number {
  if (stop <= first) return countedTo;
  diff[first]! += 1;
  diff[stop]! -= 1;
  return stop;
}

function clampColumn(column: number, columns: number): number {
  return Math.min(columns, Math.max(0, column));
}
