import type { EventBridgeEvent, S3Event, ScheduledEvent, SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { eventBridgeEvent, snsEvent } from '../engine/event-shapes';
import { Simulation } from '../engine/simulation';
import { runScripted, ScriptedExecutor } from '../engine/testing/scripted-executor';
import { eventsOfType } from '../engine/testing/trace-queries';
import { checkScheduleExpression, scheduleFireTimes } from './schedule';
import { toFunctionConfig, toRequests, toSimulationSettings } from './to-engine';
import { validateScenario } from './validate';

const CODE = 'export const handler = async () => "ok";';
const EPOCH = Date.parse('2026-01-01T09:00:00Z');

function scenario(extra: Record<string, unknown>) {
  return { version: 1, functions: [{ name: 'f', code: CODE }, { name: 'g', code: CODE }], ...extra };
}

function issuesOf(input: unknown): string[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

/** Runs a scenario with scripted handlers that record the events they receive. */
function runAndCollect(input: unknown) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  const sim = new Simulation(result.scenario.functions.map(toFunctionConfig), toSimulationSettings(result.scenario));
  for (const request of toRequests(result.scenario)) sim.submit(request);
  const received: { fn: string; event: unknown }[] = [];
  const record = (fn: string) => ({ invoke: (event: unknown) => (received.push({ fn, event }), {}) });
  runScripted(sim, new ScriptedExecutor({ f: record('f'), g: record('g') }));
  return { trace: sim.trace, received };
}

describe('schedule expressions', () => {
  it('fires a rate schedule every period from the start', () => {
    expect(scheduleFireTimes('rate(5 minutes)', EPOCH, 20 * 60_000, 100)).toEqual([300_000, 600_000, 900_000, 1_200_000]);
    expect(scheduleFireTimes('rate(1 hour)', EPOCH, 3 * 3_600_000, 100)).toEqual([3_600_000, 7_200_000, 10_800_000]);
  });

  it('fires a cron schedule at its UTC times relative to the start', () => {
    // 09:00 UTC on Thursday 1 January 2026: every 15 minutes, then weekdays at noon.
    expect(scheduleFireTimes('cron(0/15 * * * ? *)', EPOCH, 3_600_000, 100)).toEqual([0, 900_000, 1_800_000, 2_700_000, 3_600_000]);
    const noon = scheduleFireTimes('cron(0 12 ? * MON-FRI *)', EPOCH, 5 * 86_400_000, 100).map((at) => new Date(EPOCH + at).toISOString());
    expect(noon).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-02T12:00:00.000Z', '2026-01-05T12:00:00.000Z']);
    // Day-of-week numbers run from 1 (Sunday) to 7 (Saturday), as in AWS.
    const sundays = scheduleFireTimes('cron(30 8 ? * 1 *)', EPOCH, 14 * 86_400_000, 100).map((at) => new Date(EPOCH + at).toISOString());
    expect(sundays).toEqual(['2026-01-04T08:30:00.000Z', '2026-01-11T08:30:00.000Z']);
  });

  it.each([
    ['rate(1 minutes)', 'A rate of 1 takes the singular unit: rate(1 minute).'],
    ['rate(5 minute)', 'A rate above 1 takes the plural unit: rate(5 minutes).'],
    ['rate(0 minutes)', 'The rate must be a whole number of 1 or more.'],
    ['rate(5 weeks)', 'Write rate(value unit)'],
    ['cron(0 12 * * *)', 'has 5 fields; an EventBridge cron expression has 6'],
    ['cron(0 12 * * MON *)', 'Exactly one of day-of-month and day-of-week must be "?"'],
    ['cron(0 12 ? * ? *)', 'Exactly one of day-of-month and day-of-week must be "?"'],
    ['cron(61 12 * * ? *)', 'Fields are minutes (0-59)'],
    ['every 5 minutes', 'is neither rate(...) nor cron(...)'],
  ])('rejects %s with a message naming the fix', (expression, fix) => {
    const problem = checkScheduleExpression(expression);
    expect(problem).toContain(`"${expression}"`);
    expect(problem).toContain(fix);
  });

  it('reports a bad schedule at its path in the scenario', () => {
    const issues = issuesOf(scenario({ rules: [{ name: 'tick', schedule: 'rate(1 minutes)', targets: ['f'] }] }));
    expect(issues).toEqual(['rules[0].schedule: Schedule "rate(1 minutes)" is invalid. A rate of 1 takes the singular unit: rate(1 minute).']);
  });

  it('invokes the rule\'s targets with a Scheduled Event at each firing', () => {
    const { trace, received } = runAndCollect(
      scenario({ rules: [{ name: 'tick', schedule: 'rate(1 minute)', scheduleUntilMs: 180_000, targets: ['f'] }] }),
    );
    expect(eventsOfType(trace, 'service-event').map((event) => event.time)).toEqual([60_000, 120_000, 180_000]);
    const event = received[0]!.event as ScheduledEvent;
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2026-01-01T09:01:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/tick'],
      detail: {},
    });
  });
});

