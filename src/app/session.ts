/**
 * Creates the playground session with the browser's worker-pool executor and the playback
 * clock, and hands both to the store, which may not import the driver itself.
 */
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import type { useAppStore } from '../store';
import { createLazyWorkerPool } from './lazy-executor';

/** Connects a new session to `store`; returns a function that disconnects and stops it. */
export function connectSession(store: typeof useAppStore): () => void {
  const session = createPlaygroundSession({ createExecutor: createLazyWorkerPool });
  const detach = store.getState().attachDriver({ session, playback: playbackClock });
  return () => {
    detach();
    session.dispose();
  };
}
