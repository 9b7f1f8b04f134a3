/**
 * The run summary: per-function figures derived from a trace, as the headless runner prints
 * them. A pure function of the trace, so the same run always gives the same summary.
 *
 * Prices are us-east-1 list prices in USD without the free tier (1 M requests and
 * 400,000 GB-s a month), taken from the AWS Lambda pricing page: $0.20 per million
 * requests, and per GB-second of billed duration $0.0000166667 on x86_64 and
 * $0.0000133334 on arm64 (the first pricing tier).
 */
import type { FunctionConfig, SimulationSettings } from './model';
import type { Architecture, RuntimeId } from './runtimes';
import type { TraceEvent } from './trace';

export const PRICES = {
  requestUsdPerMillion: 0.2,
  gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 },
} as const satisfies {
  requestUsdPerMillion: number;
  gbSecondUsd: Readonly<Record<Architecture, number>>;
};

export interface DurationPercentiles {
  /** Nearest-rank percentiles of the REPORT line's Duration, in ms. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

export interface CostUsd {
  readonly requests: number;
  readonly duration: number;
  readonly total: number;
}

export interface FunctionSummary {
  readonly functionName: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly memoryMb: number;
  /** Requests that reached the service for this function. */
  readonly requests: number;
  /** Invocations that ran and ended: the billed request count. */
  readonly invocations: number;
  /** Invocations that waited for their environment's INIT. */
  readonly coldStarts: number;
  /** INIT phases that ran: one per new environment, plus one per reset environment reused. */
  readonly inits: number;
  readonly environmentsCreated: number;
  /**
   * Invocations that ended in a function error, timeouts included, as the CloudWatch
   * `Errors` metric counts them.
   */
  readonly errors: number;
  readonly timeouts: number;
  readonly throttles: number;
  readonly retries: number;
  /** Maximum number of environments busy with a request at the same simulated time. */
  readonly maxConcurrency: number;
  /** Undefined when nothing was invoked. */
  readonly durationMs: DurationPercentiles | undefined;
  /** Sum of Billed Duration over all invocations, in ms. */
  readonly billedDurationMs: number;
  /** Billed Duration times memory, in GB-seconds (memory in MB / 1,024). */
  readonly gbSeconds: number;
  readonly costUsd: CostUsd;
}

export interface RunSummary {
  /** Simulated time of the last trace event, in ms. */
  readonly endTimeMs: number;
  readonly functions: readonly FunctionSummary[];
  readonly totals: {
    readonly requests: number;
    readonly invocations: number;
    readonly billedDurationMs: number;
    readonly gbSeconds: number;
    readonly costUsd: CostUsd;
  };
  readonly pricing: {
    readonly requestUsdPerMillion: number;
    readonly gbSecondUsd: Readonly<Record<Architecture, number>>;
    /** Whether Init Duration counted in Billed Duration in this run. */
    readonly initBilled: boolean;
    readonly freeTierApplied: false;
  };
}

interface Tally {
  requests: number;
  invocations: number;
  coldStarts: number;
  inits: number;
  environmentsCreated: number;
  errors: number;
  timeouts: number;
  durations: number[];
  billedDurationMs: number;
  gbSeconds: number;
  /** Busy environments and the simulated time each became busy. */
  busySince: Map<string, number>;
  /** Environments that became busy and idle again at the current simulated time. */
  transient: number;
  maxConcurrency: number;
}

const newTally = (): Tally => ({
  requests: 0,
  invocations: 0,
  coldStarts: 0,
  inits: 0,
  environmentsCreated: 0,
  errors: 0,
  timeouts: 0,
  durations: [],
  billedDurationMs: 0,
  gbSeconds: 0,
  busySince: new Map(),
  transient: 0,
  maxConcurrency: 0,
});

/** Summarizes a finished (or partial) run, one entry per function in `functions` order. */
export function summarize(
  trace: readonly TraceEvent[],
  functions: readonly FunctionConfig[],
  settings: SimulationSettings,
): RunSummary {
  const tallies = new Map<string, Tally>(functions.map((fn) => [fn.name, newTally()]));
  const tallyOf = (name: string): Tally => {
    let tally = tallies.get(name);
    if (!tally) {
      tally = newTally();
      tallies.set(name, tally);
    }
    return tally;
  };

  countEvents(trace, tallyOf);

  const configs = new Map(functions.map((fn) => [fn.name, fn]));
  const summaries = [...tallies].map(([name, tally]) => toFunctionSummary(name, tally, configs.get(name)));
  return {
    endTimeMs: trace.at(-1)?.time ?? 0,
    functions: summaries,
    totals: sumTotals(summaries),
    pricing: { ...PRICES, initBilled: settings.initBilled, freeTierApplied: false },
  };
}

