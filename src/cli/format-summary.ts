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

const ROWS: ReadonlyArray<readonly [string, (fn: FunctionSummary) => string]> = [
  ['Runtime', (fn) => `${fn.runtime} ${fn.architecture}`],
  ['Memory', (fn) => `${integer(fn.memoryMb)} MB`],
  ['Requests', (fn) => integer(fn.requests)],
  ['Invocations', (fn) => integer(fn.invocations)],
  ['Cold starts', (fn) => integer(fn.coldStarts)],
  ['Environments created', (fn) => integer(fn.environmentsCreated)],
  ['Errors (incl. timeouts)', (fn) => integer(fn.errors)],
  ['Timeouts', (fn) => integer(fn.timeouts)],
  ['Throttles', (fn) => integer(fn.throttles)],
  ['Retries', (fn) => integer(fn.retries)],
  ['Max concurrency', (fn) => integer(fn.maxConcurrency)],
  ['Duration p50', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p50)} ms` : '-')],
  ['Duration p90', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p90)} ms` : '-')],
  ['Duration p99', (fn) => (fn.durationMs ? `${milliseconds(fn.durationMs.p99)} ms` : '-')],
  ['Billed duration', (fn) => `${integer(fn.billedDurationMs)} ms`],
  ['GB-seconds', (fn) => fn.gbSeconds.toLocaleString('en-US', { maximumFractionDigits: 6 })],
  ['Cost', (fn) => formatUsd(fn.costUsd.total)],
];

export function formatSummary(summary: RunSummary, run: RunDescription): string {
  const header = [
    `Scenario "${run.scenarioName}" (${run.scenarioPath}), seed ${run.seed}`,
    `Simulated ${formatSimulatedTime(summary.endTimeMs)}: ${integer(summary.totals.requests)} requests, ${integer(summary.totals.invocations)} invocations.`,
  ];
  return [...header, '', formatTable(summary.functions), '', ...formatCost(summary)].join('\n');
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
  return [
    `Total cost ${formatUsd(costUsd.total)}: requests ${formatUsd(costUsd.requests)}, duration ${formatUsd(costUsd.duration)}.`,
    `Prices are us-east-1 list prices without the free tier: $${pricing.requestUsdPerMillion.toFixed(2)} per million requests,`,
    `$${pricing.gbSecondUsd.x86_64} per GB-second on x86_64 and $${pricing.gbSecondUsd.arm64} on arm64.`,
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
