import { useRef } from 'react';
import { useAppStore } from '../store';
import { requestCounts } from '../store/invocations';
import { selectBusy, selectTrace } from '../store/run-view';

/**
 * "Running handlers… 12 of 20" while requests are in flight. The counts start from the
 * moment the run last became busy, so an earlier batch does not inflate them.
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

  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-xs font-medium text-slate-600">
      <span className="h-2 w-2 animate-pulse rounded-full bg-orange-500" aria-hidden />
      Running handlers… {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
    </p>
  );
}
