import { describe, expect, it } from 'vitest';
import { computeLayout, DEFAULT_METRICS, hitTest, rowAt } from './layout';
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
