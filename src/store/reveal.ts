/**
 * Brings one invocation into view on the timeline. The run slice's fitted view spans the
 * whole run, often minutes, where INIT and INVOKE segments of a few ms are thinner than a pixel.
 */
import type { StoreApi } from 'zustand';
import { computeLayout, laneTop } from '../timeline/layout';
import { TimeScale } from '../timeline/scale';
import type { AppState } from './index';
import { findInvocation, type InvocationRecord } from './invocations';
import { selectTrace } from './run-view';

/** How many times the invocation's length the revealed window spans. */
export const REVEAL_SPAN_FACTOR = 4;
/** The narrowest revealed window, in ms. */
export const REVEAL_MIN_SPAN_MS = 1_000;

/**
 * Returns a view of the same width centred on the invocation, from the request's arrival (so a
 * cold start's INIT shows) to its end, or to `nowMs` while it runs.
 */
export function revealView(record: InvocationRecord, view: TimeScale, nowMs: number): TimeScale {
  const startMs = record.receivedAt;
  const endMs = Math.max(startMs, record.endedAt ?? nowMs);
  const spanMs = Math.max((endMs - startMs) * REVEAL_SPAN_FACTOR, REVEAL_MIN_SPAN_MS);
  const middleMs = (startMs + endMs) / 2;
  return TimeScale.fromRange(middleMs - spanMs / 2, middleMs + spanMs / 2, view.widthPx);
}

/** The content height, in CSS pixels, that the timeline surely shows below its scroll position: an estimate of its smallest size. */
const SURELY_SHOWN_PX = 160;
/** Lanes left above the revealed lane, so its neighbours show too. */
const LANES_ABOVE = 2;

/**
 * Returns the timeline's vertical scroll position that shows the request's lane (or its
 * function's rows when it has no environment): `scrollY` when the lane already shows near the
 * top, else a position with the lane near the top. The canvas keeps it within the content.
 */
export function revealScrollY(state: AppState, record: InvocationRecord): number {
  const layout = computeLayout(state.timeline, state.playheadMs, { collapsed: state.collapsedFunctions });
  const row = layout.rows.find((candidate) => candidate.group.functionName === record.functionName);
  if (!row) return state.timelineScrollY;
  const index = record.envId === undefined ? -1 : row.group.lanes.findIndex((lane) => lane.envId === record.envId);
  const laneShown = !row.collapsed && index >= 0 && index < row.laneCount;
  const top = laneShown ? laneTop(layout, row, index) : row.top;
  const bottom = top + (laneShown ? layout.metrics.laneHeight : layout.metrics.headerHeight);
  const scrollY = state.timelineScrollY;
  if (top >= scrollY && bottom <= scrollY + SURELY_SHOWN_PX) return scrollY;
  return Math.max(0, top - (laneShown ? LANES_ABOVE * layout.metrics.laneHeight : 0));
}

/**
 * Stops following the playhead and sets the timeline's view around request `requestId`, and
 * scrolls its lane into view. Returns false, leaving the view as it is, when the run has no
 * such request.
 */
export function revealRequest(store: Pick<StoreApi<AppState>, 'getState' | 'setState'>, requestId: string): boolean {
  const state = store.getState();
  const record = findInvocation(selectTrace(state), requestId);
  if (!record) return false;
  store.setState({
    follow: false,
    view: revealView(record, state.view, state.playheadMs),
    timelineScrollY: revealScrollY(state, record),
  });
  return true;
}
