import { useId, useState, type ReactNode } from 'react';
import type { AppState } from '../store';
import { THROTTLE_REASONS, costAt, metricsRefreshIntervalMs, runMetrics, type RunMetrics, type Usage } from '../store/run-metrics';
import { selectTrace } from '../store/run-view';
import { useThrottledDerivation } from './use-throttled-derivation';

const deriveMetrics = (state: AppState): RunMetrics => runMetrics(selectTrace(state), state.playheadMs, state.runScenario ?? state.scenario);
const metricsInputsChanged = (state: AppState, previous: AppState) =>
  state.snapshot !== previous.snapshot || state.playheadMs !== previous.playheadMs || state.runScenario !== previous.runScenario;
const refreshInterval = (state: AppState) => metricsRefreshIntervalMs(selectTrace(state).length);
const metricsUnfinished = (metrics: RunMetrics) => !metrics.complete;

const ALL = '';
/** As many tiles a row as fit at 7.5rem each, so labels such as "Max concurrency" and values such as "20,010.7 ms" stay on one line. */
const TILE_GRID = 'grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-2';
const count = (n: number) => n.toLocaleString('en-US');
const gbSeconds = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 3 })} GB-s`;
const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`);
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);

/** Formats a small USD amount with enough digits to show it, e.g. $0.0000021. */
function usd(value: number): string {
  if (value === 0) return '$0';
  const digits = Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return `$${value.toFixed(digits)}`;
}

const REASON_LABELS = {
  ReservedFunctionConcurrentInvocationLimitExceeded: 'Reserved concurrency',
  ConcurrentInvocationLimitExceeded: 'Account (unreserved) limit',
  ScalingRateExceeded: 'Scaling rate',
} as const;

/**
 * The run's figures up to the playhead, for one function or all of them: invocations, cold
 * starts, throttles, errors, concurrency, duration percentiles and cost.
 */
