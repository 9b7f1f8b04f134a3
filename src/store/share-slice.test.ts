import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/url-codec';
import { parseScenarioText } from '../scenario/validate';
import { readPreviousWorkspace, savePreviousWorkspaceOnChange, type PreviousWorkspaceStorage } from './previous-workspace';
import { selectEmptyTimelineMessage, WAITING_TRAFFIC_MESSAGE } from './run-slice';
import { shareLinkOf } from './share-model';
import { createCountingStore, playFrames, playUntilIdle, settle, traceOf, type CountingStore } from './test-support.node';
import { documentOf } from './workspace-slice';

const PAGE_URL = 'http://127.0.0.1:5173/';
const SHARED_CODE = 'export const handler = async () => "shared";\n';

function linkOf(store: CountingStore): string {
  const link = shareLinkOf(store.getState(), PAGE_URL);
  if (!link.ok) throw new Error(link.message);
  return link.url;
}

const hashOf = (url: string) => url.slice(url.indexOf('#'));

/** Opens `url` as the page does: decodes its fragment and hands the result to the store. */
const openLink = (store: CountingStore, url: string) => store.getState().openScenarioLink(decodeScenarioLink(hashOf(url)));

/** Plays a run a person clicked through: two invokes, then three requests at once a little later. */
async function clickedRun(store: CountingStore): Promise<void> {
  store.getState().setCode(SHARED_CODE);
  store.getState().invoke();
  store.getState().invoke();
  await playFrames(store, 40);
  store.getState().sendConcurrent(3);
  await playUntilIdle(store);
}

function memoryStorage(): PreviousWorkspaceStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('sharing a link', () => {
  let sharer: ReturnType<typeof createCountingStore>;
  let receiver: ReturnType<typeof createCountingStore>;
  beforeEach(() => {
    sharer = createCountingStore();
    receiver = createCountingStore();
  });

  it('links the default workspace in few characters', () => {
    const url = linkOf(sharer.store);
    expect(url.startsWith(`${PAGE_URL}#s=1.`)).toBe(true);
    // About 720 characters with the example handler.
    expect(url.length).toBeLessThan(1000);
  });

  it('replaces the fragment of the page address', () => {
    const link = shareLinkOf(sharer.store.getState(), `${PAGE_URL}#s=1.4.abcd`);
    expect(link.ok).toBe(true);
    if (link.ok) expect(link.url.indexOf('#')).toBe(PAGE_URL.length);
  });

  it('carries the requests a person sent', async () => {
    await clickedRun(sharer.store);
    const link = shareLinkOf(sharer.store.getState(), PAGE_URL);
    expect(link).toMatchObject({ ok: true, functionCount: 1, requestCount: 5 });
  });

  it('opens the code without running it', async () => {
    await clickedRun(sharer.store);
    expect(openLink(receiver.store, linkOf(sharer.store))).toBe(true);

    const state = receiver.store.getState();
    expect(state.code).toBe(SHARED_CODE);
    expect(state.linkNotice).toEqual({ kind: 'opened', scenarioName: undefined, notKept: [] });
    expect(state.runScenario?.traffic).toHaveLength(3);
    expect(state.playing).toBe(false);
    expect(selectEmptyTimelineMessage(state)).toBe(WAITING_TRAFFIC_MESSAGE);
    await settle();
    expect(traceOf(receiver.store)).toEqual([]);
    expect(receiver.counts).toEqual({ init: 0, invoke: 0 });
  });

  it('plays the sharer\'s trace on Play', async () => {
    await clickedRun(sharer.store);
    openLink(receiver.store, linkOf(sharer.store));

    receiver.store.getState().play();
    await playUntilIdle(receiver.store);
    expect(receiver.counts.invoke).toBe(5);
    expect(JSON.stringify(traceOf(receiver.store))).toBe(JSON.stringify(traceOf(sharer.store)));
  });

  it('replays the same trace after opening', async () => {
    await clickedRun(sharer.store);
    openLink(receiver.store, linkOf(sharer.store));

    receiver.store.getState().replay();
    await playUntilIdle(receiver.store);
    expect(JSON.stringify(traceOf(receiver.store))).toBe(JSON.stringify(traceOf(sharer.store)));
  });

  it('shares the opened run again unchanged', async () => {
    await clickedRun(sharer.store);
    const url = linkOf(sharer.store);
    openLink(receiver.store, url);
    expect(linkOf(receiver.store)).toBe(url);
  });

  it('shares changed code with the run\'s requests', async () => {
    await clickedRun(sharer.store);
    const changed = 'export const handler = async () => "changed";\n';
    sharer.store.getState().setCode(changed);

    openLink(receiver.store, linkOf(sharer.store));
    expect(receiver.store.getState().code).toBe(changed);
    expect(receiver.store.getState().runScenario?.traffic).toHaveLength(3);
  });

  it('explains requests that no longer fit', async () => {
    await clickedRun(sharer.store);
    sharer.store.getState().setSettingsField('name', 'renamed');
    const link = shareLinkOf(sharer.store.getState(), PAGE_URL);
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.message).toContain('traffic[0].function:');
    expect(link.message).toContain('press Clear');
  });

  it('keeps the seed and start time of an example', () => {
    const text = readFileSync(new URL('../../examples/async-retries.json', import.meta.url), 'utf8');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('examples/async-retries.json is invalid');
    const encoded = encodeScenarioLink(parsed.scenario);
    if (!encoded.ok) throw new Error(encoded.message);

    receiver.store.getState().openScenarioLink(decodeScenarioLink(`#${encoded.fragment}`));
    const state = receiver.store.getState();
    expect(state.scenario.seed).toBe(11);
    expect(state.scenario.startTime).toBe(parsed.scenario.startTime);
    expect(state.scenario.name).toBe(parsed.scenario.name);
    expect(state.linkNotice).toMatchObject({ kind: 'opened', scenarioName: parsed.scenario.name, notKept: [] });
  });
});

