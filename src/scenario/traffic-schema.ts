/**
 * Traffic entries of a scenario: a number of requests at one moment, or a load pattern such
 * as a constant rate, a linear ramp or a spike on top of a base rate. The playground expands
 * a pattern deterministically into requests, so a shared scenario replays the same requests.
 */
import { z } from 'zod';
import { describeInput, functionNameSchema, strictObject } from './schema-helpers';

/** Most requests one scenario may send, patterns expanded. */
export const MAX_SCENARIO_REQUESTS = 1_000_000;
/** Highest request rate a pattern may use, per second. */
export const MAX_RATE_PER_SECOND = 100_000;
/** Maximum duration of a pattern, in ms (one hour). */
export const MAX_PATTERN_DURATION_MS = 3_600_000;

const atSchema = z
  .number({ error: (issue) => `A request time "at" must be a number of milliseconds, found ${describeInput(issue.input)}.` })
  .min(0, { error: 'A request time "at" must be 0 or more milliseconds.' });

const typeSchema = z
  .enum(['sync', 'async'], {
    error: (issue) =>
      `Request type ${describeInput(issue.input)} is not supported. Use "sync" or "async" to invoke a function, or "s3", "sns" or "eventbridge" for a service event.`,
  })
  .default('sync')
  .describe('Invocation type: "sync" (RequestResponse, the default) or "async" (Event: Lambda queues the event and answers 202).');

const invokerSchema = z
  .enum(['direct', 'api-gateway'], {
    error: (issue) => `Invoker ${describeInput(issue.input)} is not offered. Choose "direct" or "api-gateway".`,
  })
  .optional()
  .describe(
    'How the requests reach Lambda: "direct" (the Invoke API, the default) or "api-gateway" (a proxy integration). A throttled direct caller receives HTTP 429, an API Gateway client HTTP 500.',
  );

const sourceSchema = z
  .string({ error: (issue) => `A request source must be a string, found ${describeInput(issue.input)}.` })
  .optional()
  .describe('Label for where the request came from, shown in the inspector; "scenario" when absent.');

const eventSchema = z.unknown().default({}).describe('The event the handler receives, any JSON value.');

const countMessage = (issue: { input?: unknown }) =>
  `Request count ${describeInput(issue.input)} is invalid. Use a whole number from 1 to 10,000.`;

/** Builds the schema of a rate in requests per second; `allowZero` for the ends of a ramp. */
function rateSchema(field: string, allowZero: boolean) {
  const message = (issue: { input?: unknown }) =>
    `${field} ${describeInput(issue.input)} is invalid. Use a number of requests per second ${allowZero ? 'from 0' : 'above 0'} up to ${MAX_RATE_PER_SECOND.toLocaleString('en-US')}.`;
  const base = z.number({ error: message }).max(MAX_RATE_PER_SECOND, { error: message });
  return allowZero ? base.min(0, { error: message }) : base.positive({ error: message });
}

function durationSchema(field: string) {
  const message = (issue: { input?: unknown }) =>
    `${field} ${describeInput(issue.input)} is invalid. Use a number of milliseconds above 0 up to ${MAX_PATTERN_DURATION_MS.toLocaleString('en-US')} (one hour).`;
  return z.number({ error: message }).positive({ error: message }).max(MAX_PATTERN_DURATION_MS, { error: message });
}

/** One scripted request, or `count` identical requests at the same moment. */
export const syncRequestSchema = strictObject(
  {
    pattern: z
      .literal('at-once')
      .optional()
      .describe('"at-once" (the default): count requests arrive together at "at".'),
    at: atSchema.describe('Simulated time the request arrives, in ms from the start of the scenario.'),
    function: functionNameSchema.describe('Name of the function to invoke; it must be defined in functions.'),
    type: typeSchema,
    count: z
      .number({ error: countMessage })
      .int({ error: countMessage })
      .min(1, { error: countMessage })
      .max(10_000, { error: countMessage })
      .default(1)
      .describe('Number of identical requests sent at the same moment, 1 to 10,000.'),
    event: eventSchema,
    source: sourceSchema,
    invoker: invokerSchema,
  },
  'a traffic entry',
);

