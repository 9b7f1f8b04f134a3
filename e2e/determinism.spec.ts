/**
 * The same scenario and seed give the same trace in the browser and in the headless runner.
 * The page plays a scenario to its end, and its trace, serialized as the runner's `--trace`
 * file, must equal that file byte for byte. A run a person clicked through must replay the
 * same from its recorded scenario, in the runner and in the page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { serializeTrace } from '../src/cli/trace-file';
import type { SentRequest } from '../src/driver/session';
import type { TraceEvent, TracePrefix } from '../src/engine/trace';
import type { Scenario } from '../src/scenario/schema';
import { parseScenarioText } from '../src/scenario/validate';
import { withRecordedTraffic } from '../src/store/run-model';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

interface HookedWindow {
  __lambdaPlayground: {
    runScenario(text: string): void;
    store: {
      getState(): {
        runScenario?: Scenario;
        snapshot?: { trace: TracePrefix; error?: string; sent: readonly SentRequest[] };
      };
    };
  };
}

let outputFolder: string;

// Lambda runs handlers in UTC with the en-US locale, so the page's own must not reach the trace.
test.use({ timezoneId: 'America/New_York', locale: 'de-DE' });

test.beforeAll(async () => {
  outputFolder = await mkdtemp(join(tmpdir(), 'lambda-playground-determinism-'));
});

test.afterAll(async () => {
  await rm(outputFolder, { recursive: true, force: true });
});

/** Runs `scenarioPath` with the headless runner and returns the text of its `--trace` file. */
async function runnerTrace(scenarioPath: string): Promise<string> {
  const tracePath = join(outputFolder, `${basename(scenarioPath, '.json')}.trace.json`);
  await run(join(root, 'node_modules/.bin/tsx'), ['src/cli/simulate.ts', scenarioPath, '--trace', tracePath], { cwd: root });
  return readFile(tracePath, 'utf8');
}

/** Opens the app with playback at 100×, so that idle stretches before reclaim take a few seconds. */
async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');
}

/** Waits until the run has started and ended, and returns its trace from the store. */
async function traceOfFinishedRun(page: Page): Promise<readonly TraceEvent[]> {
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', /playing|executing/);
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 45_000 });
  const snapshot = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().snapshot);
  expect(snapshot?.error).toBeUndefined();
  return snapshot ? snapshot.trace.events.slice(0, snapshot.trace.length) : [];
}

/** Plays the scenario in the page until the run is idle and returns the trace from the store. */
async function browserTrace(page: Page, scenarioText: string): Promise<readonly TraceEvent[]> {
  await openApp(page);
  await page.evaluate((text) => (window as unknown as HookedWindow).__lambdaPlayground.runScenario(text), scenarioText);
  return traceOfFinishedRun(page);
}

/** Describes where two serialized traces first differ, with some text around it, or returns `none`. */
function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index++;
  if (index === expected.length && index === actual.length) return 'none';
  const from = Math.max(0, index - 200);
  return `at character ${index}:\n  runner:  …${expected.slice(from, index + 200)}\n  browser: …${actual.slice(from, index + 200)}`;
}

/**
 * Handler errors of every kind, on both runtimes, with their stack traces in the trace, and
 * the values a handler reads from the simulation: Math.random, Date and timers.
 */
