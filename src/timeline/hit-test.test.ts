import { describe, expect, it } from 'vitest';
import { activityAt, hitTest, type Hit } from './hit-test';
import { computeLayout, DEFAULT_METRICS } from './layout';
import { TimeScale } from './scale';
import { TimelineModel } from './spans';
import { TraceBuilder } from './testing/trace-builder';

const { headerHeight, throttleHeight, laneHeight } = DEFAULT_METRICS;

/** Reserved concurrency 5: five 1 s invocations at 0, and throttles at 0, 400 and 900 ms. */
function throttledModel(): TimelineModel {
  const trace = new TraceBuilder('limited');
  for (let n = 0; n < 5; n++) trace.cold(0, `limited#${n + 1}`, `ok-${n}`, { platform: 100, init: 100, duration: 1000 });
  trace.throttle(0, 'late-0').throttle(400, 'late-1').throttle(900, 'late-2');
  const model = new TimelineModel();
  model.update(trace.build());
  return model;
}

/** Narrows `hit` to `kind`, failing the test when it is something else. */
function expectKind<Kind extends Hit['kind']>(hit: Hit | undefined, kind: Kind): Extract<Hit, { kind: Kind }> {
  expect(hit?.kind).toBe(kind);
  return hit as Extract<Hit, { kind: Kind }>;
}

describe('hitTest', () => {
  const scale = TimeScale.fromRange(0, 2000, 2000);
  const model = throttledModel();
  const layout = computeLayout(model, 2000);
  const throttleY = headerHeight + throttleHeight / 2;

  it('hits a throttle marker in the throttle row', () => {
    const hit = expectKind(hitTest(layout, scale, 402, throttleY, 2000), 'throttle');
    expect(hit.marker.requestId).toBe('late-1');
    expect(hit.marker.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  it('misses between throttle markers', () => {
    expect(hitTest(layout, scale, 650, throttleY, 2000)).toBeUndefined();
  });

  it('misses a throttle after the playhead', () => {
    expect(hitTest(layout, scale, 900, throttleY, 800)).toBeUndefined();
  });

  it('hits lanes below the throttle row', () => {
    const hit = expectKind(hitTest(layout, scale, 700, headerHeight + throttleHeight + laneHeight / 2, 2000), 'span');
    expect(hit.span.requestId).toBe('ok-0');
  });

  it('hits the function label to fold it', () => {
    const hit = expectKind(hitTest(layout, scale, -40, headerHeight / 2, 2000), 'group');
    expect(hit.row.group.functionName).toBe('limited');
  });

  it('reports activity on an aggregate row', () => {
    const collapsed = computeLayout(model, 2000, { collapsed: ['limited'] });
    const hit = hitTest(collapsed, scale, 150, headerHeight + throttleHeight + 10, 2000);
    expect(hit).toMatchObject({ kind: 'aggregate', busy: 5, initializing: 5 });
  });
});

describe('activityAt', () => {
  it('counts busy and initialising lanes', () => {
    const lanes = throttledModel().groups[0]!.lanes;
    expect(activityAt(lanes, lanes.length, 50)).toEqual({ busy: 5, initializing: 5 });
    expect(activityAt(lanes, lanes.length, 700)).toEqual({ busy: 5, initializing: 0 });
    expect(activityAt(lanes, 2, 700)).toEqual({ busy: 2, initializing: 0 });
    expect(activityAt(lanes, lanes.length, 1500)).toEqual({ busy: 0, initializing: 0 });
  });
});
