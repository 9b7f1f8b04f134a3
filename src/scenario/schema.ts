/**
 * The scenario: a versioned JSON document holding the functions, the scripted traffic and
 * the seed of a run. The same document drives the browser and the headless runner.
 *
 * Objects are strict: a field the schema does not define is an error, so a misspelt field
 * is reported rather than silently replaced by its default. The descriptions below are
 * published in docs/scenario.schema.json (`npm run schema` rewrites it).
 */
import { z } from 'zod';
import { concurrencyConfigProblems } from '../engine/concurrency-config';
import {
  ACCOUNT_BURST_SCALING,
  ACCOUNT_CONCURRENCY,
  IDLE_RECLAIM_MS,
  MEMORY_MB,
  PROVISIONED_ALLOCATION_MS,
  TIMEOUT_S,
} from '../engine/limits';
import { DEFAULT_RUNTIME, RUNTIME_IDS, type RuntimeId } from '../engine/runtimes';
import { describeInput, formatNumber, functionNameSchema, strictObject } from './schema-helpers';
import { accountOf } from './to-engine';
import { asyncConfigSchema, bucketSchema, eventBusSchema, queueSchema, ruleSchema, topicSchema } from './async-schema';
import { resourceProblems } from './resource-checks';
import {
  MAX_SCENARIO_REQUESTS,
  scenarioTrafficEntrySchema,
  type ScenarioTrafficEntry,
  type ScriptedRequest,
  type TrafficEntry,
} from './traffic-schema';
import { trafficRequestCount } from './traffic';

export { functionNameSchema } from './schema-helpers';
export { scenarioTrafficEntrySchema, syncRequestSchema, trafficEntrySchema } from './traffic-schema';
export type { ScenarioTrafficEntry, ScriptedRequest, TrafficEntry };

export const SCENARIO_VERSION = 1;

const memoryRangeMessage = (issue: { input?: unknown }) =>
  `Memory ${String(issue.input)} MB is out of range. Choose from ${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)} MB.`;

export const memoryMbSchema = z
  .number({ error: (issue) => `Memory must be a number of MB, found ${describeInput(issue.input)}.` })
  .int({ error: (issue) => `Memory ${String(issue.input)} MB is not a whole number. Lambda sets memory in 1 MB steps.` })
  .min(MEMORY_MB.min, { error: memoryRangeMessage })
  .max(MEMORY_MB.max, { error: memoryRangeMessage });

const timeoutRangeMessage = (issue: { input?: unknown }) =>
  `Timeout ${String(issue.input)} s is out of range. Choose from ${TIMEOUT_S.min} to ${TIMEOUT_S.max} seconds.`;

export const timeoutSecondsSchema = z
  .number({ error: (issue) => `Timeout must be a number of seconds, found ${describeInput(issue.input)}.` })
  .int({ error: (issue) => `Timeout ${String(issue.input)} s is not a whole number of seconds.` })
  .min(TIMEOUT_S.min, { error: timeoutRangeMessage })
  .max(TIMEOUT_S.max, { error: timeoutRangeMessage });

export const runtimeSchema = z.enum(RUNTIME_IDS as [RuntimeId, ...RuntimeId[]], {
  error: (issue) => `Runtime ${describeInput(issue.input)} is not offered. Choose one of ${RUNTIME_IDS.join(', ')}.`,
});

export const handlerSchema = z
  .string({ error: (issue) => `Handler must be a string such as "index.handler", found ${describeInput(issue.input)}.` })
  .regex(/^index\.[A-Za-z_$][\w$]*$/, {
    error: (issue) =>
      `Handler "${String(issue.input)}" is invalid. The code is index.mjs, so write index.<exportName>, e.g. index.handler.`,
  });

const architectureSchema = z.enum(['x86_64', 'arm64'], {
  error: (issue) => `Architecture ${describeInput(issue.input)} is not offered. Choose x86_64 or arm64.`,
});

function concurrencySchema(label: string) {
  const message = (issue: { input?: unknown }) =>
    `${label} ${describeInput(issue.input)} is invalid. Use a whole number of 0 or more.`;
  return z.number({ error: message }).int({ error: message }).min(0, { error: message });
}

