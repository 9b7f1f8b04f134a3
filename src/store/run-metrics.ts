/**
 * The metrics panel's figures: the engine's run summary of the trace up to the playhead, with
 * throttles by reason, spillover and provisioned invocations counted beside it, and the
 * duration cost at both architectures' prices.
 *
 * A summary walks the whole trace prefix, so callers recompute it at a bounded rate (see
 * `metricsRefreshIntervalMs`) rather than on every frame. The result is cached on its inputs.
 */
import type { Architecture } from '../engine/runtimes';
import { PRICES, RunSummaryBuilder, type RunSummary } from '../engine/summary';
import { tracePrefix, type ThrottleReason, type TraceEvent, type TraceInput } from '../engine/trace';
import type { Scenario } from '../scenario/schema';
import { toFunctionConfig, toSimulationSettings } from '../scenario/to-engine';

export const THROTTLE_REASONS: readonly ThrottleReason[] = [
  'ReservedFunctionConcurrentInvocationLimitExceeded',
  'ConcurrentInvocationLimitExceeded',
  'ScalingRateExceeded',
];

export interface RunMetrics {
  /** Simulated time the figures reach, in ms. */
  readonly upToMs: number;
  /** False while the figures still lag behind the requested time; a later call reads on. */
  readonly complete: boolean;
  readonly summary: RunSummary;
  /** Nearest-rank percentiles of Duration over every function, in ms; undefined before the first invocation ends. */
  readonly accountDurationMs: { readonly p50: number; readonly p99: number } | undefined;
}

/** Number of trace events at or before `timeMs`; the trace is in time order. */
export function countUpTo(input: TraceInput, timeMs: number): number {
  const { events, length } = tracePrefix(input);
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.time <= timeMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Returns nearest-rank percentiles of Duration over every function, or undefined before the first invocation ends. */
function durationPercentiles(summary: RunSummary, builder: RunSummaryBuilder): RunMetrics['accountDurationMs'] {
  const only = summary.functions.length === 1 ? summary.functions[0] : undefined;
  if (only) return only.durationMs && { p50: only.durationMs.p50, p99: only.durationMs.p99 };
  const durations = Float64Array.from(builder.durations()).sort();
  if (durations.length === 0) return undefined;
  const rank = (p: number) => durations[Math.max(0, Math.ceil((p / 100) * durations.length) - 1)]!;
  return { p50: rank(50), p99: rank(99) };
}

/** The summary of the trace seen last, read up to the metrics shown last. */
let cache:
  | { events: readonly TraceEvent[]; scenario: Scenario; builder: RunSummaryBuilder; metrics: RunMetrics | undefined }
  | undefined;

/**
 * Trace events one call of `runMetrics` reads at most: an estimated 15 ms of work on a 2-core
 * machine, well under a long task (50 ms). Moving the playhead back through a long run
 * summarizes it again over several calls.
 */
export const METRICS_EVENTS_PER_CALL = 100_000;

/**
 * Summarizes `scenario`'s run from the trace events up to `upToMs`. As the playhead moves on
 * through the same run, each call reads only the events it passed; moving it back starts over.
 * A call reads at most `eventsPerCall` events, and returns figures that are not `complete`
 * when more remain.
 */
export function runMetrics(input: TraceInput, upToMs: number, scenario: Scenario, eventsPerCall = METRICS_EVENTS_PER_CALL): RunMetrics {
  const { events } = tracePrefix(input);
  const requestedEnd = countUpTo(input, upToMs);
  // A trace only grows, so an equal first event means the same run.
  const sameRun = cache !== undefined && cache.scenario === scenario && (cache.events === events || (requestedEnd > 0 && cache.events[0] === events[0]));
  if (sameRun && cache!.builder.eventCount === requestedEnd && cache!.metrics?.upToMs === upToMs) return cache!.metrics;
  if (!sameRun || cache!.builder.eventCount > requestedEnd) {
    const builder = new RunSummaryBuilder(scenario.functions.map(toFunctionConfig), toSimulationSettings(scenario));
    cache = { events, scenario, builder, metrics: undefined };
  }
  const { builder } = cache!;
  const end = Math.min(requestedEnd, builder.eventCount + eventsPerCall);
  builder.update(events, end);
  const complete = end === requestedEnd;
  const reachedMs = complete ? upToMs : events[end - 1]!.time;
  // Provisioned concurrency is charged while it stays allocated, so up to the playhead.
  const summary = builder.result(reachedMs);
  const metrics: RunMetrics = { upToMs: reachedMs, complete, summary, accountDurationMs: durationPercentiles(summary, builder) };
  cache = { events, scenario, builder, metrics };
  return metrics;
}

/**
 * How often to recompute the metrics while playing, in real ms: a few times a second for
 * small runs, less often as the trace grows, so summarizing stays a small share of the time.
 */
export function metricsRefreshIntervalMs(traceLength: number): number {
  return Math.min(2000, Math.max(250, traceLength / 50));
}

/** Cost of a run's usage at one architecture's prices, in USD. */
export interface CostBreakdown {
  readonly requests: number;
  /** Duration on on-demand environments. */
  readonly duration: number;
  /** Duration on provisioned environments, at the provisioned duration price. */
  readonly provisionedDuration: number;
  /** Provisioned concurrency while enabled. */
  readonly provisionedConcurrency: number;
  readonly total: number;
}

export interface Usage {
  readonly invocations: number;
  /** Billed GB-seconds on every environment. */
  readonly gbSeconds: number;
  /** The part of `gbSeconds` on provisioned environments. */
  readonly provisionedDurationGbSeconds: number;
  /** Provisioned concurrency enabled, in GB-seconds. */
  readonly provisionedGbSeconds: number;
}

/** Prices `usage` at `architecture`'s list prices. */
export function costAt(usage: Usage, architecture: Architecture): CostBreakdown {
  const requests = (usage.invocations * PRICES.requestUsdPerMillion) / 1_000_000;
  const duration = (usage.gbSeconds - usage.provisionedDurationGbSeconds) * PRICES.gbSecondUsd[architecture];
  const provisionedDuration = usage.provisionedDurationGbSeconds * PRICES.provisionedDurationGbSecondUsd[architecture];
  const provisionedConcurrency = usage.provisionedGbSeconds * PRICES.provisionedConcurrencyGbSecondUsd[architecture];
  return { requests, duration, provisionedDuration, provisionedConcurrency, total: requests + duration + provisionedDuration + provisionedConcurrency };
}
