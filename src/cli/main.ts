/**
 * The headless runner: reads a scenario file, runs it with the engine and a real executor,
 * and prints the summary. `main` returns the exit status instead of exiting, so tests can
 * call it in-process.
 */
import { access, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Executor } from '../engine/execution';
import { summarize } from '../engine/summary';
import { HELP, parseCliArgs, type RunOptions } from './args';
import { formatSummary } from './format-summary';
import { loadScenarioFile } from './load-scenario';
import { runScenario, type ScenarioRun } from './run-scenario';
import { serializeTrace } from './trace-file';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** An executor for one run and the way to release its workers afterwards. */
export interface ExecutorHandle {
  readonly executor: Executor;
  close(): Promise<void>;
}

export interface CliEnvironment {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly createExecutor: () => ExecutorHandle;
}

export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.kind === 'help') {
    env.stdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (args.kind === 'error') {
    env.stderr(`${args.message}\nRun with --help for the options.\n`);
    return EXIT_BAD_INPUT;
  }
  return runFromFile(args, env);
}

async function runFromFile(options: RunOptions, env: CliEnvironment): Promise<number> {
  const loaded = await loadScenarioFile(options.scenarioPath);
  if (!loaded.ok) {
    env.stderr(`${loaded.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const scenario = options.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: options.seed };

  if (options.tracePath !== undefined) {
    const folder = dirname(options.tracePath);
    try {
      await access(folder);
    } catch {
      env.stderr(`Cannot write the trace to ${options.tracePath}: the folder ${folder} does not exist. Create it or choose another path.\n`);
      return EXIT_BAD_INPUT;
    }
  }

  let run: ScenarioRun;
  const handle = env.createExecutor();
  try {
    run = await runScenario(scenario, handle.executor);
  } catch (error) {
    env.stderr(`The run of ${options.scenarioPath} failed: ${describeError(error)}\n`);
    return EXIT_FAILURE;
  } finally {
    await handle.close();
  }

  if (options.tracePath !== undefined) {
    try {
      await writeFile(options.tracePath, serializeTrace(scenario, run.trace));
    } catch (error) {
      env.stderr(`Cannot write the trace to ${options.tracePath}: ${describeError(error)}\n`);
      return EXIT_FAILURE;
    }
  }

  const summary = summarize(run.trace, run.functions, run.settings);
  const description = { scenarioName: scenario.name, scenarioPath: options.scenarioPath, seed: scenario.seed };
  if (options.json) {
    env.stdout(`${JSON.stringify({ scenario: { name: scenario.name, path: options.scenarioPath, seed: scenario.seed }, summary })}\n`);
  } else {
    env.stdout(`${formatSummary(summary, description)}\n`);
  }
  return EXIT_OK;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
