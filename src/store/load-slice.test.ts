import { describe, expect, it } from 'vitest';
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { prefixEvents, type TraceEvent } from '../engine/trace';
import { createAppStore } from './create-store';
import { DEFAULT_LOAD_FORM, loadEntryOf, type LoadForm } from './load-model';
import { selectRecordedScenario } from './run-slice';

const FRAME_MS = 16;

function createStore() {
  const store = createAppStore();
  const script = { initMs: 20, invoke: () => ({ durationMs: 1000, response: 'ok' }) };
  const session = createPlaygroundSession({
    createExecutor: () => new ScriptedExecutor({ 'hello-lambda': script, function: script }),
  });
  store.getState().attachDriver({ session, playback: playbackClock });
  return store;
}

type Store = ReturnType<typeof createStore>;

async function playUntilIdle(store: Store, maxFrames = 20_000): Promise<void> {
  for (let frame = 0; frame < maxFrames; frame++) {
    store.getState().tick(FRAME_MS);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    if (store.getState().runStatus === 'idle') return;
  }
  throw new Error(`Playback did not stop within ${maxFrames} frames.`);
}

const countOf = (trace: readonly TraceEvent[], type: TraceEvent['type']) => trace.filter((event) => event.type === type).length;

const form = (change: Partial<LoadForm> & { fields?: Partial<LoadForm['fieldText']> }): LoadForm => ({
  ...DEFAULT_LOAD_FORM,
  ...change,
  fieldText: { ...DEFAULT_LOAD_FORM.fieldText, ...change.fields },
});

describe('load entries', () => {
  it('builds a constant rate in ms from seconds', () => {
    const result = loadEntryOf(form({ pattern: 'constant', fields: { ratePerSecond: '50', durationSeconds: '10' } }), 'f', {}, 2000);
    expect(result).toMatchObject({ ok: true, requests: 500, entry: { pattern: 'constant', at: 2000, ratePerSecond: 50, durationMs: 10_000 } });
  });

  it('builds a ramp', () => {
    const result = loadEntryOf(form({ pattern: 'ramp', fields: { fromRatePerSecond: '0', toRatePerSecond: '100', durationSeconds: '4' } }), 'f', {}, 0);
    expect(result).toMatchObject({ ok: true, requests: 200, entry: { pattern: 'ramp', fromRatePerSecond: 0, toRatePerSecond: 100 } });
  });

  it('places a spike relative to the start', () => {
    const result = loadEntryOf(
      form({ pattern: 'spike', fields: { ratePerSecond: '10', durationSeconds: '10', spikeAfterSeconds: '4', spikeRatePerSecond: '100', spikeDurationSeconds: '1' } }),
      'f',
      {},
      3000,
    );
    expect(result).toMatchObject({ ok: true, requests: 200, entry: { pattern: 'spike', at: 3000, spikeAt: 7000, spikeDurationMs: 1000 } });
  });

  it('carries the invoker', () => {
    const result = loadEntryOf(form({ invoker: 'api-gateway' }), 'f', {}, 0);
    expect(result.ok && result.entry.invoker).toBe('api-gateway');
  });

  it('rejects a spike that ends after the load', () => {
    const result = loadEntryOf(
      form({ pattern: 'spike', fields: { durationSeconds: '5', spikeAfterSeconds: '4', spikeDurationSeconds: '2' } }),
      'f',
      {},
      0,
    );
    expect(result).toEqual({
      ok: false,
      message: "The spike from 4 s for 2 s ends after the load's 5 s. Start it earlier, shorten it, or lengthen the load.",
    });
  });

  it('rejects invalid numbers with the field and range', () => {
    expect(loadEntryOf(form({ fields: { count: '0' } }), 'f', {}, 0)).toEqual({
      ok: false,
      message: 'Request count "0" is invalid. Send from 1 to 10,000 requests at once.',
    });
    expect(loadEntryOf(form({ pattern: 'constant', fields: { ratePerSecond: 'fast' } }), 'f', {}, 0)).toEqual({
      ok: false,
      message: 'Rate "fast" is not a number. Enter requests per second above 0 up to 100,000.',
    });
  });

  it('rejects a load above the browser limit', () => {
    const result = loadEntryOf(form({ pattern: 'constant', fields: { ratePerSecond: '10000', durationSeconds: '60' } }), 'f', {}, 0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^This load sends 600,000 requests, more than the 100,000/);
  });
});

describe('load slice', () => {
  it('throttles 15 of 20 requests with reserved concurrency 5', async () => {
    const store = createStore();
    store.getState().setSettingsField('reservedConcurrency', '5');
    store.getState().setLoadField('count', '20');
    store.getState().startLoad();
    expect(store.getState().loadError).toBeUndefined();
    await playUntilIdle(store);

    const trace = prefixEvents(store.getState().snapshot!.trace);
    expect(countOf(trace, 'invoke-end')).toBe(5);
    const throttles = trace.filter((event) => event.type === 'throttled');
    expect(throttles).toHaveLength(15);
    expect(throttles[0]).toMatchObject({ reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', statusCode: 429 });
  });

  it('targets the chosen function through API Gateway', async () => {
    const store = createStore();
    store.getState().addFunction();
    store.getState().setSettingsField('reservedConcurrency', '0');
    const second = store.getState().selectedFunctionId;
    store.getState().selectFunction(store.getState().functions[0]!.id);
    store.getState().setLoadFunction(second);
    store.getState().setLoadInvoker('api-gateway');
    store.getState().setLoadField('count', '3');
    store.getState().startLoad();
    await playUntilIdle(store);

    const throttles = prefixEvents(store.getState().snapshot!.trace).filter((event) => event.type === 'throttled');
    expect(throttles).toHaveLength(3);
    expect(throttles.every((event) => event.functionName === 'function' && event.statusCode === 500)).toBe(true);
  });

  it('records the load as one traffic entry and replays it', async () => {
    const store = createStore();
    store.getState().setLoadPattern('constant');
    store.getState().setLoadField('ratePerSecond', '20');
    store.getState().setLoadField('durationSeconds', '1');
    store.getState().startLoad();
    await playUntilIdle(store);
    const live = prefixEvents(store.getState().snapshot!.trace).map((event) => [event.type, event.time]);

    const recorded = selectRecordedScenario(store.getState())!;
    expect(recorded.traffic).toHaveLength(1);
    expect(recorded.traffic[0]).toMatchObject({ pattern: 'constant', at: 0, ratePerSecond: 20, durationMs: 1000 });

    store.getState().replay();
    await playUntilIdle(store);
    expect(prefixEvents(store.getState().snapshot!.trace).map((event) => [event.type, event.time])).toEqual(live);
  });

  it('reports an invalid form instead of sending', () => {
    const store = createStore();
    store.getState().setLoadField('count', 'many');
    store.getState().startLoad();
    expect(store.getState().loadError).toBe('Request count "many" is not a number. Send from 1 to 10,000 requests at once.');
    expect(store.getState().snapshot?.sent ?? []).toHaveLength(0);
  });
});
