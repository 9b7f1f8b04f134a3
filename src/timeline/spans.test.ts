import { describe, expect, it } from 'vitest';
import { clipToPlayhead, firstSpanEndingAfter, lanesCreatedBy, spanAt, TimelineModel, type Span } from './spans';
import { TraceBuilder } from './testing/trace-builder';

const kinds = (spans: readonly Span[]) => spans.map((span) => span.kind);

function modelOf(trace: TraceBuilder): TimelineModel {
  const model = new TimelineModel();
  model.update(trace.build());
  return model;
}

describe('TimelineModel', () => {
  it('cold then warm shares one lane', () => {
    const model = modelOf(
      new TraceBuilder()
        .cold(0, 'fn#1', 'req-a', { platform: 150, init: 140, duration: 50 })
        .warm(1000, 'fn#1', 'req-b', 20),
    );
    const lanes = model.groups[0]!.lanes;
    expect(lanes).toHaveLength(1);
    const spans = lanes[0]!.spans;
    expect(kinds(spans)).toEqual(['platform', 'init', 'invoke', 'frozen', 'invoke', 'frozen']);
    expect(spans.filter((span) => span.kind === 'init')).toHaveLength(1);
    expect(spans.filter((span) => span.kind === 'invoke')).toHaveLength(2);
    expect(spans[1]).toMatchObject({ startMs: 150, endMs: 290, initDurationMs: 140, requestId: 'req-a' });
    expect(spans[2]).toMatchObject({ startMs: 290, endMs: 340, cold: true, outcome: 'success', requestId: 'req-a' });
    expect(spans[4]).toMatchObject({ startMs: 1000, endMs: 1020, cold: false, requestId: 'req-b' });
    expect(spans[5]!.endMs).toBeUndefined();
  });

  it('a request after a timeout runs INIT again on the same lane', () => {
    const model = modelOf(
      new TraceBuilder()
        .cold(0, 'fn#1', 'req-a', { platform: 100, init: 100, duration: 3000, outcome: 'timeout' })
        .reset(3200, 'fn#1', 'timeout')
        .request(5000, 'req-b')
        .initStart(5000, 'fn#1')
        .initEnd(5120, 'fn#1', 120)
        .invoke(5120, 'fn#1', 'req-b', 30, true),
    );
    const lanes = model.groups[0]!.lanes;
    expect(lanes).toHaveLength(1);
    const lane = lanes[0]!;
    expect(kinds(lane.spans)).toEqual(['platform', 'init', 'invoke', 'reset', 'init', 'invoke', 'frozen']);
    expect(lane.spans[2]!.outcome).toBe('timeout');
    expect(lane.resets).toEqual([{ timeMs: 3200, reason: 'timeout' }]);
    expect(lane.spans[4]!.requestId).toBe('req-b');
    expect(model.spansOfRequest('req-b').map((span) => span.kind)).toEqual(['init', 'invoke']);
  });

  it('three concurrent requests give three lanes', () => {
    const trace = new TraceBuilder();
    for (const n of [1, 2, 3]) trace.cold(0, `fn#${n}`, `req-${n}`, { platform: 100 + n, init: 140, duration: 50 });
    const model = modelOf(trace);
    const group = model.groups[0]!;
    expect(group.lanes.map((lane) => lane.envId)).toEqual(['fn#1', 'fn#2', 'fn#3']);
    expect(group.lanes.map((lane) => lane.ordinal)).toEqual([1, 2, 3]);
    expect(group.requests).toHaveLength(3);
  });

  it('reclaim ends a lane', () => {
    const model = modelOf(
      new TraceBuilder().cold(0, 'fn#1', 'req-a', { platform: 100, init: 100, duration: 100 }).reclaim(372_300, 'fn#1', 372_000),
    );
    const lane = model.groups[0]!.lanes[0]!;
    expect(lane.end).toEqual({ timeMs: 372_300, idleMs: 372_000, reason: 'idle' });
    expect(lane.spans.at(-1)).toMatchObject({ kind: 'frozen', startMs: 300, endMs: 372_300 });
  });

  it('groups lanes by function', () => {
    const trace = new TraceBuilder('a').cold(0, 'a#1', 'r1', { platform: 1, init: 1, duration: 1 }).build();
    const other = new TraceBuilder('b').cold(5, 'b#1', 'r2', { platform: 1, init: 1, duration: 1 }).build();
    const model = new TimelineModel();
    model.update([...trace, ...other].sort((x, y) => x.time - y.time));
    expect(model.groups.map((group) => group.functionName)).toEqual(['a', 'b']);
    expect(model.groups[1]!.lanes[0]!.ordinal).toBe(1);
  });

  it('a failed INIT is marked and resets the lane', () => {
    const model = modelOf(
      new TraceBuilder()
        .request(0, 'req-a')
        .initStart(100, 'fn#1')
        .initEnd(150, 'fn#1', 50, true)
        .reset(150, 'fn#1', 'init-error'),
    );
    const lane = model.groups[0]!.lanes[0]!;
    expect(kinds(lane.spans)).toEqual(['init', 'reset']);
    expect(lane.spans[0]!.initFailed).toBe(true);
    expect(lane.resets[0]!.reason).toBe('init-error');
  });
});

