/**
 * The parts of a scenario that asynchronous invocation needs: a function's `async` settings
 * (retries, maximum event age, dead-letter queue, destinations) and the resources around the
 * functions (SQS queues, SNS topics, S3 buckets, EventBridge buses and rules).
 */
import { z } from 'zod';
import { ASYNC_EVENT_AGE_S, ASYNC_RETRY_ATTEMPTS } from '../engine/async-limits';
import { describeInput, formatNumber, functionNameSchema, strictObject } from './schema-helpers';
import { checkScheduleExpression } from './schedule';

/** Names of queues, topics, buckets, buses and rules: letters, digits, hyphens, underscores and dots. */
export const resourceNameSchema = z
  .string({ error: (issue) => `A resource name is required, found ${describeInput(issue.input)}.` })
  .regex(/^[A-Za-z0-9._-]{1,64}$/, {
    error: (issue) => `Name "${String(issue.input)}" is invalid. Use 1 to 64 letters, digits, dots, hyphens or underscores.`,
  });

const targetTypeSchema = z.enum(['sqs', 'sns', 'lambda', 'eventbridge'], {
  error: (issue) => `Destination type ${describeInput(issue.input)} is not offered. Choose "sqs", "sns", "lambda" or "eventbridge".`,
});

export const destinationSchema = strictObject(
  {
    type: targetTypeSchema.describe('"sqs" (a queue), "sns" (a topic), "lambda" (a function) or "eventbridge" (an event bus).'),
    name: resourceNameSchema.describe('Name of the queue, topic, function or event bus; it must be defined in the scenario.'),
  },
  'a destination',
).describe('Where Lambda sends the invocation record.');

export const deadLetterQueueSchema = strictObject(
  {
    type: z
      .enum(['sqs', 'sns'], {
        error: (issue) => `Dead-letter queue type ${describeInput(issue.input)} is not offered. A dead-letter queue is "sqs" (a queue) or "sns" (a topic).`,
      })
      .describe('"sqs" (a queue) or "sns" (a topic).'),
    name: resourceNameSchema.describe('Name of the queue or topic; it must be defined in the scenario.'),
  },
  'the dead-letter queue',
).describe('Where Lambda sends the original event when it fails every attempt or expires.');

const retryMessage = (issue: { input?: unknown }) =>
  `Maximum retry attempts ${describeInput(issue.input)} is out of range. Choose a whole number from ${ASYNC_RETRY_ATTEMPTS.min} to ${ASYNC_RETRY_ATTEMPTS.max}.`;
const ageMessage = (issue: { input?: unknown }) =>
  `Maximum event age ${describeInput(issue.input)} s is out of range. Choose a whole number of seconds from ${ASYNC_EVENT_AGE_S.min} to ${formatNumber(ASYNC_EVENT_AGE_S.max)} (6 hours).`;

export const asyncConfigSchema = strictObject(
  {
    maximumRetryAttempts: z
      .number({ error: retryMessage })
      .int({ error: retryMessage })
      .min(ASYNC_RETRY_ATTEMPTS.min, { error: retryMessage })
      .max(ASYNC_RETRY_ATTEMPTS.max, { error: retryMessage })
      .default(ASYNC_RETRY_ATTEMPTS.default)
      .describe('Retries after a function error or timeout, 0 to 2. Throttles do not use them.'),
    maximumEventAgeSeconds: z
      .number({ error: ageMessage })
      .int({ error: ageMessage })
      .min(ASYNC_EVENT_AGE_S.min, { error: ageMessage })
      .max(ASYNC_EVENT_AGE_S.max, { error: ageMessage })
      .default(ASYNC_EVENT_AGE_S.default)
      .describe('How long Lambda keeps an event in its queue, 60 to 21,600 seconds.'),
    deadLetterQueue: deadLetterQueueSchema.optional(),
    onSuccess: destinationSchema.optional().describe('Receives an invocation record when an attempt succeeds.'),
    onFailure: destinationSchema
      .optional()
      .describe('Receives an invocation record when the event fails every attempt or expires.'),
  },
  'async',
).describe('Asynchronous invocation settings: retries, maximum event age, dead-letter queue and destinations.');

export const queueSchema = strictObject(
  { name: resourceNameSchema.describe('Queue name, unique among the queues.') },
  'a queue',
).describe('An SQS queue that collects dead-letter messages and invocation records.');

