import { describe, expect, it } from 'vitest';
import { activityColumns, markerColumns } from './density';
import { TimeScale } from './scale';
import { TimelineModel } from './spans';
import { TraceBuilder } from './testing/trace-builder';

describe('activityColumns', () => {
  // Two lanes: INIT 100 to 200 ms, then INVOKE to 300 ms (lane 1) and to 500 ms (lane 2).
  const trace = new TraceBuilder()
    .cold(0, 'fn#1', 'a', { platform: 100, init: 100, duration: 100 })
    .cold(0, 'fn#2', 'b', { platform: 100, init: 100, duration: 300 });
  const model = new TimelineModel();
  model.update(trace.build());
  const lanes = model.groups[0]!.lanes;
  // 10 ms per column.
  const scale = TimeScale.fromRange(0, 1000, 100);

  it('counts busy lanes per column', () => {
    const columns = activityColumns(lanes, 2, scale, 1000);
    expect(columns.busy[5]).toBe(2);
    expect(columns.initializing[5]).toBe(2);
    expect(columns.busy[25]).toBe(2);
    expect(columns.initializing[25]).toBe(0);
    expect(columns.busy[40]).toBe(1);
    expect(columns.busy[60]).toBe(0);
    expect(columns.max).toBe(2);
  });

  it('counts a lane once per column', () => {
    const back = new TraceBuilder()
      .cold(0, 'fn#1', 'a', { platform: 1, init: 1, duration: 3 })
      .warm(5, 'fn#1', 'b', 3)
      .warm(9, 'fn#1', 'c', 3);
    const single = new TimelineModel();
    single.update(back.build());
    // Three invocations within the first 10 ms column.
    const columns = activityColumns(single.groups[0]!.lanes, 1, scale, 1000);
    expect(columns.busy[0]).toBe(1);
    expect(columns.busy[1]).toBe(1);
    expect(columns.max).toBe(1);
  });

  it('stops at the playhead', () => {
    const columns = activityColumns(lanes, 2, scale, 250);
    expect(columns.busy[24]).toBe(2);
    expect(columns.busy[40]).toBe(0);
  });
});

describe('markerColumns', () => {
  const markers = [{ timeMs: 5 }, { timeMs: 7 }, { timeMs: 15 }, { timeMs: 995 }, { timeMs: 2000 }];
  const scale = TimeScale.fromRange(0, 1000, 100);

  it('counts markers per column in view', () => {
    const columns = markerColumns(markers, scale, 5000);
    expect(columns.counts[0]).toBe(2);
    expect(columns.counts[1]).toBe(1);
    expect(columns.counts[99]).toBe(1);
    expect(columns.total).toBe(4);
    expect(columns.max).toBe(2);
  });

  it('leaves out markers after the playhead', () => {
    expect(markerColumns(markers, scale, 10).total).toBe(2);
  });
});
