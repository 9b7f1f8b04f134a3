/**
 * The scenario: a versioned JSON document holding the functions, the scripted traffic and
 * the seed of a run. The same document drives the browser and the headless runner.
 */
import { z } from 'zod';
import { IDLE_RECLAIM_MS, MEMORY_MB, TIMEOUT_S } from '../engine/limits';
import { DEFAULT_RUNTIME, RUNTIME_IDS, type RuntimeId } from '../engine/runtimes';

export const SCENARIO_VERSION = 1;

const formatNumber = (n: number) => n.toLocaleString('en-US');

export const memoryMbSchema = z
  .number({ error: 'Memory must be a number of MB.' })
  .int({ error: (issue) => `Memory ${String(issue.input)} MB is not a whole number. Lambda sets memory in 1 MB steps.` })
  .min(MEMORY_MB.min, {
    error: (issue) =>
      `Memory ${String(issue.input)} MB is out of range. Choose from ${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)} MB.`,
  })
  .max(MEMORY_MB.max, {
    error: (issue) =>
      `Memory ${String(issue.input)} MB is out of range. Choose from ${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)} MB.`,
  });

export const timeoutSecondsSchema = z
  .number({ error: 'Timeout must be a number of seconds.' })
  .int({ error: (issue) => `Timeout ${String(issue.input)} s is not a whole number of seconds.` })
  .min(TIMEOUT_S.min, {
    error: (issue) => `Timeout ${String(issue.input)} s is out of range. Choose from ${TIMEOUT_S.min} to ${TIMEOUT_S.max} seconds.`,
  })
  .max(TIMEOUT_S.max, {
    error: (issue) => `Timeout ${String(issue.input)} s is out of range. Choose from ${TIMEOUT_S.min} to ${TIMEOUT_S.max} seconds.`,
  });

export const functionNameSchema = z
  .string({ error: 'A function name is required.' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: (issue) =>
      `Function name "${String(issue.input)}" is invalid. Use 1 to 64 letters, digits, hyphens or underscores.`,
  });

export const runtimeSchema = z.enum(RUNTIME_IDS as [RuntimeId, ...RuntimeId[]], {
  error: (issue) => `Runtime "${String(issue.input)}" is not offered. Choose one of ${RUNTIME_IDS.join(', ')}.`,
});

export const handlerSchema = z.string().regex(/^index\.[A-Za-z_$][\w$]*$/, {
  error: (issue) =>
    `Handler "${String(issue.input)}" is invalid. The code is index.mjs, so write index.<exportName>, e.g. index.handler.`,
});

export const functionSchema = z.object({
  name: functionNameSchema,
  runtime: runtimeSchema.default(DEFAULT_RUNTIME),
  architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
  handler: handlerSchema.default('index.handler'),
  memoryMb: memoryMbSchema.default(MEMORY_MB.default),
  timeoutSeconds: timeoutSecondsSchema.default(TIMEOUT_S.default),
  code: z.string({ error: 'The function code must be a string holding an ES module.' }),
});

/** One scripted request, or `count` identical requests at the same moment. */
export const syncRequestSchema = z.object({
  at: z.number().min(0, { error: 'A request time "at" must be 0 or more milliseconds.' }),
  function: functionNameSchema,
  type: z.literal('sync').default('sync'),
  count: z.number().int().min(1).max(10_000).default(1),
  event: z.unknown().default({}),
  source: z.string().optional(),
});

export const settingsSchema = z
  .object({
    region: z.string().default('us-east-1'),
    accountId: z.string().regex(/^\d{12}$/, { error: 'An account ID has 12 digits.' }).default('123456789012'),
    idleReclaimMinutes: z
      .object({ min: z.number().positive(), max: z.number().positive() })
      .refine((range) => range.min <= range.max, { error: 'idleReclaimMinutes.min must not exceed max.' })
      .default({ min: IDLE_RECLAIM_MS.min / 60_000, max: IDLE_RECLAIM_MS.max / 60_000 }),
    initBilled: z.boolean().default(true),
  })
  .default({
    region: 'us-east-1',
    accountId: '123456789012',
    idleReclaimMinutes: { min: IDLE_RECLAIM_MS.min / 60_000, max: IDLE_RECLAIM_MS.max / 60_000 },
    initBilled: true,
  });

export const viewSchema = z
  .object({
    playheadMs: z.number().min(0).optional(),
    selectedRequestId: z.string().optional(),
  })
  .default({});

export const scenarioSchema = z
  .object({
    version: z.literal(SCENARIO_VERSION, {
      error: (issue) =>
        typeof issue.input === 'number' && issue.input > SCENARIO_VERSION
          ? `Scenario version ${issue.input} is newer than this playground understands (${SCENARIO_VERSION}). Open it in a newer Lambda Playground.`
          : `Scenario version must be ${SCENARIO_VERSION}.`,
    }),
    name: z.string().default('Untitled scenario'),
    description: z.string().optional(),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** Wall-clock time of simulated time 0, as an ISO 8601 string. */
    startTime: z.iso.datetime({ offset: true }).default('2026-01-01T09:00:00.000Z'),
    settings: settingsSchema,
    functions: z.array(functionSchema).min(1, { error: 'A scenario needs at least one function.' }),
    traffic: z.array(syncRequestSchema).default([]),
    view: viewSchema,
  })
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
      if (!names.has(request.function)) {
        ctx.addIssue({
          code: 'custom',
          path: ['traffic', index, 'function'],
          message: `Request ${index} targets function "${request.function}", which the scenario does not define. Use one of: ${[...names].join(', ')}.`,
        });
      }
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type FunctionSpec = z.output<typeof functionSchema>;
export type ScriptedRequest = z.output<typeof syncRequestSchema>;
