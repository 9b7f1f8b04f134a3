/**
 * The concurrency chart's data: busy environments per function and for the account, bucketed
 * to the chart's pixel columns over the timeline's visible range, up to the playhead; and the
 * limit lines (account limit, each function's reserved and provisioned concurrency).
 *
 * The series are built incrementally from the growing trace, so each refresh reads only the
 * events added since the last one; bucketing reads only the changes inside the visible range.
 */
import { ConcurrencySeriesBuilder, concurrencyAt, type ConcurrencySeries } from '../engine/concurrency-series';
import { tracePrefix, type TraceEvent, type TraceInput } from '../engine/trace';
import type { Scenario } from '../scenario/schema';

export interface ChartLimit {
  readonly label: string;
  readonly value: number;
  readonly kind: 'account' | 'reserved' | 'provisioned';
  /** The function a reserved or provisioned line belongs to. */
  readonly functionName?: string;
}

export interface ChartData {
  /** Start of each pixel-column bucket, in simulated seconds. */
  readonly x: number[];
  /** Account-wide busy environments, the maximum within each bucket; null past the playhead. */
  readonly account: (number | null)[];
  /** Per function, in the scenario's function order. */
  readonly functions: readonly { readonly name: string; readonly values: (number | null)[] }[];
  readonly limits: readonly ChartLimit[];
  /** Highest value drawn (series and limits shown), for the y scale. */
  readonly peak: number;
}

/** Keeps a series builder in step with the session's trace, starting again for a new run. */
export class ConcurrencyTracker {
  private builder = new ConcurrencySeriesBuilder();
  private firstEvent: TraceEvent | undefined;
  private length = 0;

  update(input: TraceInput): this {
    const { events, length } = tracePrefix(input);
    // A new first event or a shorter trace means a new run.
    if (events[0] !== this.firstEvent || length < this.length) {
      this.builder = new ConcurrencySeriesBuilder();
      this.firstEvent = events[0];
    }
    this.builder.update(events, length);
    this.length = length;
    return this;
  }

  get series() {
    return this.builder.result;
  }
}

/** Returns the maximum of `series` in each of `count` buckets from `startMs`, `bucketMs` wide, and null from `untilMs` on. */
export function bucketMaxima(series: ConcurrencySeries, startMs: number, bucketMs: number, count: number, untilMs: number): (number | null)[] {
  const values: (number | null)[] = new Array<number | null>(count).fill(null);
  const { times, busy } = series;
  // Index of the first change after startMs. The value before it applies at startMs.
  let index = upperBound(times, startMs);
  let current = concurrencyAt(series, startMs);
  for (let bucket = 0; bucket < count; bucket++) {
    const bucketStart = startMs + bucket * bucketMs;
    if (bucketStart > untilMs) break;
    const bucketEnd = Math.min(bucketStart + bucketMs, untilMs);
    // Changes at the bucket's start set its first value.
    while (index < times.length && times[index]! <= bucketStart) current = busy[index++]!;
    let max = current;
    while (index < times.length && times[index]! < bucketEnd) {
      current = busy[index]!;
      max = Math.max(max, current);
      index++;
    }
    values[bucket] = max;
  }
  return values;
}

function upperBound(times: readonly number[], value: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Lists the limit lines of `scenario`: the account limit, then each function's reserved and provisioned concurrency. */
export function chartLimits(scenario: Scenario): ChartLimit[] {
  const limits: ChartLimit[] = [
    { label: `account limit ${scenario.settings.account.concurrencyLimit.toLocaleString('en-US')}`, value: scenario.settings.account.concurrencyLimit, kind: 'account' },
  ];
  for (const fn of scenario.functions) {
    if (fn.reservedConcurrency !== undefined) {
      limits.push({ label: `${fn.name} reserved ${fn.reservedConcurrency}`, value: fn.reservedConcurrency, kind: 'reserved', functionName: fn.name });
    }
    if (fn.provisionedConcurrency > 0) {
      limits.push({ label: `${fn.name} provisioned ${fn.provisionedConcurrency}`, value: fn.provisionedConcurrency, kind: 'provisioned', functionName: fn.name });
    }
  }
  return limits;
}

export interface ChartWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** Pixel columns of the plot; one bucket each. */
  readonly columns: number;
  readonly playheadMs: number;
}

/** Builds the chart data for `window` from the tracked series. */
export function chartData(tracker: ConcurrencyTracker, scenario: Scenario, window: ChartWindow): ChartData {
  const columns = Math.max(2, Math.round(window.columns));
  const bucketMs = (window.endMs - window.startMs) / columns;
  const x = Array.from({ length: columns }, (_, i) => (window.startMs + i * bucketMs) / 1000);
  const { account, functions } = tracker.series;
  const bucket = (series: ConcurrencySeries | undefined) =>
    series ? bucketMaxima(series, window.startMs, bucketMs, columns, window.playheadMs) : bucketMaxima(EMPTY_SERIES, window.startMs, bucketMs, columns, window.playheadMs);

  const accountValues = bucket(account);
  const functionValues = scenario.functions.map((fn) => ({ name: fn.name, values: bucket(functions.get(fn.name)) }));
  const limits = chartLimits(scenario);

  let peak = 1;
  for (const value of accountValues) if (value !== null && value > peak) peak = value;
  // The account limit is drawn only when the series come near it, so small runs stay readable.
  for (const limit of limits) if (limit.kind !== 'account' || limit.value <= peak * 1.5) peak = Math.max(peak, limit.value);
  return { x, account: accountValues, functions: functionValues, limits, peak };
}

const EMPTY_SERIES: ConcurrencySeries = { times: [], busy: [], max: 0 };
