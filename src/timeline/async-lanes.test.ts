import { describe, expect, it } from 'vitest';
import { eventPath } from './event-path';
import { hitTest } from './hit-test';
import { computeLayout, DEFAULT_METRICS, targetTop } from './layout';
import { TimeScale } from './scale';
import { TimelineModel } from './spans';
import { DLQ, failingEventTrace } from './testing/async-trace';

const REQUEST = 'req-async-1';
const END = 200_000;

function modelOf(dlq: boolean): TimelineModel {
  const model = new TimelineModel();
  model.update(failingEventTrace(REQUEST, { dlq }));
  return model;
}

describe('async lanes of a failing event', () => {
  it('gives the function a queue lane', () => {
    const group = modelOf(true).groups[0]!;
    const queue = group.queue!;
    expect(queue.waits.map((wait) => [wait.reason, wait.startMs, wait.endMs])).toEqual([
      ['queued', 0, 0],
      ['function-error', 260, 60_260],
      ['function-error', 60_270, 180_270],
    ]);
    expect(queue.maxDepth).toBe(1);
    expect(queue.depths.at(-1)).toBe(0);
  });

  it('numbers the three INVOKE spans 1 to 3', () => {
    const lane = modelOf(true).groups[0]!.lanes[0]!;
    const invokes = lane.spans.filter((span) => span.kind === 'invoke');
    expect(invokes.map((span) => span.attempt)).toEqual([1, 2, 3]);
    expect(invokes.every((span) => span.requestId === REQUEST)).toBe(true);
  });

  it('gives the DLQ one lane with one message', () => {
    const targets = modelOf(true).groups[0]!.targets;
    expect(targets).toHaveLength(1);
    expect(targets[0]!.target.arn).toBe(DLQ.arn);
    expect(targets[0]!.marks.map((mark) => [mark.kind, mark.requestId])).toEqual([['dlq', REQUEST]]);
  });

  it('marks a drop when there is no DLQ', () => {
    const group = modelOf(false).groups[0]!;
    expect(group.targets).toHaveLength(0);
    expect(group.queue!.exits.map((exit) => [exit.kind, exit.dropReason])).toEqual([['dropped', 'no-failure-target']]);
  });

  it('builds the selected path with labelled waits', () => {
    const path = eventPath(modelOf(true), REQUEST)!;
    expect(path.points.map((point) => point.place.kind)).toEqual(['queue', 'env', 'env', 'env', 'target']);
    expect(path.edges.map((edge) => edge.label)).toEqual([
      '',
      'function error · retry after 1 min',
      'function error · retry after 2 min',
      '',
    ]);
  });

  it('ends the path at the drop without a DLQ', () => {
    const path = eventPath(modelOf(false), REQUEST)!;
    expect(path.points.at(-1)!.place.kind).toBe('queue');
    expect(path.edges.at(-1)!.label).toBe('dropped');
  });

  it('has no path for an unknown request', () => {
    expect(eventPath(modelOf(true), 'other')).toBeUndefined();
  });
});

describe('async rows in the layout', () => {
  it('puts the queue and DLQ lanes above the environments', () => {
    const layout = computeLayout(modelOf(true), END);
    const row = layout.rows[0]!;
    expect(row.queueShown).toBe(true);
    expect(row.targetCount).toBe(1);
    expect(row.asyncTop).toBe(DEFAULT_METRICS.headerHeight);
    expect(row.lanesTop).toBe(DEFAULT_METRICS.headerHeight + DEFAULT_METRICS.queueHeight + DEFAULT_METRICS.targetHeight);
  });

  it('hides the DLQ lane before its first message', () => {
    const row = computeLayout(modelOf(true), 100_000).rows[0]!;
    expect(row.queueShown).toBe(true);
    expect(row.targetCount).toBe(0);
  });

  it('hits the DLQ message and the queue wait', () => {
    const model = modelOf(true);
    const layout = computeLayout(model, END);
    const row = layout.rows[0]!;
    const scale = TimeScale.fromRange(0, 200_000, 1000);
    const dlqHit = hitTest(layout, scale, scale.timeToX(180_280), targetTop(layout, row, 0) + 5, END);
    expect(dlqHit?.kind === 'target-mark' && dlqHit.mark.requestId).toBe(REQUEST);
    const waitHit = hitTest(layout, scale, scale.timeToX(100_000), row.asyncTop + 5, END);
    expect(waitHit?.kind === 'queue-wait' && waitHit.wait.reason).toBe('function-error');
  });
});