export const topicSchema = strictObject(
  {
    name: resourceNameSchema.describe('Topic name, unique among the topics.'),
    subscriptions: z
      .array(functionNameSchema, { error: (issue) => `subscriptions must be an array of function names, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('Functions subscribed to the topic; each message invokes each of them asynchronously.'),
  },
  'a topic',
).describe('An SNS topic.');

const s3EventNameSchema = z.enum(['ObjectCreated:*', 'ObjectCreated:Put', 'ObjectRemoved:*', 'ObjectRemoved:Delete'], {
  error: (issue) =>
    `S3 event ${describeInput(issue.input)} is not offered. Choose "ObjectCreated:*", "ObjectCreated:Put", "ObjectRemoved:*" or "ObjectRemoved:Delete".`,
});

export const bucketSchema = strictObject(
  {
    name: resourceNameSchema.describe('Bucket name, unique among the buckets.'),
    notifications: z
      .array(
        strictObject(
          {
            events: z.array(s3EventNameSchema).min(1, { error: 'A notification needs at least one event type.' }).describe('Event types that notify the function.'),
            function: functionNameSchema.describe('The function S3 invokes asynchronously.'),
            prefix: z.string().optional().describe('Only keys that start with this text.'),
            suffix: z.string().optional().describe('Only keys that end with this text.'),
          },
          'a bucket notification',
        ),
        { error: (issue) => `notifications must be an array, found ${describeInput(issue.input)}.` },
      )
      .default([])
      .describe('Event notifications to functions.'),
  },
  'a bucket',
).describe('An S3 bucket whose object events invoke functions.');

export const eventBusSchema = strictObject(
  { name: resourceNameSchema.describe('Event bus name; "default" always exists.') },
  'an event bus',
).describe('An EventBridge event bus.');

const stringList = (field: string) =>
  z
    .array(z.string({ error: `${field} lists strings.` }), { error: (issue) => `${field} must be an array of strings, found ${describeInput(issue.input)}.` })
    .min(1, { error: `${field} needs at least one value.` });

/** Rules fire at most this many times each, so that a schedule cannot flood a run. */
export const MAX_SCHEDULE_FIRINGS = 10_000;
/** Default end of a schedule: one simulated hour. */
export const DEFAULT_SCHEDULE_UNTIL_MS = 3_600_000;

export const ruleSchema = strictObject(
  {
    name: resourceNameSchema.describe('Rule name, unique among the rules.'),
    eventBus: resourceNameSchema.default('default').describe('The event bus whose events the rule matches; "default" when absent.'),
    eventPattern: strictObject(
      {
        source: stringList('eventPattern.source').optional().describe('Accepted values of the event\'s source.'),
        'detail-type': stringList('eventPattern.detail-type').optional().describe('Accepted values of the event\'s detail-type.'),
      },
      'an event pattern',
    )
      .optional()
      .describe('Matches events by source and detail-type; a field left out matches anything.'),
    schedule: z
      .string({ error: (issue) => `A schedule must be a string such as "rate(5 minutes)", found ${describeInput(issue.input)}.` })
      .superRefine((expression, ctx) => {
        const problem = checkScheduleExpression(expression);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .describe('rate(value unit) or cron(minutes hours day-of-month month day-of-week year), in UTC.'),
    scheduleUntilMs: z
      .number({ error: (issue) => `scheduleUntilMs must be a number of milliseconds, found ${describeInput(issue.input)}.` })
      .positive({ error: 'scheduleUntilMs must be above 0 milliseconds.' })
      .default(DEFAULT_SCHEDULE_UNTIL_MS)
      .describe('Simulated time after which the schedule stops firing, in ms from the start (one hour by default).'),
    targets: z
      .array(functionNameSchema, { error: (issue) => `targets must be an array of function names, found ${describeInput(issue.input)}.` })
      .min(1, { error: 'A rule needs at least one target function.' })
      .describe('Functions the rule invokes asynchronously.'),
  },
  'a rule',
)
  .refine((rule) => (rule.schedule === undefined) !== (rule.eventPattern === undefined), {
    error: 'A rule needs either "schedule" or "eventPattern", not both and not neither.',
  })
  .refine((rule) => rule.schedule === undefined || rule.eventBus === 'default', {
    path: ['eventBus'],
    error: 'A scheduled rule is on the default event bus. Remove "eventBus".',
  })
  .describe('An EventBridge rule: an event pattern on a bus, or a schedule.');

export type AsyncConfigSpec = z.output<typeof asyncConfigSchema>;
export type RuleSpec = z.output<typeof ruleSchema>;
export type BucketSpec = z.output<typeof bucketSchema>;
export type TopicSpec = z.output<typeof topicSchema>;