export const functionSchema = strictObject(
  {
    name: functionNameSchema.describe('Function name, unique in the scenario: 1 to 64 letters, digits, hyphens or underscores.'),
    runtime: runtimeSchema.default(DEFAULT_RUNTIME).describe('Lambda runtime identifier.'),
    architecture: architectureSchema.default('x86_64').describe('Instruction set; it sets the price per GB-second.'),
    handler: handlerSchema
      .default('index.handler')
      .describe('The exported function Lambda calls, as index.<exportName>; the code is the file index.mjs.'),
    memoryMb: memoryMbSchema.default(MEMORY_MB.default).describe('Memory in MB, 128 to 10,240 in 1 MB steps.'),
    timeoutSeconds: timeoutSecondsSchema.default(TIMEOUT_S.default).describe('Function timeout in seconds, 1 to 900.'),
    code: z
      .string({ error: 'The function code must be a string holding an ES module.' })
      .describe('Source of index.mjs: an ES module that exports the handler.'),
    reservedConcurrency: concurrencySchema('Reserved concurrency')
      .optional()
      .describe(
        'Reserved concurrency: the most environments the function may use at once, and a share of the account limit no other function can use. 0 throttles every request. Absent: the function uses the unreserved pool.',
      ),
    provisionedConcurrency: concurrencySchema('Provisioned concurrency')
      .default(0)
      .describe('Environments Lambda initialises before traffic and keeps ready; requests beyond them spill over to on-demand environments.'),
    async: asyncConfigSchema.optional(),
  },
  'a function',
);

const DEFAULT_ACCOUNT = {
  concurrencyLimit: ACCOUNT_CONCURRENCY.limit,
  unreservedMinimum: ACCOUNT_CONCURRENCY.unreservedMinimum,
  scaling: 'per-function' as const,
};

const DEFAULT_SETTINGS = {
  region: 'us-east-1',
  accountId: '123456789012',
  idleReclaimMinutes: { min: IDLE_RECLAIM_MS.min / 60_000, max: IDLE_RECLAIM_MS.max / 60_000 },
  initBilled: true,
  account: DEFAULT_ACCOUNT,
  provisionedAllocationSeconds: PROVISIONED_ALLOCATION_MS / 1000,
};

const wholeNumberMessage = (label: string, least: number) => (issue: { input?: unknown }) =>
  `${label} ${describeInput(issue.input)} is invalid. Use a whole number of ${least} or more.`;

export const accountSchema = strictObject(
  {
    concurrencyLimit: z
      .number({ error: wholeNumberMessage('Account concurrency limit', 1) })
      .int({ error: wholeNumberMessage('Account concurrency limit', 1) })
      .min(1, { error: wholeNumberMessage('Account concurrency limit', 1) })
      .default(DEFAULT_ACCOUNT.concurrencyLimit)
      .describe('Concurrent executions quota of the account in the Region: 1,000 by default, 10 for some new accounts.'),
    unreservedMinimum: z
      .number({ error: wholeNumberMessage('Unreserved minimum', 0) })
      .int({ error: wholeNumberMessage('Unreserved minimum', 0) })
      .min(0, { error: wholeNumberMessage('Unreserved minimum', 0) })
      .default(DEFAULT_ACCOUNT.unreservedMinimum)
      .describe('Concurrency that reserved and provisioned concurrency must leave to the other functions: 100 by default; AWS reports 50 or 10 for some accounts.'),
    scaling: z
      .enum(['per-function', 'account-burst'], {
        error: (issue) => `Scaling ${describeInput(issue.input)} is not offered. Choose "per-function" or "account-burst".`,
      })
      .default(DEFAULT_ACCOUNT.scaling)
      .describe(
        'How fast Lambda adds environments: "per-function" (since 26 November 2023, 1,000 per function per 10 seconds) or "account-burst" (before it, an account-wide burst, then 500 a minute).',
      ),
    burstConcurrency: z
      .union([z.literal(500), z.literal(1000), z.literal(3000)], {
        error: (issue) => `Burst concurrency ${describeInput(issue.input)} is not offered. Choose 500, 1000 or 3000.`,
      })
      .optional()
      .describe(
        'Initial burst of the "account-burst" model: 3,000 in us-east-1, us-west-2 and eu-west-1, 1,000 in ap-northeast-1, eu-central-1 and us-east-2, 500 elsewhere (the default follows the region).',
      ),
  },
  'settings.account',
)
  .refine((account) => account.unreservedMinimum <= account.concurrencyLimit, {
    path: ['unreservedMinimum'],
    error: (issue) => {
      const account = issue.input as { concurrencyLimit: number; unreservedMinimum: number };
      return `Unreserved minimum ${formatNumber(account.unreservedMinimum)} is greater than the account concurrency limit ${formatNumber(account.concurrencyLimit)}. Set it to at most the limit.`;
    },
  })
  .default(DEFAULT_ACCOUNT)
  .describe('Concurrency quota and scaling rules of the account.');

