/**
 * The live run: the session, the playhead and playback, the trace snapshot and the selection.
 * Owned by the timeline and playback work; this is a placeholder to build against.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface RunSlice {
  /** Simulated time shown by the timeline, in ms. */
  readonly playheadMs: number;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = () => ({
  playheadMs: 0,
});
