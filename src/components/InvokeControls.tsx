import { useId, useState } from 'react';
import { useAppStore } from '../store';
import { selectRunError } from '../store/run-slice';
import { selectInvokeBlocker } from '../store/workspace-slice';
import { TriggerFeedbackLine } from './TriggersPanel';

export const MAX_CONCURRENT_REQUESTS = 1_000;

/** Checks the "Send N requests" count; returns the count or the message to show. */
export function parseRequestCount(text: string): { ok: true; count: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/[,_]/g, '');
  const count = Number(trimmed);
  if (Number.isInteger(count) && count > MAX_CONCURRENT_REQUESTS) {
    return {
      ok: false,
      message: `"${text}" is more than the ${MAX_CONCURRENT_REQUESTS.toLocaleString('en-US')} requests this button sends at once. Send fewer, or use the Load tab for larger loads.`,
    };
  }
  if (trimmed === '' || !Number.isInteger(count) || count < 1) {
    return {
      ok: false,
      message: `"${text}" is not a request count. Send from 1 to ${MAX_CONCURRENT_REQUESTS.toLocaleString('en-US')} requests at once.`,
    };
  }
  return { ok: true, count };
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const INVOKE_SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl+Enter';

/** Invoke once (as a client awaiting each response) or send N requests at once; shown under the test event. */
export function InvokeControls() {
  const blocker = useAppStore(selectInvokeBlocker);
  const runError = useAppStore(selectRunError);
  const invoke = useAppStore((state) => state.invoke);
  const invokeAsync = useAppStore((state) => state.invokeAsync);
  const sendConcurrent = useAppStore((state) => state.sendConcurrent);
  const [countText, setCountText] = useState('10');
  const countId = useId();
  const reasonId = useId();
  const countCheck = parseRequestCount(countText);

  const buttonClass =
    'h-9 rounded-md px-3 text-sm font-semibold shadow-xs transition-colors disabled:cursor-not-allowed disabled:opacity-50';

  return (
    <section aria-label="Invoke" className="shrink-0 border-t border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={`${buttonClass} bg-orange-600 text-white hover:bg-orange-500`}
          disabled={blocker !== undefined}
          aria-describedby={blocker ? reasonId : undefined}
          title={`Send one synchronous request (${INVOKE_SHORTCUT})`}
          onClick={() => invoke()}
        >
          Invoke
          <kbd className="ml-2 rounded bg-orange-700/60 px-1 py-0.5 font-sans text-[10px] font-medium">{INVOKE_SHORTCUT}</kbd>
        </button>
        <button
          type="button"
          className={`${buttonClass} border border-orange-300 bg-white text-orange-700 hover:bg-orange-50`}
          disabled={blocker !== undefined}
          aria-describedby={blocker ? reasonId : undefined}
          title="Send the test event with InvocationType Event: Lambda queues it, answers 202 and retries on errors"
          onClick={() => invokeAsync()}
        >
          Invoke async (Event)
        </button>
        <div className="ml-auto flex items-center gap-1.5">
          <label htmlFor={countId} className="sr-only">
            Number of requests to send at once
          </label>
          <input
            id={countId}
            type="text"
            inputMode="numeric"
            className={`h-9 w-16 rounded-md border px-2 text-sm tabular-nums ${countCheck.ok ? 'border-slate-300' : 'border-red-400 bg-red-50'}`}
            value={countText}
            aria-invalid={countCheck.ok ? undefined : true}
            onChange={(event) => setCountText(event.target.value)}
          />
          <button
            type="button"
            className={`${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
            disabled={blocker !== undefined || !countCheck.ok}
            aria-describedby={blocker ? reasonId : undefined}
            title="Send this many requests at the same moment"
            onClick={() => {
              if (countCheck.ok) sendConcurrent(countCheck.count);
            }}
          >
            {countCheck.ok ? `Send ${countCheck.count.toLocaleString('en-US')} ${countCheck.count === 1 ? 'request' : 'requests'}` : 'Send requests'}
          </button>
        </div>
      </div>
      {blocker && (
        <p id={reasonId} role="status" className="mt-2 text-xs leading-snug text-red-700">
          {blocker}
        </p>
      )}
      {!blocker && !countCheck.ok && <p className="mt-2 text-xs leading-snug text-red-700">{countCheck.message}</p>}
      {!blocker && <TriggerFeedbackLine />}
      {!blocker && runError && (
        <p role="alert" className="mt-2 text-xs leading-snug text-red-700">
          {runError}
        </p>
      )}
    </section>
  );
}
