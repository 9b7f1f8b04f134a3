/**
 * Creates the playground session with the browser's worker-pool executor and hands it to the
 * store, which is the only place that talks to the driver.
 */
import type { useAppStore } from '../store';

export function connectSession(store: typeof useAppStore): void {
  // TODO: create the worker-pool executor factory and the session, then inject the session
  // into the run slice, once the driver exposes them.
  void store;
}
