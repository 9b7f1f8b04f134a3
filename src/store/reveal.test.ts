import { describe, expect, it } from 'vitest';
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { TimeScale } from '../timeline/scale';
import { createAppStore } from './create-store';
import type { InvocationRecord } from './invocations';
import { revealRequest, revealView } from './reveal';
import { invocationRecords } from './invocations';
import { selectTrace } from './run-view';

const MINUTES_VIEW = TimeScale.fromRange(0, 10 * 60_000, 1000);

const record = (receivedAt: number, endedAt: number | undefined) => ({ receivedAt, endedAt }) as InvocationRecord;

describe('revealView', () => {
  it('spans four times the invocation', () => {
    const view = revealView(record(60_000, 62_000), MINUTES_VIEW, 0);
    expect(view.startMs).toBeCloseTo(57_000);
    expect(view.endMs).toBeCloseTo(65_000);
    expect(view.widthPx).toBe(1000);
  });

  it('spans at least one second', () => {
    const view = revealView(record(60_000, 60_020), MINUTES_VIEW, 0);
    expect(view.spanMs).toBeCloseTo(1_000);
    expect(view.startMs).toBeCloseTo(59_510);
  });

  it('reaches the current time while running', () => {
    const view = revealView(record(60_000, undefined), MINUTES_VIEW, 61_000);
    expect(view.spanMs).toBeCloseTo(4_000);
  });
});

function createStore() {
  const store = createAppStore();
  const scripts = { [store.getState().functionSpec.name]: { initMs: 20, invoke: () => ({ durationMs: 120, response: 'ok' }) } };
  const session = createPlaygroundSession({ createExecutor: () => new ScriptedExecutor(scripts) });
  store.getState().attachDriver({ session, playback: playbackClock });
  return store;
}

describe('revealRequest', () => {
  it('stops following and shows the request', async () => {
    const store = createStore();
    store.getState().invoke();
    for (let frame = 0; frame < 200 && invocationRecords(selectTrace(store.getState()))[0]?.endedAt === undefined; frame++) {
      store.getState().tick(16);
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    const invocation = invocationRecords(selectTrace(store.getState()))[0]!;
    expect(invocation.endedAt).toBeDefined();
    store.getState().fitView();

    expect(revealRequest(store, invocation.requestId)).toBe(true);
    const { view, follow } = store.getState();
    expect(follow).toBe(false);
    expect(view.startMs).toBeLessThanOrEqual(invocation.receivedAt);
    expect(view.endMs).toBeGreaterThanOrEqual(invocation.endedAt!);
    expect(view.spanMs).toBeGreaterThanOrEqual(1_000);
  });

  it('scrolls to the lane of a request far down', async () => {
    const store = createStore();
    store.getState().sendConcurrent(60);
    const running = () => {
      const records = invocationRecords(selectTrace(store.getState()));
      return records.length < 60 || records.some((record) => record.endedAt === undefined);
    };
    for (let frame = 0; frame < 400 && running(); frame++) {
      store.getState().tick(16);
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    const records = invocationRecords(selectTrace(store.getState()));
    expect(new Set(records.map((record) => record.envId)).size).toBe(60);

    expect(revealRequest(store, records.at(-1)!.requestId)).toBe(true);
    const scrolledY = store.getState().timelineScrollY;
    expect(scrolledY).toBeGreaterThan(0);
    // A lane near the top is already in view, so revealing it leaves the scroll alone.
    store.getState().setTimelineScroll(0);
    expect(revealRequest(store, records[0]!.requestId)).toBe(true);
    expect(store.getState().timelineScrollY).toBe(0);
  });

  it('leaves the view for an unknown request', () => {
    const store = createStore();
    const before = store.getState().view;
    expect(revealRequest(store, 'no-such-request')).toBe(false);
    expect(store.getState().view).toBe(before);
    expect(store.getState().follow).toBe(true);
  });
});
