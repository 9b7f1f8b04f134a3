import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenarioFile } from './load-scenario';

const folder = mkdtempSync(join(tmpdir(), 'lp-load-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const VALID = { version: 1, functions: [{ name: 'a', code: 'export const handler = async () => 1;' }] };

function messageOf(result: Awaited<ReturnType<typeof loadScenarioFile>>): string {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.message;
}

describe('loadScenarioFile', () => {
  it('names a missing file', async () => {
    const path = join(folder, 'nope.json');
    expect(messageOf(await loadScenarioFile(path))).toBe(`Scenario file not found: ${path}. Check the path; examples are in examples/.`);
  });

  it('names a directory', async () => {
    expect(messageOf(await loadScenarioFile(folder))).toContain('is a directory');
  });

  it('loads a file with a byte order mark', async () => {
    const path = join(folder, 'bom.json');
    writeFileSync(path, `\uFEFF${JSON.stringify(VALID)}`);
    expect((await loadScenarioFile(path)).ok).toBe(true);
  });
});

describe('parseScenarioFile', () => {
  it('points at a JSON syntax error', () => {
    const text = '{\n  "version": 1,\n  "functions": [],\n}\n';
    expect(messageOf(parseScenarioFile('x.json', text))).toBe(
      [
        "Invalid JSON in x.json at line 4, column 1: expected a property name in double quotes, found '}'.",
        '  4 | }',
        '    | ^',
        'Fix the JSON syntax and run again.',
      ].join('\n'),
    );
  });

  it('lists schema issues with their paths', () => {
    const text = JSON.stringify({
      version: 1,
      functions: [{ name: 'a', code: '', memoryMb: 64 }],
      traffic: [{ at: 0, function: 'b' }],
    });
    const message = messageOf(parseScenarioFile('x.json', text));
    expect(message.split('\n')).toEqual([
      'Invalid scenario x.json (2 problems):',
      '  functions[0].memoryMb: Memory 64 MB is out of range. Choose from 128 to 10,240 MB.',
      '  traffic[0].function: Request 0 targets function "b", which the scenario does not define. Use one of: a.',
      'The format is described in docs/scenario.md.',
    ]);
  });
});
