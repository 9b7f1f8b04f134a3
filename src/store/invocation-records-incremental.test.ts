import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/trace';
import { TraceBuilder } from '../timeline/testing/trace-builder';
import { findInvocation, invocationRecords, latestInvocations, requestCounts } from './invocations';

function trace() {
  return new TraceBuilder('fn')
    .cold(0, 'fn#1', 'req-1', { platform: 150, init: 140, duration: 120 })
    .warm(500, 'fn#1', 'req-2', 80)
    .throttle(550, 'req-3')
    .request(600, 'req-4')
    .build();
}

describe('invocation records of a growing trace', () => {
  it('match a fresh derivation at every length', () => {
    const whole = trace();
    for (let length = 0; length <= whole.length; length++) {
      const grown = invocationRecords(whole.slice(0, length));
      // A copy of the events is a different run to the index, so it derives from scratch.
      const fresh = invocationRecords(whole.slice(0, length).map((event) => ({ ...event })));
      expect(grown).toEqual(fresh);
    }
  });

  it('keep unchanged records and replace changed ones', () => {
    const whole = trace();
    const endOfFirst = whole.findIndex((event) => event.type === 'invoke-end') + 1;
    const before = invocationRecords(whole.slice(0, endOfFirst + 1));
    const after = invocationRecords(whole.slice(0, whole.length));
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[0]?.outcome).toBe('success');
    const secondBefore = before.find((record) => record.requestId === 'req-2');
    const secondAfter = after.find((record) => record.requestId === 'req-2');
    expect(secondAfter).not.toBe(secondBefore);
    expect(secondBefore?.outcome).toBe('pending');
    expect(secondAfter?.outcome).toBe('success');
  });

  it('mark a throttled request', () => {
    const records = invocationRecords(trace());
    const throttled = records.find((record) => record.requestId === 'req-3');
    expect(throttled?.outcome).toBe('throttled');
    expect(throttled?.throttle?.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  it('start over for another run', () => {
    invocationRecords(trace());
    const other = new TraceBuilder('other').request(0, 'other-1').build();
    expect(invocationRecords(other).map((record) => record.requestId)).toEqual(['other-1']);
  });

  it('build the logs only when read', () => {
    const records = invocationRecords(trace());
    const descriptor = Object.getOwnPropertyDescriptor(records[0], 'logs');
    expect(descriptor?.get).toBeDefined();
    expect(Array.isArray(records[0]?.logs)).toBe(true);
  });
});

describe('invocation records of a trace prefix', () => {
  it('read only the events within the prefix', () => {
    const events = trace();
    const start = events.findIndex((event) => event.type === 'invoke-start' && event.requestId === 'req-2');
    const prefix = { events, length: start + 1 };
    expect(findInvocation(prefix, 'req-2')?.outcome).toBe('pending');
    expect(findInvocation(prefix, 'req-4')).toBeUndefined();
    expect(findInvocation({ events, length: events.length }, 'req-2')?.outcome).toBe('success');
  });

  it('list the newest first up to the limit', () => {
    const events = trace();
    const { latest, total } = latestInvocations({ events, length: events.length }, 2);
    expect(total).toBe(4);
    expect(latest.map((record) => record.requestId)).toEqual(['req-4', 'req-3']);
  });

  it('keep unread logs unread when a record changes again', () => {
    const events: TraceEvent[] = new TraceBuilder('fn').cold(0, 'fn#1', 'req-1', { platform: 150, init: 140, duration: 120 }).build();
    events.push({ type: 'async-done', time: 500, requestId: 'req-1', functionName: 'fn', outcome: 'success', attempts: 1, routedTo: [], queueDepth: 0 });
    const record = findInvocation(events, 'req-1');
    expect(record?.asyncOutcome).toBe('success');
    expect(Object.getOwnPropertyDescriptor(record, 'logs')?.get).toBeDefined();
  });
});

describe('request counts of a growing trace', () => {
  it('match a fresh count at every length', () => {
    const whole = trace();
    for (let length = 0; length <= whole.length; length++) {
      const grown = requestCounts(whole.slice(0, length));
      const fresh = requestCounts(whole.slice(0, length).map((event) => ({ ...event })));
      expect(grown).toEqual(fresh);
    }
    expect(requestCounts(whole)).toEqual({ received: 4, ended: 3 });
  });
});
