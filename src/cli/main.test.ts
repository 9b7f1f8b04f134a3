import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Executor } from '../engine/execution';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, main, type CliEnvironment } from './main';

const folder = mkdtempSync(join(tmpdir(), 'lp-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const scenarioPath = join(folder, 'scenario.json');
writeFileSync(
  scenarioPath,
  JSON.stringify({
    version: 1,
    name: 'Scripted',
    functions: [{ name: 'counter', code: 'export const handler = async () => 1;' }],
    traffic: [
      { at: 0, function: 'counter' },
      { at: 1000, function: 'counter', count: 2 },
    ],
  }),
);

interface Captured {
  status: number;
  stdout: string;
  stderr: string;
  closed: boolean;
}

/** Runs `main` with a scripted executor (or `executor`) and captures its output. */
async function run(argv: string[], executor?: Executor): Promise<Captured> {
  const captured: Captured = { status: -1, stdout: '', stderr: '', closed: false };
  const env: CliEnvironment = {
    stdout: (text) => (captured.stdout += text),
    stderr: (text) => (captured.stderr += text),
    createExecutor: () => ({
      executor: executor ?? new ScriptedExecutor({ counter: { invoke: () => ({ durationMs: 20, response: 1 }) } }),
      close: async () => {
        captured.closed = true;
      },
    }),
  };
  captured.status = await main(argv, env);
  return captured;
}

describe('main', () => {
  it('prints help', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(EXIT_OK);
    expect(result.stdout).toContain('Usage: npm run simulate -- <scenario.json>');
  });

  it('rejects a bad option with status 2', async () => {
    const result = await run([scenarioPath, '--seed', 'abc']);
    expect(result.status).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('Invalid --seed "abc"');
    expect(result.stderr).toContain('Run with --help');
  });

  it('rejects a missing file with status 2', async () => {
    const result = await run([join(folder, 'missing.json')]);
    expect(result.status).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('Scenario file not found');
  });

  it('rejects an invalid scenario with status 2', async () => {
    const path = join(folder, 'invalid.json');
    writeFileSync(path, JSON.stringify({ version: 1, functions: [{ name: 'a', code: '', timeoutSeconds: 901 }] }));
    const result = await run([path]);
    expect(result.status).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('functions[0].timeoutSeconds: Timeout 901 s is out of range. Choose from 1 to 900 seconds.');
  });

  it('rejects a trace path in a missing folder', async () => {
    const result = await run([scenarioPath, '--trace', join(folder, 'no-such-folder', 'trace.json')]);
    expect(result.status).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('does not exist');
  });

  it('prints the summary table', async () => {
    const result = await run([scenarioPath]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(EXIT_OK);
    expect(result.stdout).toContain('Scenario "Scripted"');
    expect(result.stdout).toMatch(/^Invocations\s+3$/m);
    expect(result.stdout).toMatch(/^Max concurrency\s+2$/m);
    expect(result.closed).toBe(true);
  });

  it('prints one JSON object with --json', async () => {
    const result = await run([scenarioPath, '--json', '--seed', '9']);
    expect(result.status).toBe(EXIT_OK);
    const output = JSON.parse(result.stdout) as { scenario: { seed: number }; summary: { totals: { invocations: number } } };
    expect(output.scenario.seed).toBe(9);
    expect(output.summary.totals.invocations).toBe(3);
  });

  it('writes the same trace for the same seed', async () => {
    const traces = [];
    for (const [name, seed] of [['a.json', '5'], ['b.json', '5'], ['c.json', '6']] as const) {
      const tracePath = join(folder, name);
      expect((await run([scenarioPath, '--trace', tracePath, '--seed', seed])).status).toBe(EXIT_OK);
      traces.push(readFileSync(tracePath, 'utf8'));
    }
    expect(traces[1]).toBe(traces[0]);
    expect(traces[2]).not.toBe(traces[0]);
    expect(JSON.parse(traces[0]!)).toMatchObject({ format: 'lambda-playground-trace', version: 1, seed: 5 });
  });

  it('reports a sandbox failure with status 1', async () => {
    const failing: Executor = {
      init: () => Promise.reject(new Error('worker crashed')),
      invoke: () => Promise.reject(new Error('worker crashed')),
      dispose: () => {},
    };
    const result = await run([scenarioPath], failing);
    expect(result.status).toBe(EXIT_FAILURE);
    expect(result.stderr).toContain(`The run of ${scenarioPath} failed: worker crashed`);
    expect(result.closed).toBe(true);
  });
});
