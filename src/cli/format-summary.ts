/** The human-readable summary: one table with a column per function, then the cost basis. */
import type { FunctionSummary, RunSummary } from '../engine/summary';

export interface RunDescription {
  readonly scenarioName: string;
  readonly scenarioPath: string;
  readonly seed: number;
}

const integer = (n: number) => n.toLocaleString('en-US');
const milliseconds = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Formats a USD amount with at least three significant digits, e.g. $0.00000426. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  const decimals = Math.max(2, 2 - Math.floor(Math.log10(Math.abs(amount))));
  return `$${amount.toFixed(Math.min(decimals, 20))}`;
}

const percent = (share: number) => `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;

const ROWS: ReadonlyArray<readonly [string, (fn: FunctionSummary) => string]> = [
  ['Runtime', (fn) => `${fn.runtime} ${fn.architecture}`],
  ['Memory', (fn) => `${integer(fn.memoryMb)} MB`],
  ['Reserved concurrency', (fn) => (fn.reservedConcurrency === undefined ? '-' : integer(fn.reservedConcurrency))],
  ['Provisioned concurrency', (fn) => integer(fn.provisionedConcurrency)],
  ['Requests', (fn) => integer(fn.requests)],
  ['Invocations', (fn) => integer(fn.invocations)],
  ['Cold starts', (fn) => `${integer(fn.coldStarts)} (${percent(fn.coldStartShare)})`],
  ['Environments created', (fn) => integer(fn.environmentsCreated)],
  ['Provisioned invocations', (fn) => integer(fn.provisionedInvocations)],
  ['Spillover invocations', (fn) => integer(fn.spilloverInvocations)],
  ['Errors (incl. timeouts)', (fn) => integer(fn.errors)],
  ['Timeouts', (fn) => integer(fn.timeouts)],
  ['Throttles', (fn) => integer(fn.throttles)],
  ['  reserved limit', (fn) => integer(fn.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded)],
  ['  account limit', (fn) => integer(fn.throttlesByReason.ConcurrentInvocationLimitExceeded)],
  ['  scaling rate', (fn) => integer(fn.throttlesByReason.ScalingRateExceeded)],
  ['Async events queued', (fn) => integer(fn.async.queued)],
  ['  succeeded', (fn) => integer(fn.async.succeeded)],
  ['  failed', (fn) => integer(fn.async.failed)],
  ['  expired', (fn) => integer(fn.async.expired)],
  ['  dropped', (fn) => integer(fn.async.dropped)],
  ['Retries', (fn) => integer(fn.retries)],
  ['Throttled async attempts', (fn) => integer(fn.async.throttledAttempts)],
  ['Max async queue depth', (fn) => integer(fn.async.maxQueueDepth)],
  ['Max concurrency', (fn) => integer(fn.maxConcurrency)],
  ['Duration p50', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p50)} ms` : '-')],
  ['Duration p90', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p90)} ms` : '-')],
  ['Duration p99', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p99)} ms` : '-')],
  ['Billed duration', (fn) => `${integer(fn.billedDurationMs)} ms`],
  ['GB-seconds', (fn) => fn.gbSeconds.toLocaleString('en-US', { maximumFractionDigits: 6 })],
  ['Provisioned GB-seconds', (fn) => fn.provisionedGbSeconds.toLocaleString('en-US', { maximumFractionDigits: 6 })],
  ['Cost', (fn) => formatUsd(fn.costUsd.total)],
];

export function formatSummary(summary: RunSummary, run: RunDescription): string {
  const header = [
    `Scenario "${run.scenarioName}" (${run.scenarioPath}), seed ${run.seed}`,
    `Simulated ${formatSimulatedTime(summary.endTimeMs)}: ${integer(summary.totals.requests)} requests, ${integer(summary.totals.invocations)} invocations.`,
  ];
  return [...header, ...formatAccount(summary), '', formatTable(summary.functions), ...formatTargets(summary), '', ...formatCost(summary)].join('\n');
}

const TARGET_KINDS: Readonly<Record<RunSummary['targets'][number]['kind'], string>> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  lambda: 'function',
  eventbridge: 'event bus',
};