export const BURST_CONCURRENCY_OPTIONS = ACCOUNT_BURST_SCALING.burstOptions;

const minutesSchema = z
  .number({ error: (issue) => `Idle reclaim time must be a number of minutes, found ${describeInput(issue.input)}.` })
  .positive({ error: (issue) => `Idle reclaim time ${String(issue.input)} min is invalid. Use more than 0 minutes.` });

export const settingsSchema = strictObject(
  {
    region: z
      .string({ error: (issue) => `Region must be a string such as "us-east-1", found ${describeInput(issue.input)}.` })
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, {
        error: (issue) => `Region "${String(issue.input)}" is invalid. Write an AWS Region code such as us-east-1.`,
      })
      .default(DEFAULT_SETTINGS.region)
      .describe('AWS Region code, used in ARNs and log group names.'),
    accountId: z
      .string({ error: (issue) => `An account ID must be a string of 12 digits, found ${describeInput(issue.input)}.` })
      .regex(/^\d{12}$/, { error: (issue) => `Account ID "${String(issue.input)}" is invalid. An account ID has 12 digits.` })
      .default(DEFAULT_SETTINGS.accountId)
      .describe('12-digit AWS account ID, used in ARNs.'),
    idleReclaimMinutes: strictObject({ min: minutesSchema, max: minutesSchema }, 'settings.idleReclaimMinutes')
      .refine((range) => range.min <= range.max, {
        error: (issue) => {
          const range = issue.input as { min: number; max: number };
          return `Idle reclaim minimum ${range.min} min is greater than the maximum ${range.max} min. Set min to at most max.`;
        },
      })
      .default(DEFAULT_SETTINGS.idleReclaimMinutes)
      .describe('How long an idle environment lives before Lambda shuts it down, drawn uniformly from min to max minutes.'),
    initBilled: z
      .boolean({ error: (issue) => `initBilled must be true or false, found ${describeInput(issue.input)}.` })
      .default(DEFAULT_SETTINGS.initBilled)
      .describe('Whether Init Duration counts in Billed Duration: true since 1 August 2025, false for the rule before.'),
    account: accountSchema,
    provisionedAllocationSeconds: z
      .number({ error: (issue) => `provisionedAllocationSeconds must be a number of seconds, found ${describeInput(issue.input)}.` })
      .min(0, { error: 'provisionedAllocationSeconds must be 0 or more seconds.' })
      .default(DEFAULT_SETTINGS.provisionedAllocationSeconds)
      .describe(
        'Seconds from enabling provisioned concurrency until its environments start INIT. AWS says allocation starts after a minute or two; the default is 60.',
      ),
  },
  'settings',
)
  .default(DEFAULT_SETTINGS)
  .describe('Settings of the simulated Lambda service.');

export const viewSchema = strictObject(
  {
    playheadMs: z
      .number({ error: (issue) => `view.playheadMs must be a number of milliseconds, found ${describeInput(issue.input)}.` })
      .min(0, { error: 'view.playheadMs must be 0 or more milliseconds.' })
      .optional()
      .describe('Simulated time the timeline opens at, in ms.'),
    selectedRequestId: z
      .string({ error: (issue) => `view.selectedRequestId must be a string, found ${describeInput(issue.input)}.` })
      .optional()
      .describe('Request ID the inspector opens on.'),
  },
  'view',
)
  .default({})
  .describe('What the playground shows when the scenario opens; the headless runner ignores it.');

const seedMessage = (issue: { input?: unknown }) =>
  `Seed ${describeInput(issue.input)} is invalid. Use a whole number from 0 to 4,294,967,295.`;

