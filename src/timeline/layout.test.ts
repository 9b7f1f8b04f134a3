import { describe, expect, it } from 'vitest';
import { hitTest } from './hit-test';
import { computeLayout, contentY, DEFAULT_METRICS, pinnedRow, rowAt, visibleLaneRange } from './layout';
import { TimeScale } from './scale';
import { TimelineModel } from './spans';
import { TraceBuilder } from './testing/trace-builder';

const { headerHeight, laneHeight } = DEFAULT_METRICS;

function model(): TimelineModel {
  const trace = new TraceBuilder()
    .cold(0, 'fn#1', 'req-a', { platform: 100, init: 100, duration: 100 })
    .cold(500, 'fn#2', 'req-b', { platform: 100, init: 100, duration: 100 })
    .warm(1000, 'fn#1', 'req-c', 1);
  const result = new TimelineModel();
  result.update(trace.build());
  return result;
}

describe('computeLayout', () => {
  it('shows the lanes created by the playhead', () => {
    expect(computeLayout(model(), 100).rows[0]!.laneCount).toBe(1);
    expect(computeLayout(model(), 500).rows[0]!.laneCount).toBe(2);
  });

  it('hides a function before its first request', () => {
    expect(computeLayout(model(), -1).rows).toHaveLength(0);
  });

  it('stacks a header and the lanes', () => {
    const layout = computeLayout(model(), 2000);
    expect(layout.height).toBe(headerHeight + 2 * laneHeight);
  });
});

describe('rowAt', () => {
  const layout = computeLayout(model(), 2000);

  it('finds the header and the lanes', () => {
    expect(rowAt(layout, 1)?.kind).toBe('header');
    const lane = rowAt(layout, headerHeight + laneHeight + 1);
    expect(lane?.kind === 'lane' && lane.lane.envId).toBe('fn#2');
    expect(rowAt(layout, layout.height + 1)).toBeUndefined();
  });
});

describe('hitTest', () => {
  const scale = TimeScale.fromRange(0, 2000, 2000);
  const layout = computeLayout(model(), 2000);
  const laneY = headerHeight + laneHeight / 2;

  it('hits the INIT span under the pointer', () => {
    const hit = hitTest(layout, scale, 150, laneY, 2000);
    expect(hit?.kind === 'span' && hit.span.kind).toBe('init');
  });

  it('prefers a narrow invocation near the pointer over idle time', () => {
    // req-c lasts 1 ms (1 px) at 1000 ms; the pointer is 3 px to its right, over frozen time.
    const hit = hitTest(layout, scale, 1004, laneY, 2000);
    expect(hit?.kind === 'span' && hit.span.requestId).toBe('req-c');
  });

  it('misses spans after the playhead', () => {
    const hit = hitTest(layout, scale, 250, laneY, 120);
    expect(hit).toBeUndefined();
  });

  it('hits a request marker in the header', () => {
    const hit = hitTest(layout, scale, 501, 5, 2000);
    expect(hit?.kind === 'request' && hit.marker.requestId).toBe('req-b');
  });
});

/** A function with `lanes` environments created 1 ms apart, each serving one 100 ms request. */
function wideModel(lanes: number, throttles = 0): TimelineModel {
  const trace = new TraceBuilder('wide');
  for (let n = 0; n < lanes; n++) trace.cold(n, `wide#${n + 1}`, `req-${n}`, { platform: 50, init: 50, duration: 100 });
  for (let n = 0; n < throttles; n++) trace.throttle(lanes + n, `throttled-${n}`);
  const result = new TimelineModel();
  result.update(trace.build());
  return result;
}

