/**
 * The timeline's keyboard shortcuts: the list a help dialog shows, and the function that
 * applies a key press to the run slice. The page's key handler calls `applyRunShortcut` for
 * keys pressed outside text fields.
 */
import type { RunSlice } from './run-slice';
import { ZOOM_STEP } from './run-slice';

export interface RunShortcut {
  /** The keys as a help dialog shows them. */
  readonly keys: string;
  readonly action: string;
}

export const RUN_SHORTCUTS: readonly RunShortcut[] = [
  { keys: 'Space', action: 'Play or pause the timeline' },
  { keys: '→ or .', action: 'Step to the next event' },
  { keys: '+ / −', action: 'Zoom the timeline in or out' },
  { keys: '0', action: 'Fit the whole run in the timeline' },
  { keys: 'F', action: 'Follow the playhead' },
  { keys: 'Ctrl or ⌘ + wheel', action: 'Zoom the timeline about the pointer' },
  { keys: 'Drag or wheel', action: 'Pan the timeline' },
];

/**
 * Applies the shortcut for `key` (a `KeyboardEvent.key` value) and returns whether there was
 * one, so the caller can prevent the key's default action.
 */
export function applyRunShortcut(key: string, state: RunSlice): boolean {
  switch (key) {
    case ' ':
      state.togglePlay();
      return true;
    case 'ArrowRight':
    case '.':
      state.stepToNextEvent();
      return true;
    case '+':
    case '=':
      state.zoomBy(ZOOM_STEP);
      return true;
    case '-':
    case '_':
      state.zoomBy(1 / ZOOM_STEP);
      return true;
    case '0':
      state.fitView();
      return true;
    case 'f':
    case 'F':
      state.setFollow(!state.follow);
      return true;
    default:
      return false;
  }
}
