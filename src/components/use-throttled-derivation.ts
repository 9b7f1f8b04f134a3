import { useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../store';

const NEVER_UNFINISHED = () => false;

/**
 * Returns `derive(state)`, recomputed after the store changes but at most once per
 * `intervalMs(state)` real milliseconds, with a trailing update so the last change always
 * shows. `derive` and `intervalMs` must keep their identity (declare them at module scope),
 * and `changed` selects the store updates that matter. A value that `unfinished` flags is derived
 * again in the next task, for a derivation that does a bounded share of its work per call.
 */
export function useThrottledDerivation<T>(
  derive: (state: AppState) => T,
  changed: (state: AppState, previous: AppState) => boolean,
  intervalMs: (state: AppState) => number,
  unfinished: (value: T) => boolean = NEVER_UNFINISHED,
): T {
  const [value, setValue] = useState(() => derive(useAppStore.getState()));

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      last = performance.now();
      const value = derive(useAppStore.getState());
      setValue(value);
      if (unfinished(value)) timer = setTimeout(run, 0);
    };
    run();
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (timer !== undefined || !changed(state, previous)) return;
      timer = setTimeout(run, Math.max(0, last + intervalMs(state) - performance.now()));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [derive, changed, intervalMs, unfinished]);

  return value;
}