describe('incremental update', () => {
  it('applies only new events and keeps open spans open', () => {
    const events = new TraceBuilder()
      .cold(0, 'fn#1', 'req-a', { platform: 100, init: 100, duration: 100 })
      .warm(1000, 'fn#1', 'req-b', 50)
      .build();
    const model = new TimelineModel();
    const invokeStartIndex = events.findIndex((event) => event.type === 'invoke-start');
    model.update(events.slice(0, invokeStartIndex + 1));
    const versionBefore = model.version;
    const open = model.groups[0]!.lanes[0]!.spans.at(-1)!;
    expect(open).toMatchObject({ kind: 'invoke', endMs: undefined });

    model.update(events);
    expect(model.version).toBeGreaterThan(versionBefore);
    expect(model.eventCount).toBe(events.length);

    const whole = new TimelineModel();
    whole.update(events);
    expect(model.groups[0]!.lanes[0]!.spans).toEqual(whole.groups[0]!.lanes[0]!.spans);
  });

  it('keeps the version when nothing was added', () => {
    const events = new TraceBuilder().warm(0, 'fn#1', 'r', 5).build();
    const model = new TimelineModel();
    model.update(events);
    const version = model.version;
    model.update(events);
    expect(model.version).toBe(version);
  });

  it('rebuilds for a trace of a new run', () => {
    const model = new TimelineModel();
    model.update(new TraceBuilder().cold(0, 'fn#1', 'a', { platform: 1, init: 1, duration: 1 }).build());
    model.update(new TraceBuilder().cold(0, 'fn#7', 'b', { platform: 1, init: 1, duration: 1 }).build());
    expect(model.groups[0]!.lanes.map((lane) => lane.envId)).toEqual(['fn#7']);
    expect(model.spansOfRequest('a')).toEqual([]);
  });
});

describe('queries at a time', () => {
  const model = modelOf(
    new TraceBuilder()
      .cold(0, 'fn#1', 'req-a', { platform: 100, init: 100, duration: 100 })
      .warm(1000, 'fn#1', 'req-b', 50)
      .cold(1010, 'fn#2', 'req-c', { platform: 100, init: 100, duration: 100 }),
  );

  it('is busy during platform, INIT and INVOKE only', () => {
    expect(model.isBusyAt(50)).toBe(true);
    expect(model.isBusyAt(150)).toBe(true);
    expect(model.isBusyAt(299)).toBe(true);
    expect(model.isBusyAt(300)).toBe(false);
    expect(model.isBusyAt(999)).toBe(false);
    expect(model.isBusyAt(1000)).toBe(true);
  });

  it('finds the next event after a time', () => {
    expect(model.nextEventAfter(0)).toBe(100);
    expect(model.nextEventAfter(300)).toBe(1000);
    expect(model.nextEventAfter(1310)).toBeUndefined();
  });

  it('spanAt treats the end as exclusive', () => {
    const spans = model.groups[0]!.lanes[0]!.spans;
    expect(spanAt(spans, 200)?.kind).toBe('invoke');
    expect(spanAt(spans, 300)?.kind).toBe('frozen');
    expect(spanAt(spans, -1)).toBeUndefined();
    expect(spanAt(spans, 1_000_000)?.kind).toBe('frozen');
  });

  it('firstSpanEndingAfter skips spans left of the view', () => {
    const spans = model.groups[0]!.lanes[0]!.spans;
    expect(firstSpanEndingAfter(spans, 0)).toBe(0);
    expect(firstSpanEndingAfter(spans, 250)).toBe(2);
    expect(firstSpanEndingAfter(spans, 5000)).toBe(spans.length - 1);
  });

  it('counts lanes created by the playhead', () => {
    const lanes = model.groups[0]!.lanes;
    expect(lanesCreatedBy(lanes, 0)).toBe(1);
    expect(lanesCreatedBy(lanes, 1009)).toBe(1);
    expect(lanesCreatedBy(lanes, 1010)).toBe(2);
  });
});

