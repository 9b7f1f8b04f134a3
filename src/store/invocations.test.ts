import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../timeline/testing/trace-builder';
import { environmentHistory, findInvocation, invocationRecords, requestCounts } from './invocations';

function coldThenWarm() {
  return new TraceBuilder('fn')
    .cold(0, 'fn#1', 'req-1', { platform: 150, init: 140, duration: 120 })
    .warm(500, 'fn#1', 'req-2', 80)
    .request(600, 'req-3')
    .reclaim(400_000, 'fn#1', 399_420)
    .build();
}

describe('invocation records', () => {
  it('lists requests in arrival order', () => {
    const records = invocationRecords(coldThenWarm());
    expect(records.map((record) => record.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
  });

  it('marks cold and warm starts', () => {
    const records = invocationRecords(coldThenWarm());
    expect(records[0]?.cold).toBe(true);
    expect(records[1]?.cold).toBe(false);
    expect(records[2]?.cold).toBeUndefined();
  });

  it('copies the invoke-end figures', () => {
    const record = findInvocation(coldThenWarm(), 'req-1')!;
    expect(record.envId).toBe('fn#1');
    expect(record.outcome).toBe('success');
    expect(record.durationMs).toBe(120);
    expect(record.billedDurationMs).toBe(120);
    expect(record.startedAt).toBe(290);
    expect(record.endedAt).toBe(410);
  });

  it('keeps a request without a response pending', () => {
    const record = findInvocation(coldThenWarm(), 'req-3')!;
    expect(record.outcome).toBe('pending');
    expect(record.durationMs).toBeUndefined();
  });

  it('returns the cached array for the same trace', () => {
    const trace = coldThenWarm();
    expect(invocationRecords(trace)).toBe(invocationRecords(trace));
  });

  it('counts received and ended requests', () => {
    expect(requestCounts(coldThenWarm())).toEqual({ received: 3, ended: 2 });
  });
});

describe('environment history', () => {
  it('describes the lifecycle in order', () => {
    const texts = environmentHistory(coldThenWarm(), 'fn#1').map((entry) => entry.text);
    expect(texts).toEqual([
      'Created (cold start)',
      'INIT started',
      'INIT ended after 140 ms',
      'INVOKE started (cold)',
      'INVOKE ended: success, 120 ms',
      'INVOKE started (warm)',
      'INVOKE ended: success, 80 ms',
      'Shut down after 6 min 39 s idle',
    ]);
  });

  it('ignores other environments', () => {
    expect(environmentHistory(coldThenWarm(), 'fn#2')).toEqual([]);
  });
});

describe('throttled and provisioned records', () => {
  function provisionedThenSpillover() {
    return new TraceBuilder('fn')
      .provisioned(0, 'fn#1', { platform: 100, init: 150 })
      .request(1000, 'req-1')
      .invoke(1000, 'fn#1', 'req-1', 200, false, 'success', { provisioned: true })
      .cold(1000, 'fn#2', 'req-2', { platform: 120, init: 140, duration: 200 })
      .throttle(1000, 'req-3')
      .build();
  }

  it('marks a throttled request with its throttle', () => {
    const record = findInvocation(provisionedThenSpillover(), 'req-3')!;
    expect(record.outcome).toBe('throttled');
    expect(record.throttle?.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(record.throttle?.statusCode).toBe(429);
    expect(record.endedAt).toBe(1000);
    expect(record.envId).toBeUndefined();
  });

  it('counts a throttled request as ended', () => {
    expect(requestCounts(new TraceBuilder('fn').throttle(0, 'req-1').build())).toEqual({ received: 1, ended: 1 });
  });

  it('marks provisioned invocations', () => {
    const record = findInvocation(provisionedThenSpillover(), 'req-1')!;
    expect(record.provisioned).toBe(true);
    expect(record.spillover).toBe(false);
  });

  it('describes a provisioned environment', () => {
    expect(environmentHistory(provisionedThenSpillover(), 'fn#1')[0]).toEqual({
      time: 0,
      text: 'Created for provisioned concurrency, initialized before traffic',
    });
  });
});
