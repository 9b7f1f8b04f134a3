import { useAppStore } from '../store';
import { asyncLife, type AsyncStepKind } from '../store/async-view';
import { selectTrace } from '../store/run-view';
import { formatPlayhead } from '../timeline/format';

const DOT: Readonly<Record<AsyncStepKind, string>> = {
  queued: 'bg-slate-400',
  attempt: 'bg-sky-500',
  'attempt-end': 'bg-sky-700',
  retry: 'bg-amber-500',
  expired: 'bg-amber-700',
  dropped: 'bg-red-700',
  dlq: 'bg-red-500',
  destination: 'bg-violet-500',
  done: 'bg-slate-700',
  chained: 'bg-violet-300',
};

/**
 * The life of an asynchronous event: queued, each attempt and its environment, each wait
 * before a retry and why, and where the event ended, with the AWS rule behind each decision.
 */
export function AsyncLife({ requestId }: { readonly requestId: string }) {
  const trace = useAppStore(selectTrace);
  const select = useAppStore((state) => state.select);
  const steps = asyncLife(trace, requestId);
  if (steps.length === 0) return null;

  return (
    <section data-testid="async-life">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Asynchronous event</h3>
      <ol className="flex flex-col text-xs">
        {steps.map((step, index) => (
          <li key={index} className="flex gap-2 border-t border-slate-100 py-1 first:border-0" data-step={step.kind}>
            <span className="w-24 shrink-0 text-right font-mono text-[11px] tabular-nums text-slate-500">{formatPlayhead(step.time)}</span>
            <span className={`mt-1 h-2 w-2 shrink-0 rounded-full ${DOT[step.kind]}`} aria-hidden />
            <span className="min-w-0 flex-1">
              <span className="text-slate-800">{step.text}</span>
              {step.explanation && <span className="block text-[11px] leading-snug text-slate-500">{step.explanation}</span>}
            </span>
            {step.envId && (
              <button type="button" className="shrink-0 font-mono text-[11px] text-sky-700 hover:underline" onClick={() => select({ envId: step.envId })}>
                {step.envId}
              </button>
            )}
            {step.linkRequestId && (
              <button
                type="button"
                className="shrink-0 font-mono text-[11px] text-sky-700 hover:underline"
                title="Show the linked request"
                onClick={() => select({ requestId: step.linkRequestId })}
              >
                {step.linkRequestId.slice(0, 8)} →
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
