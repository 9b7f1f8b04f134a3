/**
 * The run summary: per-function and account figures derived from a trace, as the headless
 * runner prints them and the metrics panel shows them. A pure function of the trace, so the
 * same run always gives the same summary.
 */
import { AsyncSummaryBuilder, emptyAsyncSummary, type AsyncFunctionSummary, type AsyncTotals, type TargetSummary } from './async-summary';
import { DEFAULT_ACCOUNT_SETTINGS } from './concurrency-config';
import { ConcurrencySeriesBuilder } from './concurrency-series';
import { PROVISIONED_ALLOCATION_MS } from './limits';
import type { AccountSettings, FunctionConfig, SimulationResources, SimulationSettings } from './model';
import { PRICES, type CostUsd, type Pricing } from './pricing';
import type { Architecture, RuntimeId } from './runtimes';
import type { InvokeEnded, ThrottleReason, TraceEvent } from './trace';

export { PRICES, type CostUsd, type Pricing } from './pricing';
export type { AsyncFunctionSummary, AsyncTotals, TargetSummary } from './async-summary';

export interface DurationPercentiles {
  /** Nearest-rank percentiles of the REPORT line's Duration, in ms. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

export type ThrottleCounts = Readonly<Record<ThrottleReason, number>>;

export interface FunctionSummary {
  readonly functionName: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly memoryMb: number;
  /** Undefined when the function uses the unreserved pool. */
  readonly reservedConcurrency: number | undefined;
  readonly provisionedConcurrency: number;
  /** Requests that reached the service for this function. */
  readonly requests: number;
  /** Invocations that ran and ended: the billed request count. */
  readonly invocations: number;
  /** Invocations that waited for their environment's INIT. */
  readonly coldStarts: number;
  /** Cold starts per invocation, from 0 to 1 (0 when nothing was invoked). */
  readonly coldStartShare: number;
  /** INIT phases that ran: one per new environment, plus one per reset environment reused. */
  readonly inits: number;
  readonly environmentsCreated: number;
  /**
   * Invocations that ended in a function error, timeouts included, as the CloudWatch
   * `Errors` metric counts them.
   */
  readonly errors: number;
  readonly timeouts: number;
  /** Requests Lambda rejected with a throttle; they are neither invoked nor billed. */
  readonly throttles: number;
  readonly throttlesByReason: ThrottleCounts;
  /** Attempts of asynchronous events after a function error or timeout. */
  readonly retries: number;
  /** What happened to the function's asynchronous events. */
  readonly async: AsyncFunctionSummary;
  /** Invocations on provisioned environments. */
  readonly provisionedInvocations: number;
  /** Invocations on on-demand environments while the function had provisioned ones (`ProvisionedConcurrencySpilloverInvocations`). */
  readonly spilloverInvocations: number;
  /** Maximum number of environments busy with a request at the same simulated time. */
  readonly maxConcurrency: number;
  /** Undefined when nothing was invoked. */
  readonly durationMs: DurationPercentiles | undefined;
  /** Sum of Billed Duration over all invocations, in ms. */
  readonly billedDurationMs: number;
  /** Billed Duration times memory, in GB-seconds (memory in MB / 1,024), on every environment. */
  readonly gbSeconds: number;
  /** The part of `gbSeconds` on provisioned environments, billed at the provisioned duration price. */
  readonly provisionedDurationGbSeconds: number;
  /**
   * Provisioned concurrency charged: each provisioned environment's memory times the time
   * from enabling it to the end of the run, rounded up to 5 minutes, in GB-seconds.
   */
  readonly provisionedGbSeconds: number;
  readonly costUsd: CostUsd;
}

export interface AccountSummary {
  readonly concurrencyLimit: number;
  readonly unreservedMinimum: number;
  readonly scaling: AccountSettings['scaling'];
  /** Maximum number of environments busy with a request at the same time, all functions together. */
  readonly maxConcurrency: number;
  readonly throttles: number;
  readonly throttlesByReason: ThrottleCounts;
}