describe('broken links', () => {
  it.each([
    ['truncated', (hash: string) => hash.slice(0, -20)],
    ['corrupt', (hash: string) => hash.slice(0, -20) + (hash.at(-20) === 'A' ? 'w' : 'A') + hash.slice(-19)],
    ['newer-version', (hash: string) => hash.replace('#s=1.', '#s=7.')],
  ])('%s link keeps the workspace', (problem, breakLink) => {
    const sharer = createCountingStore();
    sharer.store.getState().setCode(SHARED_CODE);
    const { store } = createCountingStore();
    store.getState().setCode('// my own work\n');
    const before = store.getState();

    expect(store.getState().openScenarioLink(decodeScenarioLink(breakLink(hashOf(linkOf(sharer.store)))))).toBe(false);
    const after = store.getState();
    expect(after.linkNotice).toMatchObject({ kind: 'failed', problem });
    expect(documentOf(after)).toEqual(documentOf(before));
    expect(after.scenario).toBe(before.scenario);
    expect(after.previousWorkspace).toBeUndefined();
  });
});

describe('previous workspace', () => {
  it('is kept and restored', () => {
    const sharer = createCountingStore();
    sharer.store.getState().setCode(SHARED_CODE);
    const { store } = createCountingStore();
    store.getState().setCode('// my own work\n');
    const own = documentOf(store.getState());

    openLink(store, linkOf(sharer.store));
    expect(store.getState().code).toBe(SHARED_CODE);
    expect(store.getState().previousWorkspace).toEqual(own);

    store.getState().restorePreviousWorkspace();
    expect(store.getState().code).toBe('// my own work\n');
    expect(store.getState().previousWorkspace).toBeUndefined();
    expect(store.getState().linkNotice).toBeUndefined();
    expect(store.getState().runScenario?.traffic).toEqual([]);
  });

  it('is not kept for an untouched workspace', () => {
    const sharer = createCountingStore();
    sharer.store.getState().setCode(SHARED_CODE);
    const { store } = createCountingStore();
    openLink(store, linkOf(sharer.store));
    expect(store.getState().previousWorkspace).toBeUndefined();
  });

  it('stays the first one over two links', () => {
    const first = createCountingStore();
    first.store.getState().setCode('// first link\n');
    const second = createCountingStore();
    second.store.getState().setCode('// second link\n');
    const { store } = createCountingStore();
    store.getState().setCode('// my own work\n');

    openLink(store, linkOf(first.store));
    openLink(store, linkOf(second.store));
    expect(store.getState().code).toBe('// second link\n');
    expect(store.getState().previousWorkspace?.functions[0]!.code).toBe('// my own work\n');
  });

  it('survives a reload through storage', () => {
    const storage = memoryStorage();
    const sharer = createCountingStore();
    sharer.store.getState().setCode(SHARED_CODE);
    const { store } = createCountingStore();
    savePreviousWorkspaceOnChange(store, storage);
    store.getState().setCode('// my own work\n');
    openLink(store, linkOf(sharer.store));

    const reloaded = createCountingStore().store;
    const saved = readPreviousWorkspace(storage);
    expect(saved?.functions[0]!.code).toBe('// my own work\n');
    reloaded.getState().keepPreviousWorkspace(saved!);
    expect(reloaded.getState().linkNotice).toEqual({ kind: 'previous-kept' });

    savePreviousWorkspaceOnChange(reloaded, storage);
    reloaded.getState().restorePreviousWorkspace();
    expect(reloaded.getState().code).toBe('// my own work\n');
    expect(storage.items.size).toBe(0);
  });

  it('is removed from storage when discarded', () => {
    const storage = memoryStorage();
    const { store } = createCountingStore();
    savePreviousWorkspaceOnChange(store, storage);
    store.getState().keepPreviousWorkspace(documentOf(store.getState()));
    expect(storage.items.size).toBe(1);
    store.getState().discardPreviousWorkspace();
    expect(storage.items.size).toBe(0);
  });
});
