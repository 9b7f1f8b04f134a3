/** Validation of untrusted scenario documents, with errors a person can act on. */
import { findJsonSyntaxError } from './json-error';
import { SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema';

export interface ScenarioIssue {
  /** Where the problem is, e.g. `functions[0].memoryMb`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
  /** Line of a JSON syntax error, from 1. */
  readonly line?: number;
  /** Column of a JSON syntax error, from 1. */
  readonly column?: number;
}

export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

export function validateScenario(input: unknown): ValidationResult {
  // A document from a newer playground may use fields this one does not know; listing
  // those as unknown would hide the one issue that matters.
  const version = (input as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    const versionOnly = scenarioSchema.safeParse({ version });
    const issue = versionOnly.success ? undefined : versionOnly.error.issues.find((i) => i.path[0] === 'version');
    if (issue) return { ok: false, issues: [{ path: 'version', message: issue.message }] };
  }

  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/** Parses scenario JSON text; a syntax error is reported as an issue with its line and column. */
export function parseScenarioText(text: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const located = findJsonSyntaxError(text);
    if (!located) {
      return { ok: false, issues: [{ path: '', message: `The scenario is not valid JSON: ${(error as Error).message}` }] };
    }
    const message = `The scenario is not valid JSON at line ${located.line}, column ${located.column}: ${located.message}.`;
    return { ok: false, issues: [{ path: '', message, line: located.line, column: located.column }] };
  }
  return validateScenario(json);
}