export interface RunSummary {
  /** Simulated time of the last trace event, in ms. */
  readonly endTimeMs: number;
  readonly functions: readonly FunctionSummary[];
  readonly account: AccountSummary;
  /** Asynchronous events of all functions together. */
  readonly async: AsyncTotals;
  /** Queues, topics, functions and event buses that received DLQ messages, records or messages. */
  readonly targets: readonly TargetSummary[];
  readonly totals: {
    readonly requests: number;
    readonly invocations: number;
    readonly coldStarts: number;
    readonly throttles: number;
    readonly spilloverInvocations: number;
    readonly billedDurationMs: number;
    readonly gbSeconds: number;
    readonly provisionedGbSeconds: number;
    readonly costUsd: CostUsd;
  };
  readonly pricing: Pricing & {
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
  throttles: Record<ThrottleReason, number>;
  provisionedInvocations: number;
  spilloverInvocations: number;
  durations: number[];
  billedDurationMs: number;
  gbSeconds: number;
  provisionedDurationGbSeconds: number;
  /** Creation times of provisioned environments still allocated, by environment ID. */
  provisionedSince: Map<string, number>;
  /** Milliseconds of provisioned concurrency charged, rounded per environment. */
  provisionedMs: number;
}

const noThrottles = (): Record<ThrottleReason, number> => ({
  ReservedFunctionConcurrentInvocationLimitExceeded: 0,
  ConcurrentInvocationLimitExceeded: 0,
  ScalingRateExceeded: 0,
});

const newTally = (): Tally => ({
  requests: 0,
  invocations: 0,
  coldStarts: 0,
  inits: 0,
  environmentsCreated: 0,
  errors: 0,
  timeouts: 0,
  throttles: noThrottles(),
  provisionedInvocations: 0,
  spilloverInvocations: 0,
  durations: [],
  billedDurationMs: 0,
  gbSeconds: 0,
  provisionedDurationGbSeconds: 0,
  provisionedSince: new Map(),
  provisionedMs: 0,
});

/** Summarizes a finished (or partial) run, one entry per function in `functions` order. */
export function summarize(
  trace: readonly TraceEvent[],
  functions: readonly FunctionConfig[],
  settings: SimulationSettings,
  resources: SimulationResources = settings.resources ?? {},
): RunSummary {
  return new RunSummaryBuilder(functions, settings, resources).update(trace).result();
}

/**
 * Summarizes a growing trace, reading each event once, so a view that shows the summary of a
 * long run as it plays costs only the new events at each refresh.
 */
export class RunSummaryBuilder {
  private readonly tallies: Map<string, Tally>;
  private readonly series = new ConcurrencySeriesBuilder();
  private readonly asyncSummary: AsyncSummaryBuilder;
  private readonly allocationMs: number;
  private processed = 0;
  private endTimeMs = 0;

  constructor(
    private readonly functions: readonly FunctionConfig[],
    private readonly settings: SimulationSettings,
    resources: SimulationResources = settings.resources ?? {},
  ) {
    this.tallies = new Map(functions.map((fn) => [fn.name, newTally()]));
    this.asyncSummary = new AsyncSummaryBuilder(resources);
    this.allocationMs = settings.provisionedAllocationMs ?? PROVISIONED_ALLOCATION_MS;
  }

  /** Number of trace events read so far. */
  get eventCount(): number {
    return this.processed;
  }

  /** Reads the events of `events` not read before, up to `length`; `events` must be the same growing trace each time. */
  update(events: readonly TraceEvent[], length = events.length): this {
    for (let i = this.processed; i < length; i++) {
      const event = events[i]!;
      if (event.type !== 'service-event') countEvent(this.tallyOf(event.functionName), event, this.allocationMs);
    }
    if (length > this.processed) this.endTimeMs = events[length - 1]!.time;
    this.series.update(events, length);
    this.asyncSummary.update(events, length);
    this.processed = Math.max(this.processed, length);
    return this;
  }

