import { useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../store';

/**
 * Returns `derive(state)`, recomputed after the store changes but at most once per
 * `intervalMs(state)` real milliseconds, with a trailing update so the last change always
 * shows. `derive` and `intervalMs` must keep their identity (declare them at module scope),
 * and `changed` tells which store updates matter.
 */
export function useThrottledDerivation<T>(
  derive: (state: AppState) => T,
  changed: (state: AppState, previous: AppState) => boolean,
  intervalMs: (state: AppState) => number,
): T {
  const [value, setValue] = useState(() => derive(useAppStore.getState()));

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      last = performance.now();
      setValue(derive(useAppStore.getState()));
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
  }, [derive, changed, intervalMs]);

  return value;
}
