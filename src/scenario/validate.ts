/** Validation of untrusted scenario documents, with errors a person can act on. */
import { scenarioSchema, type Scenario } from './schema';

export interface ScenarioIssue {
  /** Where the problem is, e.g. `functions[0].memoryMb`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
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
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/** Parses scenario JSON text; a syntax error is reported as an issue rather than thrown. */
export function parseScenarioText(text: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '', message: `The scenario is not valid JSON: ${(error as Error).message}` }],
    };
  }
  return validateScenario(json);
}