const ERRORS_SCENARIO = {
  version: 1,
  name: 'Errors and stack traces',
  seed: 42,
  functions: [
    {
      name: 'node24',
      runtime: 'nodejs24.x',
      code: `const started = Date.now();
console.log('INIT', new Date().toISOString(), Math.random());
export const handler = async (event) => {
  console.log('random', Math.random(), 'elapsed', Date.now() - started, performance.now());
  console.log(new Date().toString(), new Date().getHours(), new Date().toLocaleString(), Date.parse('2026-01-01 10:00'));
  console.log({ nested: { list: [1, { deep: [2] }] }, map: new Map([[1, 2]]), zero: -0, big: 10n, sum: 0.1 + 0.2 });
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (event.kind === 'throw') throw new Error('boom');
  if (event.kind === 'throw-string') throw 'plain string';
  if (event.kind === 'reject') return Promise.reject(new TypeError('rejected'));
  if (event.kind === 'circular') { const value = {}; value.self = value; return value; }
  if (event.kind === 'log-error') console.error(new RangeError('logged'));
  if (event.kind === 'timer-throws') {
    setTimeout(() => { throw new Error('from a timer'); }, 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { kind: event.kind };
};
`,
    },
    {
      name: 'node22',
      runtime: 'nodejs22.x',
      code: `export const handler = (event, context, callback) => {
  if (event.kind === 'callback-error') return callback(new Error('through the callback'));
  [1].map(() => { throw new SyntaxError('inside map'); });
};
`,
    },
    { name: 'syntax', code: 'export const handler = async (event) => {\n  return event.\n};\n' },
    { name: 'missing', code: "export const notTheHandler = async () => 'unused';\n" },
    { name: 'initThrows', code: "function load() { throw new Error('config missing'); }\nload();\nexport const handler = async () => 'never';\n" },
  ],
  traffic: [
    { at: 0, function: 'node24', event: { kind: 'ok' } },
    { at: 0, function: 'syntax' },
    { at: 0, function: 'missing' },
    { at: 0, function: 'initThrows' },
    { at: 0, function: 'node22', event: { kind: 'map' } },
    { at: 100, function: 'node24', count: 2, event: { kind: 'throw' } },
    { at: 1000, function: 'node22', event: { kind: 'callback-error' } },
    { at: 2000, function: 'node24', event: { kind: 'throw-string' } },
    { at: 3000, function: 'node24', event: { kind: 'reject' } },
    { at: 4000, function: 'node24', event: { kind: 'circular' } },
    { at: 5000, function: 'node24', event: { kind: 'log-error' } },
    { at: 6000, function: 'node24', event: { kind: 'timer-throws' } },
  ],
};

/** Globals whose `typeof`, as a bare name and on `globalThis`, the host probe logs. */
const GLOBAL_NAMES = [
  'self', 'importScripts', 'postMessage', 'XMLHttpRequest', 'location', 'indexedDB', 'Temporal',
  'fetch', 'WebSocket', 'navigator', 'crypto', 'Intl',
];

/** Logs what a handler reads from its host: locale, time zone, crypto, navigator and globals. */
const HOST_PROBE = `const probe = () => ({
  number: (1234567.891).toLocaleString(),
  numberDe: (1234567.891).toLocaleString('de-DE'),
  bigint: (1234567n).toLocaleString(),
  array: [1234.5, new Date(0)].toLocaleString(),
  date: new Date(0).toLocaleString(),
  dateInZone: new Date(0).toLocaleString('en-US', { timeZone: 'America/New_York' }),
  clonedDate: structuredClone(new Date(0)).toLocaleString(),
  clonedDateText: String(structuredClone(new Date(0))) + ' ' + structuredClone(new Date(0)).getHours(),
  resolved: Intl.DateTimeFormat().resolvedOptions().locale + ' ' + Intl.DateTimeFormat().resolvedOptions().timeZone,
  numberFormat: new Intl.NumberFormat().format(0.25),
  relative: new Intl.RelativeTimeFormat().format(-2, 'hour'),
  sorted: ['b', 'ä', 'a', 'Z'].sort((x, y) => x.localeCompare(y)).join(''),
  upper: 'istanbul'.toLocaleUpperCase(),
  uuid: crypto.randomUUID(),
  bytes: Array.from(crypto.getRandomValues(new Uint8Array(8))),
  navigator: [navigator.language, navigator.userAgent, navigator.platform, navigator.hardwareConcurrency],
  types: { ${GLOBAL_NAMES.map((name) => `${name}: typeof ${name} + '/' + typeof globalThis.${name}`).join(', ')} },
  keys: Object.keys(globalThis),
});
console.log('INIT', probe());
export const handler = async () => {
  globalThis.leaked = 1;
  console.log(JSON.stringify(probe()));
  console.log(await fetch('http://127.0.0.1:9/').then(() => 'fetched', (error) => error));
  try { new WebSocket('ws://127.0.0.1:9/'); } catch (error) { console.log(error); }
  try { crypto.getRandomValues(new Float64Array(1)); } catch (error) { console.log(error.name, error.message); }
  console.log(await crypto.subtle.digest('SHA-256', new Uint8Array(1)).catch((error) => error.message));
  return probe().uuid;
};
`;

/**
 * Handlers that read their host, on both runtimes, and handlers whose imports fail statically
 * (a built-in, a bare name, a package, a URL) and dynamically.
 */