export const scenarioSchema = strictObject(
  {
    $schema: z
      .string({ error: (issue) => `$schema must be a string (a URL or path of the JSON Schema), found ${describeInput(issue.input)}.` })
      .optional()
      .describe('URL or relative path of this JSON Schema, for editors that validate as you type; the playground ignores it.'),
    version: z
      .literal(SCENARIO_VERSION, {
        error: (issue) => {
          if (issue.input === undefined) return `The scenario has no version. Add "version": ${SCENARIO_VERSION}.`;
          if (typeof issue.input === 'number' && issue.input > SCENARIO_VERSION) {
            return `Scenario version ${issue.input} is newer than this playground understands (${SCENARIO_VERSION}). Open it in a newer Lambda Playground.`;
          }
          return `Scenario version ${describeInput(issue.input)} is invalid. This playground reads version ${SCENARIO_VERSION}.`;
        },
      })
      .describe('Version of the scenario format.'),
    name: z
      .string({ error: (issue) => `The scenario name must be a string, found ${describeInput(issue.input)}.` })
      .default('Untitled scenario')
      .describe('Title shown in the playground and the summary.'),
    description: z
      .string({ error: (issue) => `The scenario description must be a string, found ${describeInput(issue.input)}.` })
      .optional()
      .describe('What the scenario demonstrates.'),
    seed: z
      .number({ error: seedMessage })
      .int({ error: seedMessage })
      .min(0, { error: seedMessage })
      .max(0xffffffff, { error: seedMessage })
      .default(1)
      .describe('Seed of every random draw (init durations, request IDs, idle lifetimes): the same seed gives the same run.'),
    startTime: z.iso
      .datetime({
        offset: true,
        error: (issue) =>
          `Start time ${describeInput(issue.input)} is invalid. Write an ISO 8601 date and time, e.g. "2026-01-01T09:00:00Z".`,
      })
      .default('2026-01-01T09:00:00.000Z')
      .describe('Wall-clock time of simulated time 0, as an ISO 8601 date and time; Date in handlers counts from it.'),
    settings: settingsSchema,
    functions: z
      .array(functionSchema, { error: (issue) => `functions must be an array, found ${describeInput(issue.input)}.` })
      .min(1, { error: 'A scenario needs at least one function.' })
      .describe('The Lambda functions of the scenario.'),
    queues: z
      .array(queueSchema, { error: (issue) => `queues must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('SQS queues that collect dead-letter messages and invocation records.'),
    topics: z
      .array(topicSchema, { error: (issue) => `topics must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('SNS topics and the functions subscribed to them.'),
    buckets: z
      .array(bucketSchema, { error: (issue) => `buckets must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('S3 buckets and their event notifications to functions.'),
    eventBuses: z
      .array(eventBusSchema, { error: (issue) => `eventBuses must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('EventBridge event buses besides "default", which always exists.'),
    rules: z
      .array(ruleSchema, { error: (issue) => `rules must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('EventBridge rules: an event pattern or a schedule, and the functions they invoke.'),
    traffic: z
      .array(scenarioTrafficEntrySchema, { error: (issue) => `traffic must be an array, found ${describeInput(issue.input)}.` })
      .default([])
      .describe('Scripted requests, load patterns and service events on the simulated timeline.'),
    view: viewSchema,
  },
  'the scenario',
)
  .superRefine((scenario, ctx) => {
    const names = new Set<string>();
    scenario.functions.forEach((fn, index) => {
      if (names.has(fn.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['functions', index, 'name'],
          message: `Function name "${fn.name}" is used twice. Give each function its own name.`,
        });
      }
      names.add(fn.name);
    });
    scenario.traffic.forEach((request, index) => {
      if ((request.type === 'sync' || request.type === 'async') && !names.has(request.function)) {
        ctx.addIssue({
          code: 'custom',
          path: ['traffic', index, 'function'],
          message: `Request ${index} targets function "${request.function}", which the scenario does not define. Use one of: ${[...names].join(', ')}.`,
        });
      }
    });
    for (const problem of resourceProblems(scenario)) {
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    }
    const requests = scenario.traffic.reduce((total, entry) => total + trafficRequestCount(entry), 0);
    if (requests > MAX_SCENARIO_REQUESTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['traffic'],
        message: `The traffic sends ${formatNumber(requests)} requests, more than the ${formatNumber(MAX_SCENARIO_REQUESTS)} a scenario may send. Lower the rates, durations or counts.`,
      });
    }
    for (const problem of concurrencyConfigProblems(scenario.functions, accountOf(scenario))) {
      ctx.addIssue({ code: 'custom', path: ['functions', problem.functionIndex, problem.field], message: problem.message });
    }
  })
  .describe('A Lambda Playground scenario: functions, scripted traffic and the seed of a run.');

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type FunctionSpec = z.output<typeof functionSchema>;
