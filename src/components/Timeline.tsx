import { useAppStore } from '../store';
import { selectRunStatus } from '../store/run-view';
import { applyRunShortcut } from '../store/run-shortcuts';
import { PlaybackControls } from './PlaybackControls';
import { TimelineCanvas } from './TimelineCanvas';
import { TimelineLegend } from './TimelineLegend';

/**
 * The live run: playback controls, the canvas, and the legend. Its root carries
 * `data-run-status` (`idle`, `playing`, `paused` or `executing`), which browser tests wait on.
 */
export function Timeline() {
  const runStatus = useAppStore(selectRunStatus);

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
      {/* Room for about nine lanes; on a shorter window the page scrolls rather than squeeze them. */}
      <div className="min-h-[300px] flex-1 overflow-hidden rounded-md border border-slate-200">
        <TimelineCanvas />
      </div>
      <TimelineLegend />
    </div>
  );
}
