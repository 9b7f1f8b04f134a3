import { useAppStore } from '../store';
import { selectRunStatus } from '../store/run-view';
import { applyRunShortcut } from '../store/run-shortcuts';
import { selectRunNotice } from '../store/run-slice';
import { PlaybackControls } from './PlaybackControls';
import { TimelineCanvas } from './TimelineCanvas';
import { TimelineLegend } from './TimelineLegend';

/**
 * The live run: playback controls, the canvas, and the legend. Its root carries
 * `data-run-status` (`idle`, `playing`, `paused` or `executing`), which browser tests wait on.
 */
export function Timeline() {
  const runStatus = useAppStore(selectRunStatus);
  const runNotice = useAppStore(selectRunNotice);
  const dismissRunNotice = useAppStore((state) => state.dismissRunNotice);

  // Keys pressed on the focused timeline itself; the controls inside keep their own keys.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    if (applyRunShortcut(event.key, useAppStore.getState())) event.preventDefault();
  };

  return (
    <div
      className="flex h-full min-h-0 flex-col gap-2 outline-none"
      data-testid="timeline"
      data-run-status={runStatus}
      tabIndex={0}
      aria-label="Timeline"
      onKeyDown={onKeyDown}
    >
      <PlaybackControls />
      {runNotice && (
        <div
          role="status"
          data-testid="run-notice"
          className="flex items-start gap-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-900"
        >
          <p className="min-w-0 flex-1">{runNotice}</p>
          <button
            type="button"
            className="rounded px-2 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-100"
            onClick={dismissRunNotice}
          >
            Dismiss
          </button>
        </div>
      )}
      {/* Room for about nine lanes; on a shorter window the page scrolls rather than squeeze them. */}
      <div className="min-h-[300px] flex-1 overflow-hidden rounded-md border border-slate-200">
        <TimelineCanvas />
      </div>
      <TimelineLegend />
    </div>
  );
}
