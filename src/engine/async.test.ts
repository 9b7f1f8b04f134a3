import { describe, expect, it } from 'vitest';
import type { FunctionConfig, RequestInput, SimulationResources } from './model';
import { queueDepthSeries } from './queue-depth-series';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType } from './testing/trace-queries';
import type { TraceEvent } from './trace';

const RESOURCES: SimulationResources = {
  queues: [{ name: 'dlq' }, { name: 'failures' }, { name: 'successes' }],
  topics: [{ name: 'alerts', subscriptions: ['notify'] }],
};

interface Rows {
  readonly rows: number[];
}

/** Appends a row to a module-level list, then throws. */
const appendThenThrow: FunctionScript<Rows> = {
  init: () => ({ rows: [] }),
  invoke(_event, state, context) {
    state.rows.push(state.rows.length + 1);
    context.log(`rows ${state.rows.length}`);
    throw new Error(`boom after ${state.rows.length} rows`);
  },
};

const succeed: FunctionScript = { invoke: () => ({ durationMs: 10, response: { ok: true } }) };
const oneSecond: FunctionScript = { invoke: () => ({ durationMs: 1000, response: 'done' }) };

function run(
  functions: FunctionConfig[],
  scripts: Record<string, FunctionScript>,
  requests: RequestInput[],
  resources: SimulationResources = RESOURCES,
) {
  const sim = new Simulation(functions, testSettings({ resources }));
  const ids = requests.map((request) => sim.submit(request));
  const executor = new ScriptedExecutor(scripts);
  runScripted(sim, executor);
  return { sim, trace: sim.trace, ids, executor };
}

const asyncTo = (functionName: string, at = 0, event: unknown = { n: 1 }): RequestInput => ({ type: 'async', at, functionName, event });

function attemptsOf(trace: readonly TraceEvent[], requestId: string) {
  return eventsOfType(trace, 'invoke-start').filter((event) => event.requestId === requestId);
}

describe('asynchronous invocation: retries after function errors', () => {
  it('runs a failing event three times at about 0, 1 and 3 minutes with one request ID, then sends it to the DLQ', () => {
    const fn = testFunction({ name: 'fail', async: { deadLetter: { kind: 'sqs', name: 'dlq' } } });
    const { trace, ids } = run([fn], { fail: appendThenThrow }, [asyncTo('fail')]);
    const requestId = ids[0]!;

    const starts = attemptsOf(trace, requestId);
    expect(starts.map((start) => start.attempt)).toEqual([1, 2, 3]);
    expect(starts.every((start) => start.invocationType === 'Event')).toBe(true);
    // The first attempt waits for a cold start of a few hundred ms; the retries come 60 s and 120 s after each failure.
    const ends = eventsOfType(trace, 'invoke-end').filter((end) => end.requestId === requestId);
    expect(starts[0]!.time).toBeLessThan(2000);
    expect(starts[1]!.time - ends[0]!.time).toBe(60_000);
    expect(starts[2]!.time - ends[1]!.time).toBe(120_000);
    expect(starts[2]!.time).toBeGreaterThan(180_000);
    expect(starts[2]!.time).toBeLessThan(182_000);
    expect(new Set(starts.map((start) => start.envId)).size).toBe(1);

    // The environment stays warm between attempts, so its module-level list grows with each attempt.
    expect(ends.map((end) => end.error?.errorMessage)).toEqual(['boom after 1 rows', 'boom after 2 rows', 'boom after 3 rows']);

    const retries = eventsOfType(trace, 'async-retry-scheduled');
    expect(retries.map((retry) => [retry.reason, retry.delayMs])).toEqual([
      ['function-error', 60_000],
      ['function-error', 120_000],
    ]);

    const dlq = eventsOfType(trace, 'dlq-message');
    expect(dlq).toHaveLength(1);
    expect(dlq[0]!.target).toMatchObject({ kind: 'sqs', name: 'dlq', arn: 'arn:aws:sqs:us-east-1:123456789012:dlq' });
    expect(dlq[0]!.message).toEqual({
      body: '{"n":1}',
      messageAttributes: {
        RequestID: { DataType: 'String', StringValue: requestId },
        ErrorCode: { DataType: 'Number', StringValue: '200' },
        ErrorMessage: { DataType: 'String', StringValue: 'boom after 3 rows' },
      },
    });
    const done = eventsOfType(trace, 'async-done');
    expect(done).toEqual([expect.objectContaining({ requestId, outcome: 'retries-exhausted', attempts: 3, queueDepth: 0 })]);
  });

  it('runs a failing event once when retries are set to 0', () => {
    const fn = testFunction({ name: 'fail', async: { maximumRetryAttempts: 0, deadLetter: { kind: 'sqs', name: 'dlq' } } });
    const { trace } = run([fn], { fail: appendThenThrow }, [asyncTo('fail')]);
    expect(eventsOfType(trace, 'invoke-start')).toHaveLength(1);
    expect(eventsOfType(trace, 'async-retry-scheduled')).toHaveLength(0);
    expect(eventsOfType(trace, 'dlq-message')).toHaveLength(1);
  });

  it('answers the sender at once: the request is received as an Event and queued before it runs', () => {
    const { trace, ids } = run([testFunction({ name: 'ok' })], { ok: succeed }, [asyncTo('ok')]);
    expect(trace[0]).toMatchObject({ type: 'request-received', invocationType: 'Event', requestId: ids[0] });
    expect(trace[1]).toMatchObject({ type: 'async-queued', queueDepth: 1, trigger: { kind: 'invoke' } });
    expect(trace[2]).toMatchObject({ type: 'async-attempt', attempt: 1, queueDepth: 0 });
  });
});

