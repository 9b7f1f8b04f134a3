/**
 * Depth of each function's asynchronous event queue over time, derived from a trace for the
 * queue lane: the events waiting to run or waiting for a retry after each simulated time at
 * which the depth changed. Every queue event in the trace carries the depth after it, so the
 * series needs no state beyond the last value. The builder reads a growing trace
 * incrementally, like `ConcurrencySeriesBuilder`.
 */
import type { TraceEvent } from './trace';

export interface QueueDepthSeries {
  /** Simulated times in ms at which the depth changed, ascending. */
  readonly times: readonly number[];
  /** Events in the queue from `times[i]` until `times[i + 1]`. */
  readonly depth: readonly number[];
  /** Most events in the queue at one time. */
  readonly max: number;
}

class DepthBuilder implements QueueDepthSeries {
  readonly times: number[] = [];
  readonly depth: number[] = [];
  max = 0;

  set(time: number, depth: number): void {
    if (depth > this.max) this.max = depth;
    const last = this.times.length - 1;
    if (last >= 0 && this.times[last] === time) {
      // The last event at one time settles the value; drop the point if it changed nothing.
      if (last >= 1 && this.depth[last - 1] === depth) {
        this.times.pop();
        this.depth.pop();
      } else {
        this.depth[last] = depth;
      }
      return;
    }
    if (last >= 0 && this.depth[last] === depth) return;
    if (last < 0 && depth === 0) return;
    this.times.push(time);
    this.depth.push(depth);
  }
}

/** Builds queue depth series from a trace that may keep growing; see `queueDepthSeries`. */
export class QueueDepthSeriesBuilder {
  private readonly functions = new Map<string, DepthBuilder>();
  private processed = 0;

  /** Reads the events of `trace` not read before; `trace` must be the same growing trace each time. */
  update(trace: readonly TraceEvent[]): this {
    for (let i = this.processed; i < trace.length; i++) {
      const event = trace[i]!;
      switch (event.type) {
        case 'async-queued':
        case 'async-attempt':
        case 'async-retry-scheduled':
        case 'async-expired':
        case 'async-done':
          this.seriesOf(event.functionName).set(event.time, event.queueDepth);
          break;
        default:
          break;
      }
    }
    this.processed = trace.length;
    return this;
  }

  /** One series per function that had an asynchronous event, in order of first appearance. */
  get result(): ReadonlyMap<string, QueueDepthSeries> {
    return this.functions;
  }

  private seriesOf(functionName: string): DepthBuilder {
    let series = this.functions.get(functionName);
    if (series === undefined) {
      series = new DepthBuilder();
      this.functions.set(functionName, series);
    }
    return series;
  }
}

/** Derives the queue depth series of a whole trace, one per function with asynchronous events. */
export function queueDepthSeries(trace: readonly TraceEvent[]): ReadonlyMap<string, QueueDepthSeries> {
  return new QueueDepthSeriesBuilder().update(trace).result;
}

/** Returns the depth of `series` at simulated time `time` (ms). */
export function queueDepthAt(series: QueueDepthSeries, time: number): number {
  const { times, depth } = series;
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (times[middle]! <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? 0 : depth[found]!;
}
