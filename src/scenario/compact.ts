/**
 * A scenario without the fields that hold the schema's default value, so that a link to it
 * is shorter. Parsing the compact document gives the same scenario back.
 */
import { asyncConfigSchema } from './async-schema';
import { SCENARIO_VERSION, accountSchema, functionSchema, scenarioSchema, settingsSchema, type Scenario } from './schema';

type Json = Record<string, unknown>;

const TOP_LEVEL_DEFAULTS = scenarioSchema.parse({ version: SCENARIO_VERSION, functions: [{ name: 'placeholder', code: '' }] }) as Json;
const SETTINGS_DEFAULTS = settingsSchema.parse(undefined) as Json;
const ACCOUNT_DEFAULTS = accountSchema.parse(undefined) as Json;
const ASYNC_DEFAULTS = asyncConfigSchema.parse({}) as Json;
/** Fields the schema requires, which a compact document keeps whatever their value. */
const REQUIRED = new Set(['version', 'functions']);
const REQUIRED_FUNCTION_FIELDS = new Set(['name', 'code']);

/** Returns `scenario` without the fields whose value is the default; `parse` of the result equals `scenario`. */
export function withoutDefaults(scenario: Scenario): Json {
  const compact = omitDefaults(scenario, TOP_LEVEL_DEFAULTS, REQUIRED);
  if (compact.settings) {
    const settings = omitDefaults(scenario.settings, SETTINGS_DEFAULTS);
    if (settings.account) settings.account = omitDefaults(scenario.settings.account, ACCOUNT_DEFAULTS);
    compact.settings = settings;
  }
  compact.functions = scenario.functions.map((fn) => {
    const defaults = functionSchema.parse({ name: fn.name, code: fn.code }) as Json;
    const result = omitDefaults(fn, defaults, REQUIRED_FUNCTION_FIELDS);
    if (fn.async) result.async = omitDefaults(fn.async, ASYNC_DEFAULTS);
    return result;
  });

  // A default this module did not foresee (one that depends on another field, say) would
  // change the scenario, so keep the whole document then.
  const reparsed = scenarioSchema.safeParse(compact);
  return reparsed.success && sameJson(reparsed.data, scenario) ? compact : { ...scenario };
}

/** `value`'s fields, less those equal to the field of `defaults` with the same name, except `keep`. */
function omitDefaults(value: object, defaults: Json, keep: ReadonlySet<string> = new Set()): Json {
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (!keep.has(key) && key in defaults && sameJson(item, defaults[key])) continue;
    result[key] = item;
  }
  return result;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