export function MetricsPanel() {
  const metrics = useThrottledDerivation(deriveMetrics, metricsInputsChanged, refreshInterval, metricsUnfinished);
  const [functionName, setFunctionName] = useState(ALL);
  const selectId = useId();
  const { summary } = metrics;
  const functions = summary.functions;
  const one = functions.find((fn) => fn.functionName === functionName) ?? (functions.length === 1 ? functions[0] : undefined);

  const invocations = one ? one.invocations : summary.totals.invocations;
  const coldStarts = one ? one.coldStarts : summary.totals.coldStarts;
  const asyncFigures = one && functions.length > 1 ? one.async : summary.async;
  const errors = one ? one.errors : functions.reduce((total, fn) => total + fn.errors, 0);
  const throttlesByReason = one ? one.throttlesByReason : summary.account.throttlesByReason;
  const throttles = one ? one.throttles : summary.account.throttles;
  const maxConcurrency = one ? one.maxConcurrency : summary.account.maxConcurrency;
  const durations = one ? one.durationMs : metrics.accountDurationMs;
  const provisionedInvocations = functions.reduce((total, fn) => total + (one && fn !== one ? 0 : fn.provisionedInvocations), 0);
  const spillover = one ? one.spilloverInvocations : summary.totals.spilloverInvocations;
  const usage: Usage = one ?? {
    invocations: summary.totals.invocations,
    gbSeconds: summary.totals.gbSeconds,
    provisionedDurationGbSeconds: functions.reduce((total, fn) => total + fn.provisionedDurationGbSeconds, 0),
    provisionedGbSeconds: summary.totals.provisionedGbSeconds,
  };
  const x86 = costAt(usage, 'x86_64');
  const arm = costAt(usage, 'arm64');
  const hasProvisioned = usage.provisionedGbSeconds > 0 || usage.provisionedDurationGbSeconds > 0;

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm" data-testid="metrics-panel">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="text-xs font-medium text-slate-600">
          Function
        </label>
        <select
          id={selectId}
          className="h-7 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-xs"
          value={one && functions.length > 1 ? one.functionName : ALL}
          onChange={(event) => setFunctionName(event.target.value)}
        >
          {functions.length > 1 && <option value={ALL}>All functions</option>}
          {functions.map((fn) => (
            <option key={fn.functionName} value={fn.functionName}>
              {fn.functionName}
            </option>
          ))}
        </select>
        <span className="shrink-0 text-[11px] text-slate-500 tabular-nums">up to {(metrics.upToMs / 1000).toFixed(1)} s{metrics.complete ? '' : '…'}</span>
      </div>

      <dl className={TILE_GRID}>
        <Stat label="Invocations" value={count(invocations)} testId="metric-invocations" />
        <Stat label="Cold starts" value={count(coldStarts)} detail={percent(coldStarts, invocations)} testId="metric-cold-starts" />
        <Stat label="Throttles" value={count(throttles)} tone={throttles > 0 ? 'warn' : undefined} testId="metric-throttles" />
        <Stat label="Errors" value={count(errors)} tone={errors > 0 ? 'bad' : undefined} testId="metric-errors" />
        <Stat label="Max concurrency" value={count(maxConcurrency)} testId="metric-max-concurrency" />
        <Stat label="Duration p50" value={ms(durations?.p50)} />
        <Stat label="Duration p99" value={ms(durations?.p99)} />
        <Stat
          label="Provisioned"
          value={count(provisionedInvocations)}
          detail={`${count(spillover)} spillover`}
          testId="metric-provisioned"
        />
      </dl>

      {throttles > 0 && (
        <Section title="Throttles by limit">
          <ul className="flex flex-col gap-0.5 text-xs" data-testid="metric-throttle-reasons">
            {THROTTLE_REASONS.filter((reason) => throttlesByReason[reason] > 0).map((reason) => (
              <li key={reason} className="flex justify-between gap-2">
                <span className="truncate text-slate-600" title={reason}>
                  {REASON_LABELS[reason]} <span className="font-mono text-[10px] text-slate-400">{reason}</span>
                </span>
                <span className="font-medium tabular-nums text-slate-800">{count(throttlesByReason[reason])}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {asyncFigures.queued > 0 && (
        <Section title="Asynchronous events">
          <dl className={TILE_GRID} data-testid="metric-async">
            <Stat label="Queued" value={count(asyncFigures.queued)} testId="metric-async-queued" />
            <Stat label="Succeeded" value={count(asyncFigures.succeeded)} />
            <Stat label="Failed" value={count(asyncFigures.failed)} tone={asyncFigures.failed > 0 ? 'bad' : undefined} testId="metric-async-failed" />
            <Stat label="Retries" value={count(asyncFigures.retries)} detail={`${count(asyncFigures.throttledAttempts)} throttled`} testId="metric-async-retries" />
            <Stat label="Expired" value={count(asyncFigures.expired)} tone={asyncFigures.expired > 0 ? 'warn' : undefined} />
            <Stat label="Dropped" value={count(asyncFigures.dropped)} tone={asyncFigures.dropped > 0 ? 'bad' : undefined} />
            {'deadLetterMessages' in asyncFigures && (
              <>
                <Stat label="DLQ messages" value={count(asyncFigures.deadLetterMessages)} testId="metric-dlq-messages" />
                <Stat label="Destination records" value={count(asyncFigures.destinationRecords)} />
              </>
            )}
          </dl>
        </Section>
      )}

      <Section title="Cost">
        <table className="w-full text-xs tabular-nums" data-testid="metric-cost">
          <thead className="text-[11px] text-slate-500">
            <tr>
              <th className="py-0.5 text-left font-medium" />
              <th className="py-0.5 text-right font-medium">x86_64</th>
              <th className="py-0.5 text-right font-medium">arm64</th>
            </tr>
          </thead>
          <tbody className="text-slate-800">
            <CostRow label={`Requests (${count(invocations)})`} x86={x86.requests} arm={arm.requests} />
            <CostRow label={`Duration (${gbSeconds(usage.gbSeconds - usage.provisionedDurationGbSeconds)})`} x86={x86.duration} arm={arm.duration} />
            {hasProvisioned && (
              <>
                <CostRow
                  label={`Provisioned duration (${gbSeconds(usage.provisionedDurationGbSeconds)})`}
                  x86={x86.provisionedDuration}
                  arm={arm.provisionedDuration}
                />
                <CostRow
                  label={`Provisioned concurrency (${gbSeconds(usage.provisionedGbSeconds)})`}
                  x86={x86.provisionedConcurrency}
                  arm={arm.provisionedConcurrency}
                />
              </>
            )}
            <CostRow label="Total" x86={x86.total} arm={arm.total} strong />
          </tbody>
        </table>
        <p className="mt-1 text-[11px] leading-snug text-slate-500">
          us-east-1 list prices, excluding the free tier. Duration includes INIT
          {summary.pricing.initBilled ? ', billed since August 2025' : ' only where it was billed before August 2025'}
          {hasProvisioned ? '; provisioned concurrency is charged in 5-minute steps while enabled.' : '.'}
        </p>
      </Section>
    </div>
  );
}

function Stat({
  label,
  value,
  detail,
  tone,
  testId,
}: {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly tone?: 'warn' | 'bad';
  readonly testId?: string;
}) {
  const color = tone === 'warn' ? 'text-amber-700' : tone === 'bad' ? 'text-red-700' : 'text-slate-900';
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-2 py-1.5" data-testid={testId}>
      <dt className="truncate text-[11px] text-slate-500" title={label}>
        {label}
      </dt>
      <dd className={`text-base leading-tight font-semibold whitespace-nowrap tabular-nums ${color}`}>
        <span data-testid={testId ? `${testId}-value` : undefined}>{value}</span>
        {detail && <span className="block text-[11px] font-normal text-slate-500">{detail}</span>}
      </dd>
    </div>
  );
}

function CostRow({ label, x86, arm, strong = false }: { readonly label: string; readonly x86: number; readonly arm: number; readonly strong?: boolean }) {
  const weight = strong ? 'font-semibold' : '';
  return (
    <tr className={`border-t border-slate-100 ${weight}`}>
      <td className="py-0.5 pr-2 text-slate-600">{label}</td>
      <td className="py-0.5 text-right">{usd(x86)}</td>
      <td className="py-0.5 text-right">{usd(arm)}</td>
    </tr>
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
