import { afterEach, describe, expect, it, vi } from 'vitest';
import { trafficRequestCount } from '../scenario/traffic';
import * as urlCodec from '../scenario/url-codec';
import { selectEmptyTimelineMessage, WAITING_TRAFFIC_MESSAGE } from './run-slice';
import { readSavedRunText, restoreSavedRun, SAVED_RUN_STORAGE_KEY, saveRunOnChange, type SavedRunStorage } from './saved-run';
import { createCountingStore, playUntilIdle, settle, traceOf, type CountingStore } from './test-support.node';
import { readSavedWorkspace, serializeWorkspace, WORKSPACE_STORAGE_KEY } from './workspace-persistence';

const CODE = 'export const handler = async () => "before";\n';
const loadCodec = async () => urlCodec;

function memoryStorage(): SavedRunStorage & { items: Map<string, string>; writes: number } {
  const items = new Map<string, string>();
  const storage = {
    items,
    writes: 0,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      storage.writes++;
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
  return storage;
}

/** Invokes three times, then sends three requests at once, and plays until the run is idle. */
async function clickedRun(store: CountingStore): Promise<void> {
  store.getState().invoke();
  store.getState().invoke();
  store.getState().invoke();
  await playUntilIdle(store);
  store.getState().sendConcurrent(3);
  await playUntilIdle(store);
}

/** Creates a person's tab: a store whose workspace and run are saved as the app saves them. */
function createTab(storage: ReturnType<typeof memoryStorage>) {
  const tab = createCountingStore();
  const saver = saveRunOnChange(tab.store, storage, loadCodec);
  tab.store.subscribe((state) => storage.items.set(WORKSPACE_STORAGE_KEY, serializeWorkspace(state)));
  return { ...tab, saver };
}

/** Reloads the page: a new store with the saved workspace, and the saved run restored. */
async function reload(storage: ReturnType<typeof memoryStorage>) {
  const text = readSavedRunText(storage);
  const tab = createTab(storage);
  const workspace = readSavedWorkspace(storage);
  if (workspace) tab.store.getState().loadWorkspace(workspace);
  const restored = text === undefined ? false : await restoreSavedRun(tab.store, text, loadCodec);
  await settle();
  return { ...tab, restored };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saved run', () => {
  it('is saved with the requests sent', async () => {
    const storage = memoryStorage();
    const { store } = createTab(storage);
    store.getState().setCode(CODE);
    await clickedRun(store);
    await settle();

    const saved = JSON.parse(storage.items.get(SAVED_RUN_STORAGE_KEY)!) as { run: string };
    const decoded = urlCodec.decodeScenarioLink(saved.run);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.scenario.traffic.map(trafficRequestCount)).toEqual([1, 1, 1, 3]);
    expect(decoded.scenario.functions[0]!.code).toBe(CODE);
  });

  it('is not written for trace events', async () => {
    const storage = memoryStorage();
    const { store } = createTab(storage);
    store.getState().invoke();
    await playUntilIdle(store);
    const writes = storage.writes;

    store.getState().sendConcurrent(2);
    await playUntilIdle(store);
    expect(storage.writes).toBe(writes + 1);
    expect(traceOf(store).length).toBeGreaterThan(10);
  });

  it('is removed when the run is cleared', async () => {
    const storage = memoryStorage();
    const { store } = createTab(storage);
    store.getState().invoke();
    await playUntilIdle(store);
    expect(storage.items.has(SAVED_RUN_STORAGE_KEY)).toBe(true);

    store.getState().reset();
    await settle();
    expect(storage.items.has(SAVED_RUN_STORAGE_KEY)).toBe(false);
  });

  it('skips a run not made from the workspace', async () => {
    const storage = memoryStorage();
    const { store } = createTab(storage);
    const scenario = store.getState().scenario;
    const runScenario = { ...scenario, traffic: [{ at: 0, function: scenario.functions[0]!.name, type: 'sync' as const, count: 1, event: {} }] };
    // As the test hook starts a run: from a scenario document, not from the workspace.
    store.setState({ runScenario, runSource: undefined });
    store.getState().driver!.session.load(runScenario);
    await settle();
    expect(storage.items.has(SAVED_RUN_STORAGE_KEY)).toBe(false);
  });

  it('tolerates a full storage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const { store } = createTab(storage);
    store.getState().invoke();
    store.getState().invoke();
    await playUntilIdle(store);
    expect(store.getState().snapshot?.sent).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('restored run', () => {
  it('waits for Play without running code', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    before.store.getState().setCode(CODE);
    await clickedRun(before.store);
    await settle();

    const after = await reload(storage);
    const state = after.store.getState();
    expect(after.restored).toBe(true);
    expect(state.code).toBe(CODE);
    expect(state.linkNotice).toEqual({ kind: 'run-restored', workspaceChanged: false });
    expect(state.playing).toBe(false);
    expect(state.runScenario?.traffic).toHaveLength(4);
    expect(selectEmptyTimelineMessage(state)).toBe(WAITING_TRAFFIC_MESSAGE);
    expect(traceOf(after.store)).toEqual([]);
    expect(after.counts).toEqual({ init: 0, invoke: 0 });
  });

  it('plays the same trace', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    await clickedRun(before.store);
    await settle();

    const after = await reload(storage);
    after.store.getState().play();
    await playUntilIdle(after.store);
    expect(after.counts.invoke).toBe(6);
    expect(JSON.stringify(traceOf(after.store))).toBe(JSON.stringify(traceOf(before.store)));
  });

  it('replays the same trace', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    await clickedRun(before.store);
    await settle();

    const after = await reload(storage);
    after.store.getState().replay();
    await playUntilIdle(after.store);
    expect(JSON.stringify(traceOf(after.store))).toBe(JSON.stringify(traceOf(before.store)));
  });

  it('survives a second reload', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    await clickedRun(before.store);
    await settle();

    await reload(storage);
    const again = await reload(storage);
    expect(again.restored).toBe(true);
    expect(again.store.getState().runScenario?.traffic).toHaveLength(4);
    expect(again.store.getState().linkNotice).toEqual({ kind: 'run-restored', workspaceChanged: false });
  });

  it('sends its requests to changed code', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    before.store.getState().setCode(CODE);
    await clickedRun(before.store);
    const changed = 'export const handler = async () => "after";\n';
    before.store.getState().setCode(changed);
    await settle();

    const after = await reload(storage);
    const state = after.store.getState();
    expect(state.code).toBe(changed);
    expect(state.linkNotice).toEqual({ kind: 'run-restored', workspaceChanged: true });
    expect(state.runScenario?.functions[0]!.code).toBe(changed);
    expect(state.runScenario?.traffic).toHaveLength(4);
    expect(after.counts).toEqual({ init: 0, invoke: 0 });
  });

  it('yields to a run started first', async () => {
    const storage = memoryStorage();
    const before = createTab(storage);
    await clickedRun(before.store);
    await settle();

    const text = readSavedRunText(storage)!;
    const tab = createCountingStore();
    tab.store.getState().invoke();
    expect(await restoreSavedRun(tab.store, text, loadCodec)).toBe(false);
    expect(tab.store.getState().linkNotice).toBeUndefined();
  });

  it('ignores unreadable text', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { store } = createCountingStore();
    expect(await restoreSavedRun(store, 'not json', loadCodec)).toBe(false);
    expect(await restoreSavedRun(store, JSON.stringify({ formatVersion: 1, run: 's=1.4.abcd' }), loadCodec)).toBe(false);
    expect(store.getState().runScenario).toBeUndefined();
    expect(store.getState().linkNotice).toBeUndefined();
  });
});
