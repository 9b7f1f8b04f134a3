/**
 * The live run: the session, the playhead and playback, the trace snapshot, the timeline's
 * model and view, and the selection. Actions stay thin: they call the session or the
 * playback clock (both injected by the app through `attachDriver`) and set the result.
 */
import type { StateCreator } from 'zustand';
import type { PlaybackClock } from '../driver/playback';
import type { PlaygroundSession, SessionSnapshot } from '../driver/session';
import type { Scenario, ScenarioTrafficEntry } from '../scenario/schema';
import { followPlayhead, TimeScale } from '../timeline/scale';
import { TimelineModel } from '../timeline/spans';
import type { AppState } from './index';
import { recordedTraffic, runStatusOf, withRecordedTraffic, withTraffic, type RunStatus } from './run-model';

export type { RunStatus } from './run-model';

/** The driver parts the app injects: the session and the playback clock, which the store may not import. */
export interface RunDriver {
  readonly session: PlaygroundSession;
  readonly playback: PlaybackClock;
}

export interface RunSelection {
  readonly requestId?: string;
  readonly envId?: string;
}

/** The view the timeline opens with: the first two simulated seconds. */
const INITIAL_VIEW_MS = 2000;
const INITIAL_WIDTH_PX = 800;
/** Zoom factor of one zoom step (a key press or a button). */
export const ZOOM_STEP = 1.5;
const DEFAULT_SPEED = 1;
/** How far past the playhead a fitted view reaches, as a multiple of the playhead's time. */
const FIT_END_MARGIN = 1.2;
const CONSOLE_SOURCE = 'console';

/** The notice shown when Invoke or Send finds the workspace changed and starts a fresh run. */
export const FRESH_RUN_NOTICE =
  'The code or settings changed, so a new run started. To repeat the earlier requests with new settings, press Replay right after the change.';

export interface RunSlice {
  readonly driver: RunDriver | undefined;
  /** The session's latest snapshot; undefined until a driver is attached. */
  readonly snapshot: SessionSnapshot | undefined;
  /** Lanes and spans of the trace, updated in place; `timelineVersion` changes with it. */
  readonly timeline: TimelineModel;
  readonly timelineVersion: number;
  /** Simulated time shown by the timeline, in ms. */
  readonly playheadMs: number;
  readonly playing: boolean;
  /** Simulated ms per real ms while something happens. */
  readonly speed: number;
  /** Whether the playback clock is compressing an idle stretch right now. */
  readonly skipping: boolean;
  /** Whether the view pans to keep the moving playhead visible. */
  readonly follow: boolean;
  readonly view: TimeScale;
  /** How far the timeline's rows are scrolled up, in CSS pixels; the canvas keeps it within its content. */
  readonly timelineScrollY: number;
  /** Functions whose lanes the timeline folds into one aggregate row. */
  readonly collapsedFunctions: readonly string[];
  readonly runStatus: RunStatus;
  readonly selection: RunSelection | undefined;
  /** The scenario the current run was loaded from, before any recorded traffic. */
  readonly runScenario: Scenario | undefined;
  /** The workspace scenario the current run was loaded from; a different one starts a fresh run. */
  readonly runSource: unknown;
  /** The requests of earlier runs that a replay put into the current run's traffic, in time order. */
  readonly runRecorded: readonly ScenarioTrafficEntry[];
  /** The reason the last invoke could not be sent, for the page to show. */
  readonly runError: string | undefined;
  /** A short note about the current run for the page to show, such as why a fresh one started. */
  readonly runNotice: string | undefined;

