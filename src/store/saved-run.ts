/**
 * Saving the current run in the tab's storage (sessionStorage), so that a reload restores it
 * as a run that waits for Play, as a shared link does. The saved run is what a link carries:
 * the run's scenario with the requests the person sent, encoded with the link codec. Beside
 * it is the workspace scenario the run was made from, so that a restore can tell whether the
 * workspace changed since. The codec loads only once a run has requests to save.
 */
import type { Scenario } from '../scenario/schema';
import type { decodeScenarioLink, encodeScenarioLink } from '../scenario/url-codec';
import type { AppState } from './index';
import { withRecordedTraffic } from './run-model';

export const SAVED_RUN_STORAGE_KEY = 'lambda-playground:run';
const FORMAT_VERSION = 1;

export type SavedRunStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The parts of the link codec the saved run uses; the app passes a loader of `scenario/url-codec`. */
export interface RunCodec {
  readonly encodeScenarioLink: typeof encodeScenarioLink;
  readonly decodeScenarioLink: typeof decodeScenarioLink;
}
export type RunCodecLoader = () => Promise<RunCodec>;

type RunState = Pick<AppState, 'runScenario' | 'runSource' | 'runRecorded' | 'snapshot' | 'driver' | 'scenario'>;

interface SubscribableStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

export interface RunSaver {
  /** Writes a change not yet saved at once, e.g. before the page unloads, when the codec has loaded. */
  flush(): void;
  stop(): void;
}

/**
 * Returns the run to save: the run's scenario with the requests sent so far, and the workspace
 * scenario it was made from. Returns undefined when the run has no requests, or was not made
 * from the workspace (a run the test hook started), so there is nothing to restore.
 */
export function runToSave(state: RunState): { run: Scenario; source: Scenario } | undefined {
  if (!state.runScenario || !isScenario(state.runSource)) return undefined;
  // The session's own list: the store's snapshot lags behind it, and still contains the last
  // run's requests right after a run is replaced.
  const sent = state.driver?.session.snapshot().sent ?? state.snapshot?.sent ?? [];
  const run = withRecordedTraffic(state.runScenario, sent);
  if (run.traffic.length === 0) return undefined;
  return { run, source: state.runSource };
}

/** Encodes the run to save as the stored text, or returns undefined when it cannot be encoded. */
export function serializeRun(saved: { run: Scenario; source: Scenario }, codec: RunCodec): string | undefined {
  const run = codec.encodeScenarioLink(saved.run);
  if (!run.ok) return undefined;
  // A source that cannot be encoded matches no workspace, so the restore treats the workspace as changed.
  const source = codec.encodeScenarioLink(saved.source);
  return JSON.stringify({ formatVersion: FORMAT_VERSION, run: run.fragment, ...(source.ok ? { source: source.fragment } : {}) });
}

/**
 * Saves the run whenever its scenario or its requests change, and removes the saved run when
 * the current run has no requests (after Clear, say). Trace events alone cause no write.
 */
export function saveRunOnChange(store: SubscribableStore, storage: SavedRunStorage, loadCodec: RunCodecLoader): RunSaver {
  let codec: RunCodec | undefined;
  let loading = false;
  let dirty = false;
  let warned = false;

  const warnOnce = (message: string, error?: unknown) => {
    if (!warned) console.warn(`run: ${message}`, ...(error === undefined ? [] : [error]));
    warned = true;
  };

  const write = () => {
    if (!dirty) return;
    const saved = runToSave(store.getState());
    if (saved && !codec) {
      load();
      return;
    }
    dirty = false;
    try {
      const text = saved && codec ? serializeRun(saved, codec) : undefined;
      if (saved && text === undefined) warnOnce('the run is not a valid scenario, so a reload will not restore it.');
      if (text === undefined) storage.removeItem(SAVED_RUN_STORAGE_KEY);
      else storage.setItem(SAVED_RUN_STORAGE_KEY, text);
    } catch (error) {
      // A full or disabled storage fails on every request; the run goes on in this page.
      warnOnce('saving the run in the browser failed, so a reload will not restore it.', error);
    }
  };

  const load = () => {
    if (loading) return;
    loading = true;
    loadCodec().then(
      (loaded) => {
        codec = loaded;
        write();
      },
      (error: unknown) => {
        loading = false;
        warnOnce('loading the link code failed, so a reload will not restore the run.', error);
      },
    );
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (!runChanged(state, previous)) return;
    dirty = true;
    // After the current action: `startRun` sets the store before it loads the session.
    queueMicrotask(write);
  });

  return {
    flush: write,
    stop: () => {
      dirty = false;
      unsubscribe();
    },
  };
}

function runChanged(state: RunState, previous: RunState): boolean {
  return (
    state.runScenario !== previous.runScenario ||
    state.runSource !== previous.runSource ||
    state.runRecorded !== previous.runRecorded ||
    !sameItems(state.snapshot?.sent ?? [], previous.snapshot?.sent ?? [])
  );
}

/** Compares two lists item by item: the session copies its list of requests into every snapshot. */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}

function isScenario(value: unknown): value is Scenario {
  return typeof value === 'object' && value !== null && 'functions' in value && 'traffic' in value;
}

/** Reads the saved run's text; undefined when none is saved or the storage cannot be read. */
export function readSavedRunText(storage: Pick<Storage, 'getItem'>): string | undefined {
  try {
    return storage.getItem(SAVED_RUN_STORAGE_KEY) ?? undefined;
  } catch (error) {
    console.warn('run: reading the saved run failed; starting without it.', error);
    return undefined;
  }
}

/**
 * Restores the saved run `text` as a run that waits for Play, unless a run started meanwhile
 * (a link opened, or the person pressed Invoke). Returns whether it restored the run.
 */
export async function restoreSavedRun(store: Pick<SubscribableStore, 'getState'>, text: string, loadCodec: RunCodecLoader): Promise<boolean> {
  const saved = parseSavedRun(text);
  if (!saved) {
    console.warn('run: the saved run has an unknown format; starting without it.');
    return false;
  }
  const codec = await loadCodec();
  const decoded = codec.decodeScenarioLink(saved.run);
  if (!decoded.ok) {
    console.warn(`run: the saved run could not be read; starting without it. ${decoded.message}`);
    return false;
  }

  const state = store.getState();
  if (state.runScenario !== undefined) return false;
  const workspace = codec.encodeScenarioLink(state.scenario);
  const workspaceChanged = !(workspace.ok && workspace.fragment === saved.source);
  state.restoreRun(decoded.scenario, workspaceChanged);
  return true;
}

function parseSavedRun(text: string): { run: string; source: string | undefined } | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof saved !== 'object' || saved === null) return undefined;
  const { formatVersion, run, source } = saved as Record<string, unknown>;
  if (formatVersion !== FORMAT_VERSION || typeof run !== 'string') return undefined;
  return { run, source: typeof source === 'string' ? source : undefined };
}