export const constantTrafficSchema = strictObject(
  {
    pattern: z.literal('constant').describe('Requests evenly spaced at a constant rate.'),
    at: atSchema.describe('Simulated time the first request arrives, in ms from the start of the scenario.'),
    function: functionNameSchema.describe('Name of the function to invoke; it must be defined in functions.'),
    type: typeSchema,
    ratePerSecond: rateSchema('ratePerSecond', false).describe('Requests per second.'),
    durationMs: durationSchema('durationMs').describe('How long the rate lasts, in ms.'),
    event: eventSchema,
    source: sourceSchema,
    invoker: invokerSchema,
  },
  'a constant traffic entry',
);

export const rampTrafficSchema = strictObject(
  {
    pattern: z.literal('ramp').describe('A rate that changes linearly from one value to another.'),
    at: atSchema.describe('Simulated time the ramp starts, in ms from the start of the scenario.'),
    function: functionNameSchema.describe('Name of the function to invoke; it must be defined in functions.'),
    type: typeSchema,
    fromRatePerSecond: rateSchema('fromRatePerSecond', true).describe('Requests per second at the start.'),
    toRatePerSecond: rateSchema('toRatePerSecond', true).describe('Requests per second at the end.'),
    durationMs: durationSchema('durationMs').describe('How long the ramp lasts, in ms.'),
    event: eventSchema,
    source: sourceSchema,
    invoker: invokerSchema,
  },
  'a ramp traffic entry',
);

export const spikeTrafficSchema = strictObject(
  {
    pattern: z.literal('spike').describe('A constant base rate with a window of extra requests on top.'),
    at: atSchema.describe('Simulated time the base rate starts, in ms from the start of the scenario.'),
    function: functionNameSchema.describe('Name of the function to invoke; it must be defined in functions.'),
    type: typeSchema,
    ratePerSecond: rateSchema('ratePerSecond', true).describe('Base requests per second.'),
    durationMs: durationSchema('durationMs').describe('How long the base rate lasts, in ms.'),
    spikeAt: atSchema.describe('Simulated time the spike starts, in ms from the start of the scenario; within the base window.'),
    spikeRatePerSecond: rateSchema('spikeRatePerSecond', false).describe('Extra requests per second during the spike, on top of the base rate.'),
    spikeDurationMs: durationSchema('spikeDurationMs').describe('How long the spike lasts, in ms; it ends within the base window.'),
    event: eventSchema,
    source: sourceSchema,
    invoker: invokerSchema,
  },
  'a spike traffic entry',
);

const PATTERNS = ['at-once', 'constant', 'ramp', 'spike'];

export const trafficEntrySchema = z
  .discriminatedUnion('pattern', [syncRequestSchema, constantTrafficSchema, rampTrafficSchema, spikeTrafficSchema], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `Traffic pattern ${describeInput((issue.input as { pattern?: unknown } | undefined)?.pattern)} is not offered. Choose one of ${PATTERNS.map((p) => `"${p}"`).join(', ')}, or leave it out for requests at one moment.`
        : undefined,
  })
  .superRefine((entry, ctx) => {
    if (entry.pattern === 'ramp' && entry.fromRatePerSecond === 0 && entry.toRatePerSecond === 0) {
      ctx.addIssue({ code: 'custom', path: ['toRatePerSecond'], message: 'A ramp from 0 to 0 requests per second sends nothing. Give one end a rate above 0.' });
    }
    if (entry.pattern === 'spike') {
      const end = entry.at + entry.durationMs;
      if (entry.spikeAt < entry.at || entry.spikeAt + entry.spikeDurationMs > end) {
        ctx.addIssue({
          code: 'custom',
          path: ['spikeAt'],
          message: `The spike from ${entry.spikeAt} ms for ${entry.spikeDurationMs} ms does not lie within the base window from ${entry.at} to ${end} ms. Move or shorten it.`,
        });
      }
    }
  });