describe('computeLayout at scale', () => {
  it('compacts lanes as their number grows', () => {
    expect(computeLayout(wideModel(3), 10_000).metrics.laneHeight).toBe(26);
    expect(computeLayout(wideModel(100), 10_000).metrics.laneHeight).toBe(14);
    const thousand = computeLayout(wideModel(1000), 10_000);
    expect(thousand.metrics.laneHeight).toBe(8);
    expect(thousand.height).toBe(headerHeight + 1000 * 8);
  });

  it('adds a throttle row once a throttle is reached', () => {
    const model = wideModel(2, 3);
    const before = computeLayout(model, 1);
    expect(before.rows[0]!.throttleCount).toBe(0);
    expect(before.rows[0]!.lanesTop).toBe(headerHeight);

    const after = computeLayout(model, 10_000);
    expect(after.rows[0]!.throttleCount).toBe(3);
    expect(after.rows[0]!.lanesTop).toBe(headerHeight + DEFAULT_METRICS.throttleHeight);
    expect(rowAt(after, headerHeight + 1)?.kind).toBe('throttles');
    expect(rowAt(after, after.rows[0]!.lanesTop + 1)?.kind).toBe('lane');
  });

  it('folds a collapsed function into one aggregate row', () => {
    const layout = computeLayout(wideModel(1000), 10_000, { collapsed: ['wide'] });
    const row = layout.rows[0]!;
    expect(row.collapsed).toBe(true);
    expect(row.laneCount).toBe(1000);
    expect(layout.height).toBe(headerHeight + DEFAULT_METRICS.aggregateHeight);
    expect(rowAt(layout, headerHeight + 5)?.kind).toBe('aggregate');
    // No expanded lanes are left, so the metrics return to full lanes.
    expect(layout.metrics.laneHeight).toBe(26);
  });

  it('finds rows of later groups', () => {
    const first = new TraceBuilder('a').cold(0, 'a#1', 'a-1', { platform: 10, init: 10, duration: 10 });
    const second = new TraceBuilder('b');
    for (let n = 0; n < 3; n++) second.cold(5, `b#${n + 1}`, `b-${n}`, { platform: 10, init: 10, duration: 10 });
    const model = new TimelineModel();
    model.update([...first.build(), ...second.build()].sort((x, y) => x.time - y.time));
    const layout = computeLayout(model, 1000);
    const secondTop = headerHeight + laneHeight;
    expect(layout.rows[1]!.top).toBe(secondTop);
    const hit = rowAt(layout, secondTop + headerHeight + 2 * laneHeight + 1);
    expect(hit?.kind).toBe('lane');
    expect(hit?.kind === 'lane' ? hit.lane.envId : undefined).toBe('b#3');
  });
});

describe('visibleLaneRange', () => {
  const layout = computeLayout(wideModel(1000), 10_000);
  const row = layout.rows[0]!;

  it('covers the lanes in the viewport at the top', () => {
    // 600 px of viewport: the 26 px header, then 574 / 8 = 71.75 lanes.
    expect(visibleLaneRange(layout, row, 0, 600)).toEqual({ first: 0, end: 72 });
  });

  it('follows a scroll offset', () => {
    const scrollY = headerHeight + 500 * 8 + 3;
    expect(visibleLaneRange(layout, row, scrollY, 600)).toEqual({ first: 500, end: 576 });
  });

  it('stops at the last lane', () => {
    expect(visibleLaneRange(layout, row, layout.height - 100, 600)).toEqual({ first: 987, end: 1000 });
  });

  it('is empty above or below the group and when collapsed', () => {
    expect(visibleLaneRange(layout, row, layout.height + 10, 600)).toEqual({ first: 0, end: 0 });
    const collapsed = computeLayout(wideModel(10), 10_000, { collapsed: ['wide'] });
    expect(visibleLaneRange(collapsed, collapsed.rows[0]!, 0, 600)).toEqual({ first: 0, end: 0 });
  });
});

describe('pinnedRow', () => {
  const layout = computeLayout(wideModel(1000), 10_000);

  it('pins the header of a group scrolled into its lanes', () => {
    expect(pinnedRow(layout, 0)).toBeUndefined();
    expect(pinnedRow(layout, 4000)?.group.functionName).toBe('wide');
  });

  it('maps the pinned header to the group header', () => {
    expect(contentY(layout, 5, 4000)).toBe(5);
    expect(rowAt(layout, contentY(layout, 5, 4000))?.kind).toBe('header');
    expect(contentY(layout, 100, 4000)).toBe(4100);
  });

  it('releases the header at the end of the group', () => {
    expect(pinnedRow(layout, layout.height - 10)).toBeUndefined();
  });
});
