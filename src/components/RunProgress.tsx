import { useRef } from 'react';
import { useAppStore } from '../store';
import { requestCounts } from '../store/invocations';
import { runProgressLabel } from '../store/run-progress';
import { selectBusy, selectTrace } from '../store/run-view';

/**
 * "Running 1,000 handlers…" with an indeterminate bar while a batch runs, and "Running
 * handlers… 12 of 20 requests done" once requests have ended (a throttled one has too). The
 * counts start from the moment the run last became busy, so an earlier batch does not inflate
 * them.
 */
export function RunProgress() {
  const busy = useAppStore(selectBusy);
  const trace = useAppStore(selectTrace);
  const baseline = useRef<{ received: number; ended: number } | undefined>(undefined);
  const counts = requestCounts(trace);

  if (!busy) {
    baseline.current = undefined;
    return null;
  }
  baseline.current ??= { received: Math.min(counts.received, counts.ended), ended: counts.ended };
  const total = counts.received - baseline.current.received;
  const done = counts.ended - baseline.current.ended;
  const label = runProgressLabel(done, total);

  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-xs font-medium text-slate-600">
      <span className="h-2 w-2 animate-pulse rounded-full bg-orange-500" aria-hidden />
      {label.text}
      {/* A progress element without a value is drawn as indeterminate. */}
      {label.fraction === undefined ? (
        <progress className="h-1.5 w-20 accent-orange-500" aria-hidden />
      ) : (
        <progress className="h-1.5 w-20 accent-orange-500" value={label.fraction} max={1} aria-hidden />
      )}
    </p>
  );
}
