import type { InvocationRecord } from '../store/invocations';

const badgeClass = 'inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium';

/** Cold or warm start; a dash while the request waits for an environment. */
export function StartBadge({ cold }: { readonly cold: boolean | undefined }) {
  if (cold === undefined) return <span className="text-slate-400">–</span>;
  return cold ? (
    <span className={`${badgeClass} bg-sky-100 text-sky-800`}>cold</span>
  ) : (
    <span className={`${badgeClass} bg-emerald-100 text-emerald-800`}>warm</span>
  );
}

const OUTCOME_STYLE: Record<InvocationRecord['outcome'], string> = {
  success: 'bg-emerald-50 text-emerald-700',
  error: 'bg-red-100 text-red-800',
  timeout: 'bg-amber-100 text-amber-800',
  pending: 'bg-slate-100 text-slate-600',
};

export function OutcomeBadge({ outcome }: { readonly outcome: InvocationRecord['outcome'] }) {
  return <span className={`${badgeClass} ${OUTCOME_STYLE[outcome]}`}>{outcome === 'pending' ? 'running' : outcome}</span>;
}
