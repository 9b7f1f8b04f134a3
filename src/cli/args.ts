/** Command-line options of the headless runner. */
import { parseArgs } from 'node:util';

export interface RunOptions {
  readonly kind: 'run';
  readonly scenarioPath: string;
  readonly json: boolean;
  /** Path of the file that receives the full trace as JSON, if any. */
  readonly tracePath: string | undefined;
  /** Replaces the scenario's seed when given. */
  readonly seed: number | undefined;
}

export type ParsedArgs =
  | RunOptions
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const MAX_SEED = 0xffffffff;

export const HELP = `Usage: npm run simulate -- <scenario.json> [--json] [--trace FILE] [--seed N]

Runs a Lambda Playground scenario in Node with the same engine and sandbox as the
browser, until every request is answered and no event is left, then prints a
summary per function: invocations, cold starts, errors, timeouts, throttles,
retries, maximum concurrency, duration percentiles, billed duration, GB-seconds
and cost.

Options:
  --json          Print the summary as one JSON object instead of tables.
  --trace FILE    Also write the full trace (every event of the run) to FILE as JSON.
  --seed N        Use seed N (a whole number from 0 to ${MAX_SEED}) instead of the
                  scenario's seed.
  -h, --help      Show this help.

Exit status: 0 when the run completed, 1 when it failed (for example the sandbox
crashed or the trace could not be written), 2 for bad input (a missing or invalid
scenario file, or a bad option). Handler errors and timeouts are part of a
completed run.

The scenario format is described in docs/scenario.md.`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        trace: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: describeParseError(error, argv) };
  }

  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) {
    return { kind: 'error', message: 'Missing the scenario file. Give its path, e.g. npm run simulate -- examples/cold-and-warm.json' };
  }
  if (positionals.length > 1) {
    return {
      kind: 'error',
      message: `Expected one scenario file, got ${positionals.length}: ${positionals.join(', ')}. Run one scenario at a time.`,
    };
  }

  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || seed > MAX_SEED) {
      return { kind: 'error', message: invalidSeedMessage(values.seed) };
    }
  }
  if (values.trace === '') {
    return { kind: 'error', message: 'Missing the file name after --trace, e.g. --trace trace.json' };
  }

  return {
    kind: 'run',
    scenarioPath: positionals[0]!,
    json: values.json ?? false,
    tracePath: values.trace,
    seed,
  };
}

function describeParseError(error: unknown, argv: readonly string[]): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? 'option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `Unknown option ${option}. The options are --json, --trace FILE, --seed N and --help.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return `Option ${option} takes no value. Write ${option} alone.`;
    // parseArgs will not take a value that starts with a dash, such as a negative seed.
    const next = argv[argv.indexOf(option) + 1];
    if (option === '--seed' && next !== undefined && /^-\d/.test(next)) return invalidSeedMessage(next);
    const example = option === '--seed' ? '--seed 7' : '--trace trace.json';
    return `Option ${option} needs a value, e.g. ${example}.`;
  }
  return message;
}

function invalidSeedMessage(value: string): string {
  return `Invalid --seed "${value}". Use a whole number from 0 to ${MAX_SEED}.`;
}