describe('clipToPlayhead', () => {
  const span: Span = { kind: 'invoke', envId: 'e', startMs: 100, endMs: 200 };

  it('hides a span that starts after the playhead', () => {
    expect(clipToPlayhead(span, 99)).toBeUndefined();
  });

  it('cuts a span running at the playhead', () => {
    expect(clipToPlayhead(span, 150)).toEqual({ startMs: 100, endMs: 150 });
  });

  it('keeps a finished span whole', () => {
    expect(clipToPlayhead(span, 500)).toEqual({ startMs: 100, endMs: 200 });
  });

  it('draws an open span up to the playhead', () => {
    expect(clipToPlayhead({ ...span, endMs: undefined }, 400)).toEqual({ startMs: 100, endMs: 400 });
  });
});

describe('TimelineModel throttles and provisioned concurrency', () => {
  it('20 throttles give 20 markers in their group', () => {
    const trace = new TraceBuilder('limited');
    for (let n = 0; n < 5; n++) trace.cold(0, `limited#${n + 1}`, `ok-${n}`, { platform: 100, init: 100, duration: 1000 });
    for (let n = 0; n < 20; n++) trace.throttle(0, `throttled-${n}`);
    const other = new TraceBuilder('other').cold(10, 'other#1', 'other-a', { platform: 100, init: 100, duration: 10 });
    const model = new TimelineModel();
    model.update([...trace.build(), ...other.build()].sort((a, b) => a.time - b.time));

    const limited = model.groups.find((group) => group.functionName === 'limited')!;
    const unlimited = model.groups.find((group) => group.functionName === 'other')!;
    expect(limited.throttles).toHaveLength(20);
    expect(limited.throttles[0]).toMatchObject({
      timeMs: 0,
      requestId: 'throttled-0',
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      statusCode: 429,
      limit: 5,
    });
    expect(limited.lanes).toHaveLength(5);
    expect(unlimited.throttles).toHaveLength(0);
  });

  it('flags provisioned lanes and spillover invocations', () => {
    const trace = new TraceBuilder()
      .provisioned(0, 'fn#1', { platform: 100, init: 200 })
      .provisioned(0, 'fn#2', { platform: 120, init: 200 })
      .request(1000, 'req-a')
      .invoke(1000, 'fn#1', 'req-a', 50, false, 'success', { provisioned: true })
      .cold(1000, 'fn#3', 'req-b', { platform: 100, init: 100, duration: 50 });
    const model = modelOf(trace);
    const lanes = model.groups[0]!.lanes;
    expect(lanes.map((lane) => lane.provisioned)).toEqual([true, true, false]);
    expect(kinds(lanes[0]!.spans)).toEqual(['platform', 'init', 'frozen', 'invoke', 'frozen']);
    // INIT ran before any request, so no request claims it.
    expect(lanes[0]!.spans[1]!.requestId).toBeUndefined();
    expect(model.spansOfRequest('req-a').map((span) => span.kind)).toEqual(['invoke']);
  });

  it('marks an invocation that spilled over', () => {
    const model = modelOf(
      new TraceBuilder()
        .request(0, 'req-a')
        .invoke(0, 'fn#1', 'req-a', 50, false, 'success', { spillover: true })
        .request(100, 'req-b')
        .invoke(100, 'fn#1', 'req-b', 50, false),
    );
    const invokes = model.groups[0]!.lanes[0]!.spans.filter((span) => span.kind === 'invoke');
    expect(invokes.map((span) => span.spillover === true)).toEqual([true, false]);
  });
});