export const s3TrafficSchema = strictObject(
  {
    type: z.literal('s3').describe('An object put into or deleted from a bucket.'),
    at: atSchema.describe('Simulated time of the S3 operation, in ms from the start of the scenario.'),
    bucket: z.string({ error: (issue) => `An S3 entry needs a bucket name, found ${describeInput(issue.input)}.` }).describe('Name of a bucket defined in buckets.'),
    operation: z
      .enum(['put', 'delete'], { error: (issue) => `S3 operation ${describeInput(issue.input)} is not offered. Choose "put" or "delete".` })
      .describe('"put" sends ObjectCreated:Put, "delete" ObjectRemoved:Delete.'),
    key: z.string({ error: (issue) => `An S3 entry needs an object key, found ${describeInput(issue.input)}.` }).min(1, { error: 'An object key cannot be empty.' }).describe('The object key.'),
    size: z
      .number({ error: (issue) => `Object size must be a number of bytes, found ${describeInput(issue.input)}.` })
      .int({ error: 'Object size must be a whole number of bytes.' })
      .min(0, { error: 'Object size must be 0 or more bytes.' })
      .default(0)
      .describe('Object size in bytes, for a put.'),
    source: sourceSchema,
  },
  'an S3 traffic entry',
);

export const snsTrafficSchema = strictObject(
  {
    type: z.literal('sns').describe('A message published to a topic.'),
    at: atSchema.describe('Simulated time of the publish, in ms from the start of the scenario.'),
    topic: z.string({ error: (issue) => `An SNS entry needs a topic name, found ${describeInput(issue.input)}.` }).describe('Name of a topic defined in topics.'),
    message: z.string({ error: (issue) => `An SNS message must be a string, found ${describeInput(issue.input)}. Put JSON in a string.` }).describe('The message text; subscribers read it from Records[0].Sns.Message.'),
    subject: z.string({ error: (issue) => `An SNS subject must be a string, found ${describeInput(issue.input)}.` }).optional().describe('The message subject.'),
    source: sourceSchema,
  },
  'an SNS traffic entry',
);

export const eventBridgeTrafficSchema = strictObject(
  {
    type: z.literal('eventbridge').describe('An event put on an event bus (PutEvents).'),
    at: atSchema.describe('Simulated time of the PutEvents call, in ms from the start of the scenario.'),
    eventBus: z.string({ error: (issue) => `An event bus name must be a string, found ${describeInput(issue.input)}.` }).default('default').describe('The event bus; "default" when absent.'),
    source: z.string({ error: (issue) => `An EventBridge entry needs a source, found ${describeInput(issue.input)}.` }).describe('The event\'s source, e.g. "com.example.orders".'),
    detailType: z.string({ error: (issue) => `An EventBridge entry needs a detailType, found ${describeInput(issue.input)}.` }).describe('The event\'s detail-type.'),
    detail: z.unknown().default({}).describe('The event\'s detail, a JSON object.'),
  },
  'an EventBridge traffic entry',
);

const TRAFFIC_TYPES = ['sync', 'async', 's3', 'sns', 'eventbridge'];

/**
 * A scenario's traffic entry: requests to a function (`trafficEntrySchema`, type "sync" or
 * "async"), or an event from S3, SNS or EventBridge that invokes the functions its resource
 * names.
 */
export const scenarioTrafficEntrySchema = z.discriminatedUnion(
  'type',
  [trafficEntrySchema, s3TrafficSchema, snsTrafficSchema, eventBridgeTrafficSchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `Traffic type ${describeInput((issue.input as { type?: unknown } | undefined)?.type)} is not offered. Choose one of ${TRAFFIC_TYPES.map((t) => `"${t}"`).join(', ')}.`
        : undefined,
  },
);

export type ScriptedRequest = z.output<typeof syncRequestSchema>;
export type S3TrafficEntry = z.output<typeof s3TrafficSchema>;
export type SnsTrafficEntry = z.output<typeof snsTrafficSchema>;
export type EventBridgeTrafficEntry = z.output<typeof eventBridgeTrafficSchema>;
export type ServiceTrafficEntry = S3TrafficEntry | SnsTrafficEntry | EventBridgeTrafficEntry;
export type ScenarioTrafficEntry = z.output<typeof scenarioTrafficEntrySchema>;
export type TrafficEntry = z.output<typeof trafficEntrySchema>;
export type TrafficPattern = NonNullable<TrafficEntry['pattern']>;