  /**
   * Returns the summary of the events read so far; later updates leave it as it is. Provisioned
   * environments still allocated are charged up to `untilMs`, by default the last event's time.
   */
  result(untilMs = this.endTimeMs): RunSummary {
    const { settings, endTimeMs } = this;
    const chargedUntilMs = Math.max(untilMs, endTimeMs);
    const series = this.series.result;
    const asyncSummaries = this.asyncSummary.result();
    const configs = new Map(this.functions.map((fn) => [fn.name, fn]));
    const summaries = [...this.tallies].map(([name, tally]) => {
      let provisionedMs = tally.provisionedMs;
      for (const created of tally.provisionedSince.values()) provisionedMs += provisionedChargeMs(created - this.allocationMs, chargedUntilMs);
      return toFunctionSummary(
        name,
        { ...tally, throttles: { ...tally.throttles }, provisionedMs },
        configs.get(name),
        series.functions.get(name)?.max ?? 0,
        asyncSummaries.functions.get(name) ?? emptyAsyncSummary(),
      );
    });
    const account = settings.account ?? DEFAULT_ACCOUNT_SETTINGS;
    const accountThrottles = noThrottles();
    for (const summary of summaries) {
      for (const reason of Object.keys(accountThrottles) as ThrottleReason[]) accountThrottles[reason] += summary.throttlesByReason[reason];
    }
    return {
      endTimeMs,
      functions: summaries,
      account: {
        concurrencyLimit: account.concurrencyLimit,
        unreservedMinimum: account.unreservedMinimum,
        scaling: account.scaling,
        maxConcurrency: series.account.max,
        throttles: summaries.reduce((total, summary) => total + summary.throttles, 0),
        throttlesByReason: accountThrottles,
      },
      async: asyncSummaries.totals,
      targets: asyncSummaries.targets,
      totals: sumTotals(summaries),
      pricing: { ...PRICES, initBilled: settings.initBilled, freeTierApplied: false },
    };
  }

  /** Returns the Duration of every invocation read so far, of all functions, in no set order. */
  durations(): number[] {
    return [...this.tallies.values()].flatMap((tally) => tally.durations);
  }

