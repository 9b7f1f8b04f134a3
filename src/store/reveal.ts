/**
 * Brings one invocation into view on the timeline. The run slice's fitted view spans the
 * whole run, often minutes, where INIT and INVOKE segments of a few ms are thinner than a pixel.
 */
import type { StoreApi } from 'zustand';
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

/**
 * Stops following the playhead and sets the timeline's view around request `requestId`.
 * Returns false, leaving the view as it is, when the run has no such request.
 */
export function revealRequest(store: Pick<StoreApi<AppState>, 'getState' | 'setState'>, requestId: string): boolean {
  const state = store.getState();
  const record = findInvocation(selectTrace(state), requestId);
  if (!record) return false;
  store.setState({ follow: false, view: revealView(record, state.view, state.playheadMs) });
  return true;
}
