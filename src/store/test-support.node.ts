/**
 * Store tests' helpers: a store attached to a live session whose handlers are scripted, with
 * a count of the handler runs it asked for, and playback driven frame by frame.
 */
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import type { Executor } from '../engine/execution';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { prefixEvents, type TraceEvent } from '../engine/trace';
import { createAppStore } from './create-store';

const FRAME_MS = 16;

/** Handler runs the executors of one store were asked for, by kind. */
export interface ExecutionCounts {
  init: number;
  invoke: number;
}

/** Creates a store whose every function takes 20 ms of INIT and 120 ms per invocation, and counts the runs. */
export function createCountingStore() {
  const store = createAppStore();
  const counts: ExecutionCounts = { init: 0, invoke: 0 };
  const script = { initMs: 20, invoke: () => ({ durationMs: 120, response: 'ok' }) };
  const createExecutor = (): Executor => {
    const executor = new ScriptedExecutor(new Proxy({}, { get: () => script }));
    return {
      init: (request) => {
        counts.init++;
        return executor.init(request);
      },
      invoke: (request) => {
        counts.invoke++;
        return executor.invoke(request);
      },
      dispose: (envId) => executor.dispose(envId),
    };
  };
  const session = createPlaygroundSession({ createExecutor });
  store.getState().attachDriver({ session, playback: playbackClock });
  return { store, counts };
}

export type CountingStore = ReturnType<typeof createCountingStore>['store'];

/** Lets the scripted executor's promises settle, as the time between animation frames does. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Plays at 100x until the run is idle; throws when it is not within `maxFrames` frames. */
export async function playUntilIdle(store: CountingStore, maxFrames = 20_000): Promise<void> {
  store.getState().setSpeed(100);
  for (let frame = 0; frame < maxFrames; frame++) {
    store.getState().tick(FRAME_MS);
    await settle();
    if (store.getState().runStatus === 'idle') return;
  }
  throw new Error(`Playback did not stop within ${maxFrames} frames.`);
}

/** Advances playback by `frames` animation frames. */
export async function playFrames(store: CountingStore, frames: number): Promise<void> {
  for (let frame = 0; frame < frames; frame++) {
    store.getState().tick(FRAME_MS);
    await settle();
  }
}

/** Returns a copy of the store's trace so far. */
export function traceOf(store: CountingStore): readonly TraceEvent[] {
  const trace = store.getState().snapshot?.trace;
  return trace ? prefixEvents(trace) : [];
}
