/** Reads and validates a scenario file, turning every kind of bad input into one message. */
import { readFile } from 'node:fs/promises';
import { findJsonSyntaxError } from '../scenario/json-error';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly message: string };

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, message: describeReadError(path, error) };
  }
  return parseScenarioFile(path, text);
}

/** Parses and validates the text of the scenario file at `path` (used in messages only). */
export function parseScenarioFile(path: string, text: string): LoadResult {
  // Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse rejects.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, message: describeJsonError(path, source, error) };
  }

  const result = validateScenario(json);
  if (result.ok) return result;
  const count = result.issues.length === 1 ? '1 problem' : `${result.issues.length} problems`;
  const lines = result.issues.map((issue) => `  ${issue.path || '(the document)'}: ${issue.message}`);
  return {
    ok: false,
    message: [`Invalid scenario ${path} (${count}):`, ...lines, 'The format is described in docs/scenario.md.'].join('\n'),
  };
}

function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `Scenario file not found: ${path}. Check the path; examples are in examples/.`;
  if (code === 'EISDIR') return `${path} is a directory. Give the path of a scenario JSON file.`;
  if (code === 'EACCES') return `Cannot read the scenario file ${path}: permission denied.`;
  return `Cannot read the scenario file ${path}: ${(error as Error).message}`;
}

function describeJsonError(path: string, text: string, error: unknown): string {
  const located = findJsonSyntaxError(text);
  if (!located) return `Invalid JSON in ${path}: ${(error as Error).message}. Fix the JSON syntax and run again.`;
  const lineText = text.split('\n')[located.line - 1] ?? '';
  const gutter = String(located.line);
  // Keep tabs in the caret's indent so that it lines up under the character.
  const indent = lineText.slice(0, located.column - 1).replace(/[^\t]/g, ' ');
  const frame = [`  ${gutter} | ${lineText.replace(/\r$/, '')}`, `  ${' '.repeat(gutter.length)} | ${indent}^`];
  return [
    `Invalid JSON in ${path} at line ${located.line}, column ${located.column}: ${located.message}.`,
    ...frame,
    'Fix the JSON syntax and run again.',
  ].join('\n');
}