describe('async settings and resources in a scenario', () => {
  it('names the range of retries and event age', () => {
    const issues = issuesOf(scenario({ functions: [{ name: 'f', code: CODE, async: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 30 } }] }));
    expect(issues).toEqual([
      'functions[0].async.maximumRetryAttempts: Maximum retry attempts 3 is out of range. Choose a whole number from 0 to 2.',
      'functions[0].async.maximumEventAgeSeconds: Maximum event age 30 s is out of range. Choose a whole number of seconds from 60 to 21,600 (6 hours).',
    ]);
  });

  it('names a missing dead-letter queue and destination', () => {
    const issues = issuesOf(
      scenario({
        queues: [{ name: 'dlq' }],
        functions: [{ name: 'f', code: CODE, async: { deadLetterQueue: { type: 'sqs', name: 'dql' }, onSuccess: { type: 'lambda', name: 'h' } } }],
      }),
    );
    expect(issues).toEqual([
      'functions[0].async.deadLetterQueue.name: The dead-letter queue of "f" names queue "dql", which the scenario does not define. Use one of: dlq.',
      'functions[0].async.onSuccess.name: The on-success destination of "f" names function "h", which the scenario does not define. Use one of: f.',
    ]);
  });

  it('rejects a dead-letter queue that is neither a queue nor a topic', () => {
    const issues = issuesOf(scenario({ functions: [{ name: 'f', code: CODE, async: { deadLetterQueue: { type: 'lambda', name: 'g' } } }] }));
    expect(issues[0]).toContain('A dead-letter queue is "sqs" (a queue) or "sns" (a topic).');
  });

  it('names an unknown traffic type and a missing bucket', () => {
    expect(issuesOf(scenario({ traffic: [{ type: 'kinesis', at: 0 }] }))[0]).toContain('Traffic type "kinesis" is not offered.');
    expect(issuesOf(scenario({ traffic: [{ type: 's3', at: 0, bucket: 'photos', operation: 'put', key: 'a.jpg' }] }))).toEqual([
      'traffic[0].bucket: Traffic entry 0 names bucket "photos", which the scenario does not define. The scenario defines no buckets; add one to buckets.',
    ]);
  });
});

