/**
 * The metrics panel's figures: the engine's run summary of the trace up to the playhead, with
 * throttles by reason, spillover and provisioned invocations counted beside it, and the
 * duration cost at both architectures' prices.
 *
 * A summary walks the whole trace prefix, so callers recompute it at a bounded rate (see
 * `metricsRefreshIntervalMs`) rather than on every frame; the result is cached on its inputs.
 */
import type { Architecture } from '../engine/runtimes';
import { PRICES, summarize, type RunSummary } from '../engine/summary';
import type { ThrottleReason, TraceEvent } from '../engine/trace';
import type { Scenario } from '../scenario/schema';
import { toFunctionConfig, toSimulationSettings } from '../scenario/to-engine';

export const THROTTLE_REASONS: readonly ThrottleReason[] = [
  'ReservedFunctionConcurrentInvocationLimitExceeded',
  'ConcurrentInvocationLimitExceeded',
  'ScalingRateExceeded',
];

export interface ExtraCounts {
  throttlesByReason: Record<ThrottleReason, number>;
  /** Invocations on on-demand environments of a function with provisioned concurrency. */
  spillover: number;
  /** Invocations on provisioned environments. */
  provisioned: number;
}

export interface AccountFigures {
  /** Most requests in flight at once in the account, from a cold start's environment creation or a warm start to the invocation's end. */
  readonly maxConcurrency: number;
  /** Nearest-rank percentiles of Duration over every function, in ms; undefined before the first invocation ends. */
  readonly durationMs: { readonly p50: number; readonly p99: number } | undefined;
}

export interface RunMetrics {
  /** Simulated time the figures reach, in ms. */
  readonly upToMs: number;
  readonly summary: RunSummary;
  /** By function name, plus `''` for all functions together. */
  readonly extra: ReadonlyMap<string, ExtraCounts>;
  readonly account: AccountFigures;
}

const newCounts = (): ExtraCounts => ({
  throttlesByReason: {
    ReservedFunctionConcurrentInvocationLimitExceeded: 0,
    ConcurrentInvocationLimitExceeded: 0,
    ScalingRateExceeded: 0,
  },
  spillover: 0,
  provisioned: 0,
});

/** Number of trace events at or before `timeMs`; the trace is in time order. */
export function countUpTo(trace: readonly TraceEvent[], timeMs: number): number {
  let low = 0;
  let high = trace.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (trace[middle]!.time <= timeMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

function accountFigures(trace: readonly TraceEvent[], end: number): AccountFigures {
  const durations: number[] = [];
  let inFlight = 0;
  let max = 0;
  for (let i = 0; i < end; i++) {
    const event = trace[i]!;
    if ((event.type === 'env-created' && event.requestId !== undefined) || (event.type === 'invoke-start' && !event.cold)) inFlight++;
    else if (event.type === 'invoke-end') {
      inFlight--;
      durations.push(event.durationMs);
    }
    // Read after every event at one time is applied, so a hand-over at one instant counts once.
    if (trace[i + 1]?.time !== event.time) max = Math.max(max, inFlight);
  }
  if (durations.length === 0) return { maxConcurrency: max, durationMs: undefined };
  durations.sort((a, b) => a - b);
  const rank = (p: number) => durations[Math.max(0, Math.ceil((p / 100) * durations.length) - 1)]!;
  return { maxConcurrency: max, durationMs: { p50: rank(50), p99: rank(99) } };
}

function countExtras(trace: readonly TraceEvent[], end: number): Map<string, ExtraCounts> {
  const counts = new Map<string, ExtraCounts>([['', newCounts()]]);
  const countsOf = (name: string) => {
    let entry = counts.get(name);
    if (!entry) counts.set(name, (entry = newCounts()));
    return entry;
  };
  const all = counts.get('')!;
  for (let i = 0; i < end; i++) {
    const event = trace[i]!;
    if (event.type === 'throttled') {
      countsOf(event.functionName).throttlesByReason[event.reason]++;
      all.throttlesByReason[event.reason]++;
    } else if (event.type === 'invoke-start') {
      if (event.spillover) {
        countsOf(event.functionName).spillover++;
        all.spillover++;
      }
      if (event.provisioned) {
        countsOf(event.functionName).provisioned++;
        all.provisioned++;
      }
    }
  }
  return counts;
}

let cache: { trace: readonly TraceEvent[]; end: number; scenario: Scenario; metrics: RunMetrics } | undefined;

/** The metrics of `scenario`'s run from the trace events up to `upToMs`. */
export function runMetrics(trace: readonly TraceEvent[], upToMs: number, scenario: Scenario): RunMetrics {
  const end = countUpTo(trace, upToMs);
  // Snapshots copy a grown trace, so equal length and first event mean the same prefix.
  if (cache && cache.scenario === scenario && cache.end === end && (cache.trace === trace || (end > 0 && cache.trace[0] === trace[0]))) {
    return cache.metrics;
  }
  const prefix = end === trace.length ? trace : trace.slice(0, end);
  const summary = summarize(prefix, scenario.functions.map(toFunctionConfig), toSimulationSettings(scenario));
  const metrics: RunMetrics = { upToMs, summary, extra: countExtras(trace, end), account: accountFigures(trace, end) };
  cache = { trace, end, scenario, metrics };
  return metrics;
}

/**
 * How often to recompute the metrics while playing, in real ms: a few times a second for
 * small runs, less often as the trace grows, so summarizing stays a small share of the time.
 */
export function metricsRefreshIntervalMs(traceLength: number): number {
  return Math.min(2000, Math.max(250, traceLength / 50));
}

/** Duration cost in USD of `gbSeconds` at each architecture's list price. */
export function durationCostByArchitecture(gbSeconds: number): Record<Architecture, number> {
  return { x86_64: gbSeconds * PRICES.gbSecondUsd.x86_64, arm64: gbSeconds * PRICES.gbSecondUsd.arm64 };
}

export const REQUEST_PRICE_USD_PER_MILLION = PRICES.requestUsdPerMillion;