  /** Connects the session and the playback clock; returns a function that disconnects them. */
  attachDriver(driver: RunDriver): () => void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /** Pauses and moves the playhead to the next recorded or scheduled event. */
  stepToNextEvent(): void;
  /**
   * Moves the playhead: backwards anywhere within the processed time, forwards up to the
   * next scheduled event, which advances the simulation there.
   */
  seek(timeMs: number): void;
  /** Sends the test event as a sequential client at the playhead, and plays. */
  invoke(): void;
  /** Sends `count` copies of the test event at the playhead at once, and plays. */
  sendConcurrent(count: number): void;
  select(selection: RunSelection | undefined): void;
  /** Discards the run: the next play or invoke starts a fresh one from the workspace. */
  reset(): void;
  /**
   * Loads `scenario` as the run of the current workspace without playing it, so no handler
   * code runs before the person presses Play. Its traffic counts as recorded, so Replay
   * repeats it.
   */
  loadRun(scenario: Scenario): void;
  /**
   * Starts a fresh run of the current workspace (its code and settings as they are now) from 0
   * with the requests sent so far in its traffic: those of this run and those it replayed.
   */
  replay(): void;
  /** Hides the run notice. */
  dismissRunNotice(): void;
  /** Applies one animation frame of playback; `realElapsedMs` is the real time since the last frame. */
  tick(realElapsedMs: number): void;
  setFollow(follow: boolean): void;
  setViewWidth(widthPx: number): void;
  /** Zooms by `factor` (above 1 zooms in) about pixel `x` of the time area, by default the playhead. */
  zoomBy(factor: number, x?: number): void;
  /** Pans by `dx` pixels and stops following the playhead. */
  panBy(dx: number): void;
  /** Fits the whole run so far into the view. */
  fitView(): void;
  /** Scrolls the timeline's rows to `scrollY` CSS pixels from the top. */
  setTimelineScroll(scrollY: number): void;
  /** Folds a function's lanes into one aggregate row, or unfolds them. */
  toggleFunctionCollapsed(functionName: string): void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => {
  let unsubscribe: (() => void) | undefined;

  /** Copies the session's snapshot into the store and brings the timeline model up to date. */
  const syncSnapshot = () => {
    const state = get();
    const snapshot = state.driver?.session.snapshot();
    if (!snapshot) return;
    state.timeline.update(snapshot.trace.events, snapshot.trace.length);
    set({
      snapshot,
      timelineVersion: state.timeline.version,
      runStatus: runStatusOf(state.playing, snapshot, state.timeline, state.playheadMs),
    });
  };

  /**
   * Sets the run status from the session's current snapshot: the store's copy can lag behind
   * it while a large run simulates, because the session spaces out its notifications.
   */
  const refreshStatus = () => {
    const state = get();
    const snapshot = state.driver?.session.snapshot() ?? state.snapshot;
    set({ runStatus: runStatusOf(state.playing, snapshot, state.timeline, state.playheadMs) });
  };

  /** Loads `scenario` as a fresh run and moves the playhead and view back to the start. */
  const startRun = (scenario: Scenario, source: unknown, recorded: readonly ScenarioTrafficEntry[] = []) => {
    const { driver, view } = get();
    if (!driver) return;
    set({
      runScenario: scenario,
      runSource: source,
      runRecorded: recorded,
      runNotice: undefined,
      playheadMs: 0,
      selection: undefined,
      runError: undefined,
      timelineScrollY: 0,
      view: TimeScale.fromRange(-INITIAL_VIEW_MS * 0.02, INITIAL_VIEW_MS * 0.98, view.widthPx),
    });
    driver.session.load(scenario);
  };

  /**
   * Starts a fresh run when none is loaded, the last one failed, or the workspace changed since.
   * The workspace replaces its `scenario` (every function and the account settings) only when
   * its value changes, so its identity serves as the revision.
   */
  const ensureCurrentRun = () => {
    const state = get();
    const snapshot = state.driver?.session.snapshot();
    if (snapshot?.loaded && !snapshot.error && state.runSource === state.scenario) return;
    // A run with requests or events is thrown away by this; say so, since it looks like a reset.
    const replaced = snapshot?.loaded && !snapshot.error && (snapshot.sent.length > 0 || snapshot.trace.length > 0);
    startRun(state.scenario, state.scenario);
    if (replaced) set({ runNotice: FRESH_RUN_NOTICE });
  };

  /**
   * Moves the playhead to `timeMs`, or to the processed time while handler code runs before
   * it. A followed view widens rather than pans while idle time is skipped.
   */
  const movePlayhead = (timeMs: number, skipping = false) => {
    const patch = playheadPatch(timeMs, skipping);
    if (patch) set(patch);
  };

  /** Advances the session to `timeMs` and returns the playhead and view to set, without setting them. */
  const playheadPatch = (timeMs: number, skipping: boolean): Pick<RunSlice, 'playheadMs' | 'view'> | undefined => {
    const { driver, follow, view } = get();
    if (!driver) return undefined;
    void driver.session.advanceTo(timeMs);
    const after = driver.session.snapshot();
    const playheadMs = after.executing ? Math.min(timeMs, after.now) : timeMs;
    return { playheadMs, view: follow ? followPlayhead(view, playheadMs, skipping) : view };
  };

  const sendWith = (send: (session: PlaygroundSession, functionName: string, event: unknown) => void) => {
    const state = get();
    if (!state.driver) return;
    if (!state.eventParse.ok) {
      set({ runError: state.eventParse.message });
      return;
    }
    const event = state.eventParse.event;
    ensureCurrentRun();
    try {
      send(state.driver.session, state.functionSpec.name, event);
      set({ runError: undefined });
    } catch (error) {
      set({ runError: `The request could not be sent: ${(error as Error).message}` });
      return;
    }
    get().play();
  };

  return {
    driver: undefined,
    snapshot: undefined,
    timeline: new TimelineModel(),
    timelineVersion: 0,
    playheadMs: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    skipping: false,
    follow: true,
    view: TimeScale.fromRange(-INITIAL_VIEW_MS * 0.02, INITIAL_VIEW_MS * 0.98, INITIAL_WIDTH_PX),
    timelineScrollY: 0,
    collapsedFunctions: [],
    runStatus: 'idle',
    selection: undefined,
    runScenario: undefined,
    runSource: undefined,
    runRecorded: [],
    runError: undefined,
    runNotice: undefined,

    attachDriver: (driver) => {
      unsubscribe?.();
      set({ driver, timeline: new TimelineModel() });
      unsubscribe = driver.session.subscribe(syncSnapshot);
      syncSnapshot();
      return () => {
        unsubscribe?.();
        unsubscribe = undefined;
        set({ driver: undefined });
      };
    },

    play: () => {
      if (!get().driver) return;
      ensureCurrentRun();
      set({ playing: true });
      refreshStatus();
    },

    pause: () => {
      set({ playing: false, skipping: false });
      refreshStatus();
    },

    togglePlay: () => (get().playing ? get().pause() : get().play()),

    setSpeed: (speed) => {
      const { driver } = get();
      set({ speed: driver ? driver.playback.nearestSpeed(speed) : speed });
    },

    stepToNextEvent: () => {
      const { driver, timeline, playheadMs } = get();
      if (!driver) return;
      ensureCurrentRun();
      set({ playing: false, skipping: false });
      const snapshot = driver.session.snapshot();
      const target = driver.playback.nextStepTarget(timeline.nextEventAfter(playheadMs), snapshot.nextEventTime);
      if (target !== undefined) movePlayhead(target);
      refreshStatus();
    },

    seek: (timeMs) => {
      const { driver } = get();
      if (!driver) return;
      const snapshot = driver.session.snapshot();
      const limit = Math.max(snapshot.now, snapshot.nextEventTime ?? snapshot.now);
      const target = Math.min(Math.max(0, timeMs), limit);
      if (target <= snapshot.now) set({ playheadMs: target });
      else movePlayhead(target);
      refreshStatus();
    },

    invoke: () =>
      sendWith((session, functionName, event) =>
        session.submitSequential(functionName, event, get().playheadMs, CONSOLE_SOURCE),
      ),

    sendConcurrent: (count) =>
      sendWith((session, functionName, event) => {
        const at = get().playheadMs;
        for (let i = 0; i < count; i++) session.submit(functionName, event, at, CONSOLE_SOURCE);
      }),

    select: (selection) => set({ selection }),

    reset: () => {
      const { driver } = get();
      set({ playing: false, skipping: false, runSource: undefined });
      if (driver) startRun(get().scenario, undefined);
      refreshStatus();
    },

    loadRun: (scenario) => {
      set({ playing: false, skipping: false });
      startRun(scenario, get().scenario, scenario.traffic);
      refreshStatus();
    },

    replay: () => {
      const { driver, runScenario, runRecorded, scenario } = get();
      if (!driver || !runScenario) return;
      const sent = driver.session.snapshot().sent;
      const recorded = [...runRecorded, ...recordedTraffic(sent)].sort((a, b) => a.at - b.at);
      startRun(withTraffic(scenario, recorded), scenario, recorded);
      get().play();
    },

    dismissRunNotice: () => set({ runNotice: undefined }),

    tick: (realElapsedMs) => {
      const state = get();
      const { driver } = state;
      if (!state.playing || !driver) return;
      const snapshot = driver.session.snapshot();
      const frame = driver.playback.advancePlayback({
        playheadMs: state.playheadMs,
        speed: state.speed,
        realElapsedMs,
        busy: state.timeline.isBusyAt(state.playheadMs),
        nextEventMs: driver.playback.nextStepTarget(state.timeline.nextEventAfter(state.playheadMs), snapshot.nextEventTime),
        processedMs: snapshot.now,
        executing: snapshot.executing,
        wasSkipping: state.skipping,
      });
      if (frame.finished && snapshot.pendingSequential === 0) {
        set({ playing: false, skipping: false });
        // The run is over: show its whole trace even if the session's last notification is pending.
        syncSnapshot();
        refreshStatus();
        return;
      }
      // One `set` per frame: every set runs the selectors of every subscribed view.
      const patch = playheadPatch(frame.playheadMs, frame.skipping);
      const playheadMs = patch?.playheadMs ?? state.playheadMs;
      const current = get();
      const runStatus = runStatusOf(current.playing, driver.session.snapshot(), current.timeline, playheadMs);
      set({ ...patch, skipping: frame.skipping, runStatus });
    },

    setFollow: (follow) => {
      const { view, playheadMs } = get();
      set({ follow, view: follow ? followPlayhead(view, playheadMs) : view });
    },

    setViewWidth: (widthPx) => {
      const { view } = get();
      if (Math.abs(view.widthPx - widthPx) >= 0.5) set({ view: view.withWidth(widthPx) });
    },

    zoomBy: (factor, x) => {
      const { view, playheadMs } = get();
      const anchor = x ?? Math.min(Math.max(view.timeToX(playheadMs), 0), view.widthPx);
      set({ view: view.zoomAt(factor, anchor) });
    },

    panBy: (dx) => set({ view: get().view.panBy(dx), follow: false }),

    fitView: () => {
      const { view, playheadMs } = get();
      // Room right of the playhead keeps the labels at the ends of lanes readable.
      set({ view: view.fit(0, Math.max(playheadMs, 1) * FIT_END_MARGIN) });
    },

    setTimelineScroll: (scrollY) => {
      const next = Math.max(0, scrollY);
      if (next !== get().timelineScrollY) set({ timelineScrollY: next });
    },

    toggleFunctionCollapsed: (functionName) => {
      const collapsed = get().collapsedFunctions;
      set({
        collapsedFunctions: collapsed.includes(functionName)
          ? collapsed.filter((name) => name !== functionName)
          : [...collapsed, functionName],
      });
    },
  };
};

// Named selectors.

export const selectPlayheadMs = (state: RunSlice) => state.playheadMs;
export const selectPlaying = (state: RunSlice) => state.playing;
export const selectSpeed = (state: RunSlice) => state.speed;
export const selectSkipping = (state: RunSlice) => state.skipping;
export const selectFollow = (state: RunSlice) => state.follow;
export const selectView = (state: RunSlice) => state.view;
export const selectCollapsedFunctions = (state: RunSlice) => state.collapsedFunctions;
export const selectTimelineVersion = (state: RunSlice) => state.timelineVersion;
export const selectRunError = (state: RunSlice) => state.runError;
export const selectRunNotice = (state: RunSlice) => state.runNotice;
export const selectHasDriver = (state: RunSlice) => state.driver !== undefined;

/** What the empty timeline says when no function has provisioned concurrency. */
export const EMPTY_TIMELINE_MESSAGE = 'Invoke the function to see its execution environments here.';

/** The empty timeline's message when the loaded run has traffic to send, as a run opened from a link has. */
export const WAITING_TRAFFIC_MESSAGE = 'This run has requests to send. Press Play to run them.';

/** Returns whether the loaded run of the workspace has traffic and has not started playing. */
export function waitingTraffic(state: AppState): boolean {
  return !state.playing && state.runSource === state.scenario && (state.runScenario?.traffic.length ?? 0) > 0;
}

/**
 * What the timeline says before it has lanes: with provisioned concurrency, that its
 * environments are being allocated and that requests sent meanwhile wait for them.
 */
export function selectEmptyTimelineMessage(state: AppState): string {
  const scenario = state.scenario;
  const count = scenario.functions.reduce((sum, fn) => sum + fn.provisionedConcurrency, 0);
  if (count === 0) return waitingTraffic(state) ? WAITING_TRAFFIC_MESSAGE : EMPTY_TIMELINE_MESSAGE;
  const readySeconds = Math.round(scenario.settings.provisionedAllocationSeconds);
  const at = `+${Math.floor(readySeconds / 60)}m ${String(readySeconds % 60).padStart(2, '0')}s`;
  const environments = count === 1 ? '1 environment is' : `${count} environments are`;
  return `Provisioned concurrency: ${environments} being allocated (ready at about ${at}). Press Play, or send requests: they wait until then.`;
}

let recordedCache: { scenario: Scenario; sent: unknown; result: Scenario } | undefined;

/**
 * The current run's scenario with the requests sent so far in its traffic, for sharing and
 * replay. Cached on its inputs, so it is safe as a hook selector.
 */
export function selectRecordedScenario(state: Pick<RunSlice, 'runScenario' | 'snapshot'>): Scenario | undefined {
  const scenario = state.runScenario;
  if (!scenario) return undefined;
  const sent = state.snapshot?.sent ?? [];
  if (recordedCache?.scenario !== scenario || recordedCache.sent !== sent) {
    recordedCache = { scenario, sent, result: withRecordedTraffic(scenario, sent) };
  }
  return recordedCache.result;
}