  private tallyOf(name: string): Tally {
    let tally = this.tallies.get(name);
    if (!tally) {
      tally = newTally();
      this.tallies.set(name, tally);
    }
    return tally;
  }
}

function countEvent(tally: Tally, event: TraceEvent, allocationMs: number): void {
  switch (event.type) {
    case 'request-received':
      tally.requests++;
      break;
    case 'env-created':
      tally.environmentsCreated++;
      if (event.provisioned) tally.provisionedSince.set(event.envId, event.time);
      break;
    case 'init-start':
      tally.inits++;
      break;
    case 'invoke-start':
      if (event.spillover) tally.spilloverInvocations++;
      break;
    case 'invoke-end':
      countInvocation(tally, event);
      break;
    case 'throttled':
      tally.throttles[event.reason]++;
      break;
    case 'env-reclaimed': {
      const created = tally.provisionedSince.get(event.envId);
      if (created !== undefined) {
        tally.provisionedSince.delete(event.envId);
        tally.provisionedMs += provisionedChargeMs(created - allocationMs, event.time);
      }
      break;
    }
    default:
      break;
  }
}

/**
 * Returns one provisioned environment's charged time: from enabling provisioned concurrency
 * (its creation minus the allocation delay) until it ended, rounded up to 5 minutes.
 * NOTE: the INIT of a provisioned environment is billed through this charge, which runs from
 * enabling; AWS states no separate duration charge for it.
 */
function provisionedChargeMs(enabledAt: number, endedAt: number): number {
  const increment = PRICES.provisionedBillingIncrementMs;
  return Math.max(increment, Math.ceil((endedAt - Math.max(0, enabledAt)) / increment) * increment);
}

function countInvocation(tally: Tally, event: InvokeEnded): void {
  tally.invocations++;
  if (event.cold) tally.coldStarts++;
  if (event.outcome !== 'success') tally.errors++;
  if (event.outcome === 'timeout') tally.timeouts++;
  tally.durations.push(event.durationMs);
  tally.billedDurationMs += event.billedDurationMs;
  const gbSeconds = (event.memoryMb / 1024) * (event.billedDurationMs / 1000);
  tally.gbSeconds += gbSeconds;
  if (event.provisioned) {
    tally.provisionedInvocations++;
    tally.provisionedDurationGbSeconds += gbSeconds;
  }
}

function toFunctionSummary(
  name: string,
  tally: Tally,
  config: FunctionConfig | undefined,
  maxConcurrency: number,
  asyncSummary: AsyncFunctionSummary,
): FunctionSummary {
  const architecture = config?.architecture ?? 'x86_64';
  const memoryMb = config?.memoryMb ?? 0;
  const provisionedGbSeconds = (memoryMb / 1024) * (tally.provisionedMs / 1000);
  const onDemandGbSeconds = tally.gbSeconds - tally.provisionedDurationGbSeconds;
  const requests = (tally.invocations * PRICES.requestUsdPerMillion) / 1_000_000;
  const duration = onDemandGbSeconds * PRICES.gbSecondUsd[architecture];
  const provisionedDuration = tally.provisionedDurationGbSeconds * PRICES.provisionedDurationGbSecondUsd[architecture];
  const provisionedConcurrency = provisionedGbSeconds * PRICES.provisionedConcurrencyGbSecondUsd[architecture];
  const throttles = Object.values(tally.throttles).reduce((total, n) => total + n, 0);
  return {
    functionName: name,
    runtime: config?.runtime ?? 'nodejs24.x',
    architecture,
    memoryMb,
    reservedConcurrency: config?.reservedConcurrency,
    provisionedConcurrency: config?.provisionedConcurrency ?? 0,
    requests: tally.requests,
    invocations: tally.invocations,
    coldStarts: tally.coldStarts,
    coldStartShare: tally.invocations === 0 ? 0 : tally.coldStarts / tally.invocations,
    inits: tally.inits,
    environmentsCreated: tally.environmentsCreated,
    errors: tally.errors,
    timeouts: tally.timeouts,
    throttles,
    throttlesByReason: tally.throttles,
    retries: asyncSummary.retries,
    async: asyncSummary,
    provisionedInvocations: tally.provisionedInvocations,
    spilloverInvocations: tally.spilloverInvocations,
    maxConcurrency,
    durationMs: percentiles(tally.durations),
    billedDurationMs: tally.billedDurationMs,
    gbSeconds: tally.gbSeconds,
    provisionedDurationGbSeconds: tally.provisionedDurationGbSeconds,
    provisionedGbSeconds,
    costUsd: {
      requests,
      duration,
      provisionedDuration,
      provisionedConcurrency,
      total: requests + duration + provisionedDuration + provisionedConcurrency,
    },
  };
}

function percentiles(values: readonly number[]): DurationPercentiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p90: rank(90), p99: rank(99) };
}

function sumTotals(summaries: readonly FunctionSummary[]): RunSummary['totals'] {
  const sum = (pick: (summary: FunctionSummary) => number) =>
    summaries.reduce((total, summary) => total + pick(summary), 0);
  return {
    requests: sum((s) => s.requests),
    invocations: sum((s) => s.invocations),
    coldStarts: sum((s) => s.coldStarts),
    throttles: sum((s) => s.throttles),
    spilloverInvocations: sum((s) => s.spilloverInvocations),
    billedDurationMs: sum((s) => s.billedDurationMs),
    gbSeconds: sum((s) => s.gbSeconds),
    provisionedGbSeconds: sum((s) => s.provisionedGbSeconds),
    costUsd: {
      requests: sum((s) => s.costUsd.requests),
      duration: sum((s) => s.costUsd.duration),
      provisionedDuration: sum((s) => s.costUsd.provisionedDuration),
      provisionedConcurrency: sum((s) => s.costUsd.provisionedConcurrency),
      total: sum((s) => s.costUsd.total),
    },
  };
}
