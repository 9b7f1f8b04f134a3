import type { ReactNode } from 'react';
import { useAppStore } from '../store';
import { environmentHistory, findInvocation, type InvocationRecord } from '../store/invocations';
import { selectSelection, selectTrace } from '../store/run-view';
import { formatPlayhead } from '../timeline/format';
import { AsyncLife } from './AsyncLife';
import { EventBadge, OutcomeBadge, StartBadge } from './Badges';
import { ThrottleDetails } from './ThrottleDetails';
import { InvocationList } from './InvocationList';

/** The recent invocations and the details of the selected invocation or environment. */
export function Inspector() {
  const selection = useAppStore(selectSelection);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <InvocationList />
      <div className="min-h-0 flex-1 overflow-y-auto p-3" data-testid="inspector-details">
        {selection?.requestId ? (
          <InvocationDetails requestId={selection.requestId} />
        ) : selection?.envId ? (
          <EnvironmentDetails envId={selection.envId} />
        ) : (
          <p className="text-sm text-slate-500">Select an invocation here or on the timeline to see its event, result and log.</p>
        )}
      </div>
    </div>
  );
}

function InvocationDetails({ requestId }: { readonly requestId: string }) {
  const trace = useAppStore(selectTrace);
  const select = useAppStore((state) => state.select);
  const record = findInvocation(trace, requestId);
  if (!record) return <p className="text-sm text-slate-500">Request {requestId} is not in this run.</p>;

  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex items-center gap-2">
        <span className="min-w-0 truncate font-mono text-[11px] text-slate-700" title={record.requestId}>
          {record.requestId}
        </span>
        <StartBadge record={record} />
        <EventBadge record={record} />
        <OutcomeBadge record={record} />
        {record.envId && (
          <button
            type="button"
            className="ml-auto shrink-0 rounded px-1.5 py-0.5 font-mono text-[11px] whitespace-nowrap text-sky-700 hover:bg-sky-50"
            title="Show this execution environment's history"
            onClick={() => select({ envId: record.envId })}
          >
            {record.envId}
          </button>
        )}
      </div>
      {record.invocationType === 'Event' && <AsyncLife requestId={record.requestId} />}
      {record.throttle ? <ThrottleDetails throttle={record.throttle} /> : <Metrics record={record} />}
      <Section title="Log">
        <pre
          data-testid="invocation-log"
          className="overflow-x-auto rounded-md bg-slate-900 p-2 font-mono text-[11px] leading-4 whitespace-pre-wrap break-words text-slate-100"
        >
          {record.logs.length > 0
            ? record.logs.map((line) => line.text).join('\n')
            : record.throttle
              ? 'No log output: a throttled request never reaches an environment, so nothing is written to CloudWatch Logs.'
              : 'No log output yet.'}
        </pre>
      </Section>
      <Result record={record} />
      <Section title="Event">
        <JsonBlock value={record.event} />
      </Section>
    </div>
  );
}

const formatMs = (ms: number | undefined, digits = 2) => (ms === undefined ? '–' : `${ms.toFixed(digits)} ms`);

function Metrics({ record }: { readonly record: InvocationRecord }) {
  let initDuration = formatMs(record.initDurationMs);
  if (record.initDurationMs === undefined && record.cold === false) initDuration = 'none (warm)';
  const items: [string, string][] = [
    ['Duration', formatMs(record.durationMs)],
    ['Billed Duration', formatMs(record.billedDurationMs, 0)],
    ['Init Duration', initDuration],
    ['Memory Size', record.memoryMb === undefined ? '–' : `${record.memoryMb} MB`],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-md bg-slate-50 p-2 text-xs">
      {items.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-2">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-medium tabular-nums text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Result({ record }: { readonly record: InvocationRecord }) {
  if (record.error) {
    return (
      <Section title={record.outcome === 'timeout' ? 'Timeout' : 'Error'}>
        <div className="rounded-md border border-red-200 bg-red-50 p-2 text-xs">
          <p className="font-mono font-semibold text-red-800">{record.error.errorType}</p>
          <p className="mt-1 whitespace-pre-wrap text-red-900">{record.error.errorMessage}</p>
          {record.error.trace.length > 0 && (
            <pre className="mt-2 overflow-x-auto font-mono text-[11px] leading-4 text-red-800">{record.error.trace.join('\n')}</pre>
          )}
        </div>
      </Section>
    );
  }
  if (record.responseJson !== undefined) {
    return (
      <Section title="Response">
        <JsonBlock text={record.responseJson} />
      </Section>
    );
  }
  return null;
}

function EnvironmentDetails({ envId }: { readonly envId: string }) {
  const trace = useAppStore(selectTrace);
  const select = useAppStore((state) => state.select);
  const history = environmentHistory(trace, envId);

  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="font-mono text-xs font-semibold text-slate-700">Execution environment {envId}</p>
      {history.length === 0 ? (
        <p className="text-slate-500">Nothing has happened in this environment yet.</p>
      ) : (
        <ol className="flex flex-col text-xs">
          {history.map((entry, index) => (
            <li key={index} className="flex gap-3 border-t border-slate-100 py-1 first:border-0">
              <span className="w-24 shrink-0 text-right font-mono text-[11px] tabular-nums text-slate-500">{formatPlayhead(entry.time)}</span>
              <span className="text-slate-800">{entry.text}</span>
              {entry.requestId && (
                <button
                  type="button"
                  className="ml-auto truncate font-mono text-[11px] text-sky-700 hover:underline"
                  onClick={() => select({ requestId: entry.requestId, envId })}
                >
                  {entry.requestId.slice(0, 8)}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

function JsonBlock({ value, text }: { readonly value?: unknown; readonly text?: string }) {
  let shown: string;
  if (text !== undefined) {
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      shown = text;
    }
  } else {
    shown = JSON.stringify(value, null, 2) ?? 'undefined';
  }
  return (
    <pre className="max-h-64 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800">
      {shown}
    </pre>
  );
}