const HOST_SCENARIO = {
  version: 1,
  name: 'Host differences',
  seed: 7,
  functions: [
    { name: 'probe24', runtime: 'nodejs24.x', code: HOST_PROBE },
    { name: 'probe22', runtime: 'nodejs22.x', architecture: 'arm64', memoryMb: 2048, code: HOST_PROBE },
    { name: 'staticBuiltin', code: "import { readFileSync } from 'node:fs';\nexport const handler = async () => readFileSync;\n" },
    { name: 'staticBare', code: "import { join } from 'path';\nexport const handler = async () => join('a', 'b');\n" },
    { name: 'staticPackage', code: "import _ from 'lodash';\nexport const handler = async () => _;\n" },
    { name: 'staticRemote', code: "import 'http://127.0.0.1:9/x.js';\nexport const handler = async () => 'loaded';\n" },
    { name: 'dynamicImport', code: "export const handler = async () => {\n  const fs = await import('node:fs');\n  return fs.readFileSync;\n};\n" },
  ],
  traffic: [
    { at: 0, function: 'probe24' },
    { at: 0, function: 'probe22' },
    { at: 0, function: 'staticBuiltin' },
    { at: 0, function: 'staticBare' },
    { at: 0, function: 'staticPackage' },
    { at: 0, function: 'staticRemote' },
    { at: 0, function: 'dynamicImport' },
    { at: 1000, function: 'probe24' },
  ],
};

/**
 * Runs the scenario in the runner and in the page, and requires the runner's trace file to
 * equal, byte for byte, the file the runner would write for the page's trace.
 */
async function expectSameTrace(page: Page, scenarioPath: string) {
  const scenarioText = await readFile(scenarioPath, 'utf8');
  const parsed = parseScenarioText(scenarioText);
  if (!parsed.ok) throw new Error(`${scenarioPath} is not a valid scenario: ${JSON.stringify(parsed.issues)}`);
  const [expected, events] = await Promise.all([runnerTrace(scenarioPath), browserTrace(page, scenarioText)]);

  const actual = serializeTrace(parsed.scenario, events);
  expect(events.length).toBeGreaterThan(0);
  expect(firstDifference(expected, actual)).toBe('none');
  expect(actual).toBe(expected);
}

for (const scenarioPath of ['examples/cold-and-warm.json', 'examples/timeout.json', 'examples/concurrency-limits.json']) {
  test(`${scenarioPath} gives the runner's trace`, async ({ page }) => {
    await expectSameTrace(page, join(root, scenarioPath));
  });
}

test("handler errors give the runner's trace", async ({ page }) => {
  const scenarioPath = join(outputFolder, 'errors.json');
  await writeFile(scenarioPath, JSON.stringify(ERRORS_SCENARIO, null, 2));
  await expectSameTrace(page, scenarioPath);
});

test("handlers read the runner's locale, crypto and globals", async ({ page }) => {
  const scenarioPath = join(outputFolder, 'host.json');
  await writeFile(scenarioPath, JSON.stringify(HOST_SCENARIO, null, 2));
  await expectSameTrace(page, scenarioPath);
});

test('recorded run replays the same in the runner', async ({ page }) => {
  // Requests a person sends: two invokes as a client awaiting each response, then two at once.
  await openApp(page);
  await page.getByRole('button', { name: /^Invoke(?! async)/ }).click();
  await page.getByRole('button', { name: /^Invoke(?! async)/ }).click();
  await page.getByLabel('Number of requests to send at once').fill('2');
  await page.getByRole('button', { name: 'Send 2 requests' }).click();
  const live = await traceOfFinishedRun(page);
  expect(live.filter((event) => event.type === 'invoke-end')).toHaveLength(4);

  // The scenario a shared link carries: the run's scenario with the sent requests in its traffic.
  const { runScenario, sent } = await page.evaluate(() => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    return { runScenario: state.runScenario, sent: state.snapshot?.sent ?? [] };
  });
  expect(runScenario).toBeDefined();
  const recorded = withRecordedTraffic(runScenario!, sent);
  const scenarioPath = join(outputFolder, 'recorded.json');
  await writeFile(scenarioPath, JSON.stringify(recorded, null, 2));
  const expected = await runnerTrace(scenarioPath);

  expect(firstDifference(expected, serializeTrace(recorded, live)), 'live run').toBe('none');

  await page.getByRole('button', { name: 'Replay' }).click();
  const replayed = await traceOfFinishedRun(page);
  expect(firstDifference(expected, serializeTrace(recorded, replayed)), 'replay').toBe('none');
});