describe('event shapes that services send', () => {
  it('sends an S3 notification with the bucket, the URL-encoded key, size, ETag and sequencer', () => {
    const { received, trace } = runAndCollect(
      scenario({
        buckets: [{ name: 'photos', notifications: [{ events: ['ObjectCreated:*'], function: 'f', suffix: '.jpg' }, { events: ['ObjectRemoved:*'], function: 'g' }] }],
        traffic: [
          { type: 's3', at: 0, bucket: 'photos', operation: 'put', key: 'uploads/my cat.jpg', size: 2048 },
          { type: 's3', at: 10, bucket: 'photos', operation: 'put', key: 'notes.txt', size: 5 },
          { type: 's3', at: 20, bucket: 'photos', operation: 'delete', key: 'uploads/my cat.jpg' },
        ],
      }),
    );
    expect(received.map((r) => r.fn).sort()).toEqual(['f', 'g']);
    const put = received.find((r) => r.fn === 'f')!.event as S3Event;
    const record = put.Records[0]!;
    expect(record).toMatchObject({ eventVersion: '2.1', eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', awsRegion: 'us-east-1' });
    expect(record.s3.bucket).toMatchObject({ name: 'photos', arn: 'arn:aws:s3:::photos' });
    expect(record.s3.object).toMatchObject({ key: 'uploads/my+cat.jpg', size: 2048 });
    expect(record.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
    const removed = (received.find((r) => r.fn === 'g')!.event as S3Event).Records[0]!;
    expect(removed.eventName).toBe('ObjectRemoved:Delete');
    expect(removed.s3.object).not.toHaveProperty('size');
    expect(eventsOfType(trace, 'service-event').map((event) => event.targets.length)).toEqual([1, 0, 1]);
  });

  it('sends an SNS message to every subscriber', () => {
    const { received } = runAndCollect(
      scenario({
        topics: [{ name: 'orders', subscriptions: ['f', 'g'] }],
        traffic: [{ type: 'sns', at: 0, topic: 'orders', message: '{"id":1}', subject: 'New order' }],
      }),
    );
    expect(received.map((r) => r.fn).sort()).toEqual(['f', 'g']);
    const event = received[0]!.event as SNSEvent;
    const record = event.Records[0]!;
    expect(record.EventSource).toBe('aws:sns');
    expect(record.Sns).toMatchObject({ Type: 'Notification', Message: '{"id":1}', Subject: 'New order', TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders' });
    expect(record.Sns.MessageId).toBe((received[1]!.event as SNSEvent).Records[0]!.Sns.MessageId);
  });

  it('sends an EventBridge event to the targets of the rules it matches', () => {
    const { received } = runAndCollect(
      scenario({
        eventBuses: [{ name: 'shop' }],
        rules: [
          { name: 'placed', eventBus: 'shop', eventPattern: { source: ['shop.orders'], 'detail-type': ['OrderPlaced'] }, targets: ['f'] },
          { name: 'any-shop', eventBus: 'shop', eventPattern: { source: ['shop.orders'] }, targets: ['g'] },
        ],
        traffic: [
          { type: 'eventbridge', at: 0, eventBus: 'shop', source: 'shop.orders', detailType: 'OrderPlaced', detail: { id: 7 } },
          { type: 'eventbridge', at: 10, eventBus: 'shop', source: 'shop.orders', detailType: 'OrderShipped', detail: { id: 7 } },
        ],
      }),
    );
    expect(received.map((r) => r.fn).sort()).toEqual(['f', 'g', 'g']);
    const event = received.find((r) => r.fn === 'f')!.event as EventBridgeEvent<'OrderPlaced', { id: number }>;
    expect(event).toMatchObject({ version: '0', 'detail-type': 'OrderPlaced', source: 'shop.orders', detail: { id: 7 }, resources: [] });
    expect(event.time).toBe('2026-01-01T09:00:00Z');
  });

  it('builds events that type-check as @types/aws-lambda events', () => {
    // The engine builds plain objects without importing @types/aws-lambda; these aliases fail
    // to compile when a field the types require is missing or has the wrong type.
    type Assignable<Target, Source extends Target> = Source;
    const checked: [Assignable<SNSEvent, ReturnType<typeof snsEvent>>?, Assignable<EventBridgeEvent<string, unknown>, ReturnType<typeof eventBridgeEvent>>?] = [];
    expect(checked).toEqual([]);
    const { received } = runAndCollect(
      scenario({
        buckets: [{ name: 'b', notifications: [{ events: ['ObjectCreated:Put'], function: 'f' }] }],
        traffic: [{ type: 's3', at: 0, bucket: 'b', operation: 'put', key: 'k', size: 1 }],
      }),
    );
    const s3: S3Event = received[0]!.event as S3Event;
    expect(s3.Records).toHaveLength(1);
  });
});
