import { beforeEach, describe, expect, it } from 'vitest';
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { prefixEvents, type TraceEvent } from '../engine/trace';
import { createAppStore } from './create-store';
import { EMPTY_TIMELINE_MESSAGE, FRESH_RUN_NOTICE, selectEmptyTimelineMessage, selectRecordedScenario } from './run-slice';

const FRAME_MS = 16;

function createStore() {
  const store = createAppStore();
  const scripts = { [store.getState().functionSpec.name]: { initMs: 20, invoke: () => ({ durationMs: 120, response: 'ok' }) } };
  const session = createPlaygroundSession({ createExecutor: () => new ScriptedExecutor(scripts) });
  store.getState().attachDriver({ session, playback: playbackClock });
  return store;
}

type Store = ReturnType<typeof createStore>;

/** Lets the scripted executor's promises settle, as the time between animation frames does. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Runs animation frames until playback stops by itself, with a bound on real frames. */
async function playUntilIdle(store: Store, maxFrames = 20_000): Promise<number> {
  for (let frame = 0; frame < maxFrames; frame++) {
    store.getState().tick(FRAME_MS);
    await settle();
    if (store.getState().runStatus === 'idle') return frame;
  }
  throw new Error(`Playback did not stop within ${maxFrames} frames; status ${store.getState().runStatus}.`);
}

const invokeEnds = (trace: readonly TraceEvent[]) =>
  trace.filter((event): event is Extract<TraceEvent, { type: 'invoke-end' }> => event.type === 'invoke-end');

