import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { TraceBuilder } from '../timeline/testing/trace-builder';
import { bucketMaxima, chartData, chartLimits, ConcurrencyTracker } from './concurrency-chart';

const scenario = scenarioSchema.parse({
  version: 1,
  functions: [
    { name: 'fn', code: 'export const handler = async () => 1;', reservedConcurrency: 5, provisionedConcurrency: 2 },
    { name: 'other', code: 'export const handler = async () => 1;' },
  ],
});

function threeOverlapping() {
  return new TraceBuilder('fn')
    .cold(0, 'fn#1', 'r1', { platform: 100, init: 100, duration: 800 })
    .cold(0, 'fn#2', 'r2', { platform: 100, init: 100, duration: 300 })
    .cold(0, 'fn#3', 'r3', { platform: 100, init: 100, duration: 300 })
    .build()
    .sort((a, b) => a.time - b.time);
}

describe('concurrency chart data', () => {
  it('buckets the maximum per column', () => {
    const series = new ConcurrencyTracker().update(threeOverlapping()).series.account;
    // Busy 3 from 0 to 500 ms, then 1 until 1,000 ms.
    expect(bucketMaxima(series, 0, 250, 5, 10_000)).toEqual([3, 3, 1, 1, 0]);
  });

  it('leaves the buckets after the playhead empty', () => {
    const series = new ConcurrencyTracker().update(threeOverlapping()).series.account;
    expect(bucketMaxima(series, 0, 250, 5, 600)).toEqual([3, 3, 1, null, null]);
  });

  it('keeps the maximum of a short peak inside a bucket', () => {
    const trace = new TraceBuilder('fn').cold(100, 'fn#1', 'r1', { platform: 10, init: 10, duration: 5 }).build();
    const series = new ConcurrencyTracker().update(trace).series.account;
    expect(bucketMaxima(series, 0, 1000, 1, 5000)).toEqual([1]);
  });

  it('restarts for a new run', () => {
    const tracker = new ConcurrencyTracker();
    tracker.update(threeOverlapping());
    tracker.update(new TraceBuilder('fn').cold(0, 'fn#9', 'r9', { platform: 1, init: 1, duration: 1 }).build());
    expect(tracker.series.account.max).toBe(1);
  });

  it('lists the account, reserved and provisioned limits', () => {
    expect(chartLimits(scenario)).toEqual([
      { label: 'account limit 1,000', value: 1000, kind: 'account' },
      { label: 'fn reserved 5', value: 5, kind: 'reserved', functionName: 'fn' },
      { label: 'fn provisioned 2', value: 2, kind: 'provisioned', functionName: 'fn' },
    ]);
  });

  it('gives every function a series and scales to the limits near the data', () => {
    const tracker = new ConcurrencyTracker().update(threeOverlapping());
    const data = chartData(tracker, scenario, { startMs: 0, endMs: 1000, columns: 4, playheadMs: 1000 });
    expect(data.x).toEqual([0, 0.25, 0.5, 0.75]);
    expect(data.functions.map((fn) => fn.name)).toEqual(['fn', 'other']);
    expect(data.functions[0]!.values).toEqual([3, 3, 1, 1]);
    expect(data.functions[1]!.values).toEqual([0, 0, 0, 0]);
    expect(data.peak).toBe(5);
  });
});
