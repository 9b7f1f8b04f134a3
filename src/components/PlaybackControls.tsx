import { useAppStore } from '../store';
import {
  selectFollow,
  selectPlayheadMs,
  selectPlaying,
  selectSkipping,
  selectSpeed,
  ZOOM_STEP,
} from '../store/run-slice';
import type { RunSlice } from '../store/run-slice';
import { formatPlayhead } from '../timeline/format';

const FALLBACK_SPEEDS: readonly number[] = [1];
const selectSpeeds = (state: RunSlice) => state.driver?.playback.speeds ?? FALLBACK_SPEEDS;
const selectCanReplay = (state: RunSlice) => (state.snapshot?.sent.length ?? 0) > 0 || (state.runScenario?.traffic.length ?? 0) > 0;

const buttonClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50';

function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** Play, pause, step, speed, the playhead's time, and the view's zoom and follow controls. */
export function PlaybackControls() {
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const speeds = useAppStore(selectSpeeds);
  const playheadMs = useAppStore(selectPlayheadMs);
  const skipping = useAppStore(selectSkipping);
  const follow = useAppStore(selectFollow);
  const canReplay = useAppStore(selectCanReplay);
  const actions = useAppStore.getState();

  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Playback">
      <button
        type="button"
        className={`${buttonClass} w-24 whitespace-nowrap font-semibold`}
        aria-pressed={playing}
        title="Play or pause (Space)"
        onClick={() => actions.togglePlay()}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" className={buttonClass} title="Step to the next event (→ or .)" onClick={() => actions.stepToNextEvent()}>
        Step ▸|
      </button>
      <label className="flex items-center gap-1 text-xs text-slate-600">
        Speed
        <select
          className="h-8 rounded-md border border-slate-300 bg-white px-1 text-xs tabular-nums text-slate-800"
          value={speed}
          aria-label="Playback speed"
          onChange={(event) => actions.setSpeed(Number(event.target.value))}
        >
          {speeds.map((option) => (
            <option key={option} value={option}>
              {formatSpeed(option)}
            </option>
          ))}
        </select>
      </label>
      <output
        aria-label="Playhead time"
        data-testid="playhead-time"
        className="min-w-[7.5rem] rounded-md bg-slate-100 px-2 py-1 font-mono text-xs tabular-nums text-slate-800"
      >
        {formatPlayhead(playheadMs)}
      </output>
      <span
        role="status"
        aria-live="polite"
        title="While nothing runs, one simulated minute passes per second"
        className={`text-xs font-medium text-sky-700 transition-opacity ${skipping ? 'opacity-100' : 'opacity-0'}`}
      >
        {skipping ? '» Skipping idle time' : ''}
      </span>

      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          className={buttonClass}
          disabled={!canReplay}
          title="Run the scenario again from the start, with the requests sent so far"
          onClick={() => actions.replay()}
        >
          Replay
        </button>
        <button type="button" className={buttonClass} title="Clear the run" onClick={() => actions.reset()}>
          Clear
        </button>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
        <button
          type="button"
          className={`${buttonClass} ${follow ? 'border-sky-400 bg-sky-50 text-sky-800' : ''}`}
          aria-pressed={follow}
          title="Keep the playhead in view (F)"
          onClick={() => actions.setFollow(!follow)}
        >
          Follow
        </button>
        <button type="button" className={`${buttonClass} w-8 px-0`} aria-label="Zoom out" title="Zoom out (−)" onClick={() => actions.zoomBy(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" className={`${buttonClass} w-8 px-0`} aria-label="Zoom in" title="Zoom in (+)" onClick={() => actions.zoomBy(ZOOM_STEP)}>
          +
        </button>
        <button type="button" className={buttonClass} title="Fit the whole run (0)" onClick={() => actions.fitView()}>
          Fit
        </button>
      </div>
    </div>
  );
}
