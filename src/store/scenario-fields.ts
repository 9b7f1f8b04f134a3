/**
 * Scenario fields the editor has no control for (the seed, the start time, the Region …). A
 * scenario opened from a link may set them, and the workspace keeps them so that its runs,
 * replays and links keep them too.
 */
import { SCENARIO_VERSION, scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';

export interface ScenarioFields {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly seed?: number | undefined;
  /** Wall-clock time of simulated time 0, as ISO 8601 text. */
  readonly startTime?: string | undefined;
  readonly region?: string | undefined;
  readonly accountId?: string | undefined;
  readonly provisionedAllocationSeconds?: number | undefined;
}

type FieldName = keyof ScenarioFields;
const TOP_LEVEL: readonly FieldName[] = ['name', 'description', 'seed', 'startTime'];
const SETTINGS: readonly FieldName[] = ['region', 'accountId', 'provisionedAllocationSeconds'];

const PLACEHOLDER_FUNCTION = { name: 'placeholder', code: '' };
const DEFAULTS = scenarioSchema.parse({ version: SCENARIO_VERSION, functions: [PLACEHOLDER_FUNCTION] });

/** Returns the scenario input for `fields`, to merge into the workspace's scenario. */
export function scenarioFieldsInput(fields: ScenarioFields | undefined): Pick<ScenarioInput, 'name' | 'description' | 'seed' | 'startTime'> & {
  settings: Record<string, unknown>;
} {
  const topLevel: Record<string, unknown> = {};
  const settings: Record<string, unknown> = {};
  for (const field of TOP_LEVEL) if (fields?.[field] !== undefined) topLevel[field] = fields[field];
  for (const field of SETTINGS) if (fields?.[field] !== undefined) settings[field] = fields[field];
  return { ...topLevel, settings };
}

/** Returns the fields of `scenario` that differ from their defaults, or undefined when none does. */
export function scenarioFieldsOf(scenario: Scenario): ScenarioFields | undefined {
  const values: Record<string, unknown> = {};
  for (const field of TOP_LEVEL) {
    const value = scenario[field as keyof Scenario];
    if (value !== undefined && value !== DEFAULTS[field as keyof Scenario]) values[field] = value;
  }
  for (const field of SETTINGS) {
    const value = scenario.settings[field as keyof Scenario['settings']];
    if (value !== DEFAULTS.settings[field as keyof Scenario['settings']]) values[field] = value;
  }
  return Object.keys(values).length > 0 ? (values as ScenarioFields) : undefined;
}

/**
 * Restores saved fields: each one counts only when the scenario schema accepts it, so a field
 * saved by another version of the playground is dropped rather than breaking the workspace.
 */
export function restoreScenarioFields(saved: unknown): ScenarioFields | undefined {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return undefined;
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(saved)) {
    const input = TOP_LEVEL.includes(field as FieldName)
      ? { [field]: value }
      : SETTINGS.includes(field as FieldName)
        ? { settings: { [field]: value } }
        : undefined;
    if (input && scenarioSchema.safeParse({ version: SCENARIO_VERSION, functions: [PLACEHOLDER_FUNCTION], ...input }).success) {
      values[field] = value;
    }
  }
  return Object.keys(values).length > 0 ? (values as ScenarioFields) : undefined;
}