/** One line per queue, topic, function or event bus that received something, or that the scenario defines. */
function formatTargets(summary: RunSummary): string[] {
  if (summary.targets.length === 0) return [];
  const lines = summary.targets.map((target) => {
    const parts = [`${integer(target.received)} received`];
    if (target.deadLetterMessages > 0) parts.push(`${integer(target.deadLetterMessages)} DLQ messages`);
    if (target.successRecords > 0) parts.push(`${integer(target.successRecords)} success records`);
    if (target.failureRecords > 0) parts.push(`${integer(target.failureRecords)} failure records`);
    return `  ${TARGET_KINDS[target.kind]} "${target.name}": ${parts.join(', ')}`;
  });
  return ['', 'Queues, topics and destinations:', ...lines];
}

function formatAccount(summary: RunSummary): string[] {
  const { account } = summary;
  const scaling =
    account.scaling.kind === 'per-function'
      ? 'scaling 1,000 environments per function per 10 s'
      : `scaling from an account-wide burst of ${integer(account.scaling.burst)}, then 500 a minute`;
  const lines = [
    `Account: limit ${integer(account.concurrencyLimit)} (${integer(account.unreservedMinimum)} kept unreserved), ${scaling}; max concurrency ${integer(account.maxConcurrency)}.`,
  ];
  if (account.throttles > 0) {
    const reasons = Object.entries(account.throttlesByReason)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => `${integer(count)} ${reason}`);
    lines.push(`Throttled ${integer(account.throttles)} requests: ${reasons.join(', ')}.`);
  }
  const events = summary.async;
  if (events.queued > 0) {
    lines.push(
      `Async events: ${integer(events.queued)} queued, ${integer(events.succeeded)} succeeded, ${integer(events.failed)} failed, ${integer(events.expired)} expired, ${integer(events.dropped)} dropped; ${integer(events.retries)} retries, ${integer(events.throttledAttempts)} throttled attempts; ${integer(events.deadLetterMessages)} DLQ messages, ${integer(events.destinationRecords)} destination records.`,
    );
  }
  return lines;
}

function formatTable(functions: readonly FunctionSummary[]): string {
  const rows = [['', ...functions.map((fn) => fn.functionName)], ...ROWS.map(([label, cell]) => [label, ...functions.map(cell)])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '),
  );
  return lines.map((line) => line.trimEnd()).join('\n');
}

function formatCost(summary: RunSummary): string[] {
  const { costUsd } = summary.totals;
  const { pricing } = summary;
  const provisioned =
    costUsd.provisionedConcurrency > 0 || costUsd.provisionedDuration > 0
      ? `, provisioned concurrency ${formatUsd(costUsd.provisionedConcurrency)}, duration on provisioned environments ${formatUsd(costUsd.provisionedDuration)}`
      : '';
  return [
    `Total cost ${formatUsd(costUsd.total)}: requests ${formatUsd(costUsd.requests)}, duration ${formatUsd(costUsd.duration)}${provisioned}.`,
    `Prices are us-east-1 list prices without the free tier: $${pricing.requestUsdPerMillion.toFixed(2)} per million requests,`,
    `$${pricing.gbSecondUsd.x86_64} per GB-second on x86_64 and $${pricing.gbSecondUsd.arm64} on arm64; provisioned concurrency`,
    `$${pricing.provisionedConcurrencyGbSecondUsd.x86_64} (x86_64) or $${pricing.provisionedConcurrencyGbSecondUsd.arm64} (arm64) per GB-second enabled, in 5-minute steps,`,
    `plus $${pricing.provisionedDurationGbSecondUsd.x86_64} or $${pricing.provisionedDurationGbSecondUsd.arm64} per GB-second of duration on its environments.`,
    pricing.initBilled
      ? 'Init Duration is billed (the rule since 1 August 2025).'
      : 'Init Duration is not billed (the rule before 1 August 2025).',
  ];
}

function formatSimulatedTime(ms: number): string {
  if (ms < 1000) return `${milliseconds(ms)} ms`;
  const wholeMs = Math.round(ms);
  const minutes = Math.floor(wholeMs / 60_000);
  const seconds = ((wholeMs - minutes * 60_000) / 1000).toFixed(3);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds} s`;
}