describe('asynchronous invocation: dead-letter queue and destinations', () => {
  const config = (name: string): FunctionConfig =>
    testFunction({
      name,
      async: {
        maximumRetryAttempts: 0,
        deadLetter: { kind: 'sqs', name: 'dlq' },
        onFailure: { kind: 'sqs', name: 'failures' },
        onSuccess: { kind: 'sqs', name: 'successes' },
      },
    });

  it('sends a failing event to both the DLQ and the on-failure destination, each in its own format', () => {
    const { trace, ids } = run([config('fail')], { fail: appendThenThrow }, [asyncTo('fail', 0, { order: 7 })]);
    const [record] = eventsOfType(trace, 'destination-delivered');
    expect(record!.target.name).toBe('failures');
    expect(record!.condition).toBe('RetriesExhausted');
    expect(record!.record).toEqual({
      version: '1.0',
      timestamp: expect.stringMatching(/^2026-08-22T12:00:0\d\.\d{3}Z$/),
      requestContext: {
        requestId: ids[0],
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fail:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 1,
      },
      requestPayload: { order: 7 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'boom after 1 rows', trace: ['Error: boom after 1 rows'] },
    });
    const [message] = eventsOfType(trace, 'dlq-message');
    expect(message!.message.body).toBe('{"order":7}');
    expect(eventsOfType(trace, 'async-done')[0]!.routedTo.map((target) => target.name)).toEqual(['failures', 'dlq']);
  });

  it('sends a successful event only to the on-success destination', () => {
    const { trace } = run([config('ok')], { ok: succeed }, [asyncTo('ok')]);
    const records = eventsOfType(trace, 'destination-delivered');
    expect(records.map((r) => [r.target.name, r.condition])).toEqual([['successes', 'Success']]);
    expect(records[0]!.record.responsePayload).toEqual({ ok: true });
    expect(records[0]!.record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
    expect(eventsOfType(trace, 'dlq-message')).toHaveLength(0);
  });

  it('sends a synchronous failure nowhere', () => {
    const { trace } = run([config('fail')], { fail: appendThenThrow }, [{ at: 0, functionName: 'fail', event: {} }]);
    expect(eventsOfType(trace, 'invoke-end')[0]!.outcome).toBe('error');
    expect(eventsOfType(trace, 'destination-delivered')).toHaveLength(0);
    expect(eventsOfType(trace, 'dlq-message')).toHaveLength(0);
    expect(eventsOfType(trace, 'async-queued')).toHaveLength(0);
  });

  it('drops a failed event that has no failure target, and records the drop', () => {
    const fn = testFunction({ name: 'fail', async: { maximumRetryAttempts: 0 } });
    const { trace } = run([fn], { fail: appendThenThrow }, [asyncTo('fail')]);
    expect(eventsOfType(trace, 'async-dropped')).toEqual([expect.objectContaining({ reason: 'no-failure-target' })]);
    expect(eventsOfType(trace, 'async-done')[0]!.routedTo).toEqual([]);
  });

  it('invokes a function destination asynchronously with the record, linking the two request IDs', () => {
    const source = testFunction({ name: 'source', async: { maximumRetryAttempts: 0, onFailure: { kind: 'lambda', name: 'handler' } } });
    const handler = testFunction({ name: 'handler' });
    const seen: unknown[] = [];
    const { trace, ids } = run([source, handler], {
      source: appendThenThrow,
      handler: { invoke: (event) => (seen.push(event), { response: null }) },
    }, [asyncTo('source')]);
    const queued = eventsOfType(trace, 'async-queued').find((event) => event.functionName === 'handler')!;
    expect(queued.trigger).toEqual({ kind: 'destination', fromRequestId: ids[0], fromFunction: 'source', condition: 'RetriesExhausted' });
    expect(seen).toEqual([expect.objectContaining({ requestContext: expect.objectContaining({ requestId: ids[0] }) })]);
    expect(eventsOfType(trace, 'async-done').map((done) => [done.functionName, done.outcome])).toEqual([
      ['source', 'retries-exhausted'],
      ['handler', 'success'],
    ]);
  });

  it('fans a DLQ message out to the topic\'s subscribers with the attributes as SNS message attributes', () => {
    const fail = testFunction({ name: 'fail', async: { maximumRetryAttempts: 0, deadLetter: { kind: 'sns', name: 'alerts' } } });
    const seen: unknown[] = [];
    const { trace } = run([fail, testFunction({ name: 'notify' })], {
      fail: appendThenThrow,
      notify: { invoke: (event) => (seen.push(event), {}) },
    }, [asyncTo('fail')]);
    const [published] = eventsOfType(trace, 'service-event');
    expect(published).toMatchObject({ service: 'sns', resource: 'alerts', causedBy: { functionName: 'fail' } });
    const record = (seen[0] as { Records: { Sns: { Message: string; MessageAttributes: Record<string, unknown> } }[] }).Records[0]!;
    expect(record.Sns.Message).toBe('{"n":1}');
    expect(record.Sns.MessageAttributes['ErrorCode']).toEqual({ Type: 'Number', Value: '200' });
  });

  it('stops a destination loop after 16 invocations in one chain', () => {
    const loop = testFunction({ name: 'loop', async: { onSuccess: { kind: 'lambda', name: 'loop' } } });
    const { trace } = run([loop], { loop: succeed }, [asyncTo('loop')]);
    expect(eventsOfType(trace, 'invoke-start')).toHaveLength(16);
    expect(eventsOfType(trace, 'async-dropped')).toEqual([expect.objectContaining({ reason: 'recursive-loop' })]);
  });
});

describe('asynchronous invocation: throttles and concurrency', () => {
  it('runs all of 50 events at reserved concurrency 5, five at a time, and loses none', () => {
    const fn = testFunction({ name: 'work', reservedConcurrency: 5 });
    const requests = Array.from({ length: 50 }, (_, i) => asyncTo('work', 0, { i }));
    const { trace } = run([fn], { work: oneSecond }, requests);
    expect(eventsOfType(trace, 'invoke-end')).toHaveLength(50);
    expect(eventsOfType(trace, 'async-done').every((done) => done.outcome === 'success')).toBe(true);
    expect(eventsOfType(trace, 'throttled')).toHaveLength(0);
    const summary = summarize(trace, [fn], testSettings({ resources: RESOURCES }));
    expect(summary.functions[0]!.maxConcurrency).toBe(5);
    expect(summary.functions[0]!.async).toMatchObject({ queued: 50, succeeded: 50, failed: 0, expired: 0, dropped: 0, pending: 0 });
    // The queue drains as capacity frees up, in ten rounds of about a second. Only the event
    // that was throttled when the function filled up backs off (1 s, then 2 s, ...).
    const ends = eventsOfType(trace, 'invoke-end').map((end) => end.time);
    expect(Math.max(...ends)).toBeLessThan(20_000);
    expect(eventsOfType(trace, 'async-retry-scheduled').length).toBeGreaterThan(0);
    expect(eventsOfType(trace, 'async-retry-scheduled').every((retry) => retry.reason === 'throttle')).toBe(true);
    const depth = queueDepthSeries(trace).get('work')!;
    expect(depth.max).toBe(45);
    expect(depth.depth.at(-1)).toBe(0);
  });

  it('runs 20 simultaneous events at reserved concurrency 5 later, where 20 synchronous requests see 15 throttles', () => {
    const fn = testFunction({ name: 'work', reservedConcurrency: 5 });
    const asyncRun = run([fn], { work: oneSecond }, Array.from({ length: 20 }, () => asyncTo('work')));
    expect(eventsOfType(asyncRun.trace, 'invoke-end')).toHaveLength(20);
    expect(eventsOfType(asyncRun.trace, 'throttled')).toHaveLength(0);
    const syncRun = run([fn], { work: oneSecond }, Array.from({ length: 20 }, () => ({ at: 0, functionName: 'work', event: {} })));
    expect(eventsOfType(syncRun.trace, 'invoke-end')).toHaveLength(5);
    expect(eventsOfType(syncRun.trace, 'throttled')).toHaveLength(15);
  });

  it('backs a throttled event off from 1 s, doubling, until its maximum age, then sends it to the DLQ', () => {
    const fn = testFunction({
      name: 'slow',
      reservedConcurrency: 1,
      timeoutMs: 900_000,
      async: { maximumEventAgeMs: 60_000, deadLetter: { kind: 'sqs', name: 'dlq' } },
    });
    const slow: FunctionScript = { invoke: () => ({ durationMs: 800_000 }) };
    const { trace, ids } = run([fn], { slow }, [asyncTo('slow', 0, { first: true }), asyncTo('slow', 0, { second: true })]);
    const retries = eventsOfType(trace, 'async-retry-scheduled').filter((retry) => retry.requestId === ids[1]);
    expect(retries.every((retry) => retry.reason === 'throttle' && retry.throttle?.reason === 'ReservedFunctionConcurrentInvocationLimitExceeded')).toBe(true);
    expect(retries.map((retry) => retry.nextAttemptAt)).toEqual([1_000, 3_000, 7_000, 15_000, 31_000, 60_000]);
    const [expired] = eventsOfType(trace, 'async-expired');
    expect(expired).toMatchObject({ requestId: ids[1], time: 60_000, attempts: 0, maximumEventAgeMs: 60_000 });
    const [dlq] = eventsOfType(trace, 'dlq-message');
    expect(dlq!.message.messageAttributes.ErrorCode.StringValue).toBe('429');
    expect(eventsOfType(trace, 'async-done').find((done) => done.requestId === ids[1])!.outcome).toBe('event-age-exceeded');
  });

  it('drops an expired event without a failure target and shows the drop', () => {
    const fn = testFunction({ name: 'slow', reservedConcurrency: 1, timeoutMs: 900_000, async: { maximumEventAgeMs: 60_000 } });
    const { trace, ids } = run([fn], { slow: { invoke: () => ({ durationMs: 800_000 }) } }, [asyncTo('slow'), asyncTo('slow')]);
    expect(eventsOfType(trace, 'async-dropped')).toEqual([expect.objectContaining({ requestId: ids[1], reason: 'no-failure-target' })]);
  });

  it('sends events for a function with reserved concurrency 0 straight to the DLQ, without a run or a retry', () => {
    const fn = testFunction({ name: 'off', reservedConcurrency: 0, async: { deadLetter: { kind: 'sqs', name: 'dlq' }, onFailure: { kind: 'sqs', name: 'failures' } } });
    const { trace } = run([fn], { off: succeed }, [asyncTo('off')]);
    expect(eventsOfType(trace, 'invoke-start')).toHaveLength(0);
    expect(eventsOfType(trace, 'async-retry-scheduled')).toHaveLength(0);
    expect(eventsOfType(trace, 'dlq-message')).toHaveLength(1);
    expect(eventsOfType(trace, 'destination-delivered')[0]!.record.requestContext.approximateInvokeCount).toBe(0);
    expect(eventsOfType(trace, 'async-done')[0]).toMatchObject({ outcome: 'reserved-zero', attempts: 0, time: 0 });
  });
});

describe('asynchronous invocation: determinism', () => {
  it('gives the same trace for the same seed', () => {
    const fn = testFunction({ name: 'fail', reservedConcurrency: 2, async: { deadLetter: { kind: 'sqs', name: 'dlq' } } });
    const requests = Array.from({ length: 10 }, (_, i) => asyncTo('fail', i * 100, { i }));
    const first = run([fn], { fail: appendThenThrow }, requests).trace;
    const second = run([fn], { fail: appendThenThrow }, requests).trace;
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});