function countEvents(trace: readonly TraceEvent[], tallyOf: (name: string) => Tally): void {
  // Concurrency is read after all events at one simulated time are applied, so a request
  // that starts on one environment as another ends at the same instant does not count twice.
  const touched = new Set<Tally>();
  const settle = () => {
    for (const tally of touched) {
      tally.maxConcurrency = Math.max(tally.maxConcurrency, tally.busySince.size + tally.transient);
      tally.transient = 0;
    }
    touched.clear();
  };

  trace.forEach((event, index) => {
    const tally = tallyOf(event.functionName);
    switch (event.type) {
      case 'request-received':
        tally.requests++;
        break;
      case 'env-created':
        tally.environmentsCreated++;
        markBusy(tally, event.envId, event.time);
        break;
      case 'init-start':
        tally.inits++;
        markBusy(tally, event.envId, event.time);
        break;
      case 'invoke-start':
        markBusy(tally, event.envId, event.time);
        break;
      case 'invoke-end':
        countInvocation(tally, event);
        markIdle(tally, event.envId, event.time);
        break;
      case 'env-reclaimed':
        markIdle(tally, event.envId, event.time);
        break;
      case 'init-end':
      case 'env-reset':
        break;
    }
    touched.add(tally);
    if (trace[index + 1]?.time !== event.time) settle();
  });
}

function markBusy(tally: Tally, envId: string, time: number): void {
  if (!tally.busySince.has(envId)) tally.busySince.set(envId, time);
}

function markIdle(tally: Tally, envId: string, time: number): void {
  // An invocation that took no simulated time still occupied its environment at that instant.
  if (tally.busySince.get(envId) === time) tally.transient++;
  tally.busySince.delete(envId);
}

function countInvocation(tally: Tally, event: Extract<TraceEvent, { type: 'invoke-end' }>): void {
  tally.invocations++;
  if (event.cold) tally.coldStarts++;
  if (event.outcome !== 'success') tally.errors++;
  if (event.outcome === 'timeout') tally.timeouts++;
  tally.durations.push(event.durationMs);
  tally.billedDurationMs += event.billedDurationMs;
  tally.gbSeconds += (event.memoryMb / 1024) * (event.billedDurationMs / 1000);
}

function toFunctionSummary(name: string, tally: Tally, config: FunctionConfig | undefined): FunctionSummary {
  const architecture = config?.architecture ?? 'x86_64';
  const requestsUsd = (tally.invocations * PRICES.requestUsdPerMillion) / 1_000_000;
  const durationUsd = tally.gbSeconds * PRICES.gbSecondUsd[architecture];
  return {
    functionName: name,
    runtime: config?.runtime ?? 'nodejs24.x',
    architecture,
    memoryMb: config?.memoryMb ?? 0,
    requests: tally.requests,
    invocations: tally.invocations,
    coldStarts: tally.coldStarts,
    inits: tally.inits,
    environmentsCreated: tally.environmentsCreated,
    errors: tally.errors,
    timeouts: tally.timeouts,
    // NOTE: the engine records no throttles or retries yet (synchronous requests only, no
    // concurrency limits), so both are 0 until their trace events exist.
    throttles: 0,
    retries: 0,
    maxConcurrency: tally.maxConcurrency,
    durationMs: percentiles(tally.durations),
    billedDurationMs: tally.billedDurationMs,
    gbSeconds: tally.gbSeconds,
    costUsd: { requests: requestsUsd, duration: durationUsd, total: requestsUsd + durationUsd },
  };
}

function percentiles(values: readonly number[]): DurationPercentiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p90: rank(90), p99: rank(99) };
}

function sumTotals(summaries: readonly FunctionSummary[]): RunSummary['totals'] {
  const sum = (pick: (summary: FunctionSummary) => number) =>
    summaries.reduce((total, summary) => total + pick(summary), 0);
  return {
    requests: sum((s) => s.requests),
    invocations: sum((s) => s.invocations),
    billedDurationMs: sum((s) => s.billedDurationMs),
    gbSeconds: sum((s) => s.gbSeconds),
    costUsd: {
      requests: sum((s) => s.costUsd.requests),
      duration: sum((s) => s.costUsd.duration),
      total: sum((s) => s.costUsd.total),
    },
  };
}
