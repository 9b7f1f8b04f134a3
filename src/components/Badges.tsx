import { useAppStore } from '../store';
import { selectMaxAttempts } from '../store/run-view';
import type { InvocationRecord } from '../store/invocations';

const badgeClass = 'inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap';

/**
 * How the invocation started: cold or warm, on a provisioned environment, or as spillover
 * beyond provisioned concurrency; a dash while it waits for an environment or when throttled.
 */
export function StartBadge({ record }: { readonly record: Pick<InvocationRecord, 'cold' | 'provisioned' | 'spillover'> }) {
  const { cold, provisioned, spillover } = record;
  if (cold === undefined) return <span className="text-slate-400">–</span>;
  const start = cold ? (
    <span className={`${badgeClass} bg-sky-100 text-sky-800`}>cold</span>
  ) : (
    <span className={`${badgeClass} bg-emerald-100 text-emerald-800`}>warm</span>
  );
  if (!provisioned && !spillover) return start;
  return (
    <span className="inline-flex gap-1">
      {start}
      {provisioned && (
        <span className={`${badgeClass} bg-teal-100 text-teal-800`} title="Ran on an environment of the function's provisioned concurrency">
          provisioned
        </span>
      )}
      {spillover && (
        <span
          className={`${badgeClass} bg-amber-100 text-amber-800`}
          title="Every provisioned environment was busy, so this ran on an on-demand environment (ProvisionedConcurrencySpilloverInvocations)"
        >
          spillover
        </span>
      )}
    </span>
  );
}

const OUTCOME_STYLE: Record<InvocationRecord['outcome'], string> = {
  success: 'bg-emerald-50 text-emerald-700',
  error: 'bg-red-100 text-red-800',
  timeout: 'bg-amber-100 text-amber-800',
  pending: 'bg-slate-100 text-slate-600',
  throttled: 'bg-fuchsia-100 text-fuchsia-800',
};

/**
 * Shows the invocation's outcome, and for a throttled request the HTTP status its caller
 * received. An asynchronous event that left the queue without an attempt shows "not run".
 */
export function OutcomeBadge({ record }: { readonly record: Pick<InvocationRecord, 'outcome' | 'throttle' | 'asyncOutcome'> }) {
  const { outcome, throttle } = record;
  if (endedWithoutRun(record)) {
    return (
      <span className={`${badgeClass} ${OUTCOME_STYLE.error}`} title="Lambda sent the event to its failure target without running the function">
        not run
      </span>
    );
  }
  let label: string = outcome;
  if (outcome === 'pending') label = 'running';
  if (throttle) label = `throttled ${throttle.statusCode}`;
  return (
    <span className={`${badgeClass} ${OUTCOME_STYLE[outcome]}`} data-testid={throttle ? 'throttle-badge' : undefined}>
      {label}
    </span>
  );
}

/** Returns whether an asynchronous event left the queue for good without any attempt. */
export function endedWithoutRun(record: Pick<InvocationRecord, 'outcome' | 'asyncOutcome'>): boolean {
  return record.outcome === 'pending' && record.asyncOutcome !== undefined;
}

type EventRecord = Pick<InvocationRecord, 'invocationType' | 'attempt' | 'functionName' | 'asyncOutcome' | 'dropped' | 'expired'>;

/**
 * For an asynchronous event: an "Event" badge with the attempt, e.g. "attempt 2/3", and how the
 * event ended when it went to a DLQ or destination, expired or was dropped.
 */
export function EventBadge({ record }: { readonly record: EventRecord }) {
  const maxAttempts = useAppStore((state) => selectMaxAttempts(state, record.functionName));
  if (record.invocationType !== 'Event') return null;
  let attempt = 'queued';
  if (record.attempt !== undefined) attempt = `attempt ${record.attempt}/${maxAttempts}`;
  else if (record.asyncOutcome !== undefined) attempt = 'no attempt';
  return (
    <span className="inline-flex gap-1" data-testid="event-badge">
      <span className={`${badgeClass} bg-violet-100 text-violet-800`} title="Asynchronous invocation (InvocationType Event)">
        Event · {attempt}
      </span>
      {record.expired && <span className={`${badgeClass} bg-amber-100 text-amber-800`}>expired</span>}
      {record.dropped && <span className={`${badgeClass} bg-red-200 text-red-900`}>dropped</span>}
    </span>
  );
}