describe('run slice', () => {
  let store: Store;
  beforeEach(() => {
    store = createStore();
  });

  it('starts idle with no run', () => {
    expect(store.getState().runStatus).toBe('idle');
    expect(store.getState().snapshot?.loaded).toBe(false);
  });

  it('invoke while paused starts playback', () => {
    store.getState().invoke();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().runStatus).toBe('playing');
    expect(store.getState().snapshot?.loaded).toBe(true);
  });

  it('three quick invokes give one cold and two warm starts', async () => {
    store.getState().invoke();
    store.getState().invoke();
    store.getState().invoke();
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    const ends = invokeEnds(prefixEvents(store.getState().snapshot!.trace));
    expect(ends.map((end) => end.cold)).toEqual([true, false, false]);
    expect(store.getState().playing).toBe(false);
  });

  it('sendConcurrent gives one lane per request', async () => {
    store.getState().sendConcurrent(3);
    store.getState().setSpeed(100);
    for (let i = 0; i < 100; i++) {
      store.getState().tick(FRAME_MS);
      await settle();
    }
    expect(store.getState().timeline.groups[0]!.lanes).toHaveLength(3);
  });

  it('playback stops by itself after reclaim', async () => {
    store.getState().invoke();
    await playUntilIdle(store);
    const trace = prefixEvents(store.getState().snapshot!.trace);
    expect(trace.at(-1)!.type).toBe('env-reclaimed');
    expect(store.getState().playheadMs).toBeGreaterThanOrEqual(trace.at(-1)!.time);
    expect(store.getState().runStatus).toBe('idle');
  });

  it('compresses the idle wait for reclaim to seconds of frames', async () => {
    store.getState().invoke();
    const frames = await playUntilIdle(store);
    const reclaimMs = prefixEvents(store.getState().snapshot!.trace).at(-1)!.time;
    expect(reclaimMs).toBeGreaterThan(5 * 60_000);
    // At one simulated minute per real second, at most about 8 real seconds.
    expect(frames * FRAME_MS).toBeLessThan(8_500);
  });

  it('never lets the playhead pass the processed time', async () => {
    store.getState().invoke();
    for (let i = 0; i < 300; i++) {
      store.getState().tick(FRAME_MS);
      // The session's own snapshot: the store's copy can lag behind it by a throttled notification.
      const { playheadMs, driver } = store.getState();
      const snapshot = driver!.session.snapshot();
      if (snapshot.executing) expect(playheadMs).toBeLessThanOrEqual(snapshot.now);
      await settle();
    }
  });

  it('pause keeps the status paused while work is left', () => {
    store.getState().invoke();
    store.getState().tick(FRAME_MS);
    store.getState().pause();
    expect(store.getState().playing).toBe(false);
    expect(['paused', 'executing']).toContain(store.getState().runStatus);
  });

  it('steps to the next event', async () => {
    store.getState().invoke();
    store.getState().pause();
    await settle();
    store.getState().stepToNextEvent();
    await settle();
    const first = store.getState().playheadMs;
    store.getState().stepToNextEvent();
    await settle();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().playheadMs).toBeGreaterThan(first);
  });

  it('seeks back within the processed time', async () => {
    store.getState().invoke();
    await playUntilIdle(store);
    store.getState().seek(100);
    expect(store.getState().playheadMs).toBe(100);
  });

  it('does not seek forward past the next scheduled event', async () => {
    store.getState().invoke();
    await playUntilIdle(store);
    const end = store.getState().snapshot!.now;
    store.getState().seek(end + 60_000);
    expect(store.getState().playheadMs).toBe(end);
  });

  it('starts a fresh run after the code changes', async () => {
    store.getState().invoke();
    await playUntilIdle(store);
    store.getState().setCode('export const handler = async () => 2;');
    store.getState().invoke();
    const { snapshot, playheadMs } = store.getState();
    expect(playheadMs).toBe(0);
    expect(prefixEvents(snapshot!.trace).filter((event) => event.type === 'invoke-end')).toHaveLength(0);
    expect(store.getState().timeline.groups).toHaveLength(0);
  });

  it('records the requests a person sent into the scenario', async () => {
    store.getState().invoke();
    store.getState().invoke();
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    const scenario = selectRecordedScenario(store.getState())!;
    expect(scenario.traffic).toHaveLength(2);
    expect(scenario.traffic[0]!.source).toBe('console');
    expect(scenario.traffic[1]!.at).toBeGreaterThan(scenario.traffic[0]!.at);
    expect(selectRecordedScenario(store.getState())).toBe(scenario);
  });

  it('replay gives the same trace', async () => {
    store.getState().invoke();
    store.getState().invoke();
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    const live = prefixEvents(store.getState().snapshot!.trace).map((event) => [event.type, event.time]);
    store.getState().replay();
    await playUntilIdle(store);
    const replayed = prefixEvents(store.getState().snapshot!.trace).map((event) => [event.type, event.time]);
    expect(replayed).toEqual(live);
  });

  it('replay after a settings change repeats the requests with the new settings', async () => {
    store.getState().invoke();
    store.getState().invoke();
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    store.getState().setSettingsField('memoryMb', '1024');
    store.getState().replay();
    await playUntilIdle(store);
    const state = store.getState();
    expect(invokeEnds(prefixEvents(state.snapshot!.trace))).toHaveLength(2);
    expect(state.runScenario!.functions[0]!.memoryMb).toBe(1024);
    expect(state.runNotice).toBeUndefined();
  });

  it('keeps replayed requests through the next replay', async () => {
    store.getState().invoke();
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    store.getState().replay();
    await playUntilIdle(store);
    store.getState().invoke();
    await playUntilIdle(store);
    store.getState().setCode('export const handler = async () => 2;');
    store.getState().replay();
    await playUntilIdle(store);
    expect(invokeEnds(prefixEvents(store.getState().snapshot!.trace))).toHaveLength(2);
    expect(selectRecordedScenario(store.getState())!.traffic).toHaveLength(2);
  });

  it('says so when a change makes invoke start a fresh run', async () => {
    store.getState().invoke();
    expect(store.getState().runNotice).toBeUndefined();
    await playUntilIdle(store);
    store.getState().setCode('export const handler = async () => 2;');
    store.getState().invoke();
    expect(store.getState().runNotice).toBe(FRESH_RUN_NOTICE);
    store.getState().dismissRunNotice();
    expect(store.getState().runNotice).toBeUndefined();
    store.getState().setCode('export const handler = async () => 3;');
    store.getState().invoke();
    expect(store.getState().runNotice).toBe(FRESH_RUN_NOTICE);
    store.getState().replay();
    expect(store.getState().runNotice).toBeUndefined();
  });

  it('sends requests into a fresh provisioned run once its environments are ready', async () => {
    store.getState().setSettingsField('provisionedConcurrency', '2');
    expect(selectEmptyTimelineMessage(store.getState())).toBe(
      'Provisioned concurrency: 2 environments are being allocated (ready at about +1m 00s). Press Play, or send requests: they wait until then.',
    );
    store.getState().sendConcurrent(5);
    store.getState().setSpeed(100);
    await playUntilIdle(store);
    const ends = invokeEnds(prefixEvents(store.getState().snapshot!.trace));
    expect(ends).toHaveLength(5);
    expect(ends.filter((end) => end.cold)).toHaveLength(3);
    expect(ends[0]!.time).toBeGreaterThan(60_000);
    store.getState().setSettingsField('provisionedConcurrency', '0');
    expect(selectEmptyTimelineMessage(store.getState())).toBe(EMPTY_TIMELINE_MESSAGE);
  });

  it('reports an invalid test event instead of sending', () => {
    store.getState().setEventText('{ broken');
    store.getState().invoke();
    expect(store.getState().runError).toMatch(/not valid JSON/);
    expect(store.getState().playing).toBe(false);
  });

  it('snaps the speed to an offered step', () => {
    store.getState().setSpeed(30);
    expect(store.getState().speed).toBe(25);
  });

  it('follow keeps the playhead in view', async () => {
    store.getState().setViewWidth(1000);
    store.getState().invoke();
    for (let i = 0; i < 400; i++) {
      store.getState().tick(FRAME_MS);
      await settle();
    }
    const { view, playheadMs } = store.getState();
    expect(view.timeToX(playheadMs)).toBeGreaterThanOrEqual(0);
    expect(view.timeToX(playheadMs)).toBeLessThanOrEqual(1000);
  });

  it('panning stops following', () => {
    store.getState().panBy(100);
    expect(store.getState().follow).toBe(false);
  });

  it('folds and unfolds a function', () => {
    store.getState().toggleFunctionCollapsed('hello');
    expect(store.getState().collapsedFunctions).toEqual(['hello']);
    store.getState().toggleFunctionCollapsed('hello');
    expect(store.getState().collapsedFunctions).toEqual([]);
  });

  it('keeps the timeline scroll at 0 or more', () => {
    store.getState().setTimelineScroll(400);
    expect(store.getState().timelineScrollY).toBe(400);
    store.getState().setTimelineScroll(-20);
    expect(store.getState().timelineScrollY).toBe(0);
  });
});
