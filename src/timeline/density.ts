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
 * the column, up to the playhead. A span that touches a column counts in all of it, so a
 * column's value is the most environments busy at once within it, or a little more.
 */
export function activityColumns(lanes: readonly Lane[], laneCount: number, scale: TimeScale, playheadMs: number): ActivityColumns {
  const columns = Math.max(1, Math.ceil(scale.widthPx));
  const busyDiff = new Float64Array(columns + 1);
  const initDiff = new Float64Array(columns + 1);
  const viewEnd = Math.min(scale.endMs, playheadMs);

  for (let l = 0; l < laneCount; l++) {
    const spans = lanes[l]!.spans;
    for (let i = firstSpanEndingAfter(spans, scale.startMs); i < spans.length; i++) {
      const span = spans[i]!;
      if (span.startMs > viewEnd) break;
      if (span.kind === 'frozen' || span.kind === 'reset') continue;
      const end = span.endMs === undefined ? playheadMs : Math.min(span.endMs, playheadMs);
      const first = clampColumn(Math.floor(scale.timeToX(span.startMs)), columns - 1);
      const last = clampColumn(Math.ceil(scale.timeToX(end)), columns);
      const stop = Math.max(last, first + 1);
      busyDiff[first]! += 1;
      busyDiff[stop]! -= 1;
      if (span.kind !== 'invoke') {
        initDiff[first]! += 1;
        initDiff[stop]! -= 1;
      }
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

function clampColumn(column: number, columns: number): number {
  return Math.min(columns, Math.max(0, column));
}
