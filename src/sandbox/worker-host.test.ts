/**
 * The Node sandbox worker on a host set to de-DE and America/New_York, as the headless runner
 * may run: handler code still sees Lambda's en-US locale, UTC, seeded `crypto`, Node's
 * `navigator` and an import error with no host frames. The host's locale is fixed when a
 * process starts, so the worker runs in a child process.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InitResult, InvokeResult } from '../protocol/sandbox-api';
import { importError } from './import-errors';
import { toLambdaError } from './errors';

const root = fileURLToPath(new URL('../..', import.meta.url));

const PROBE = `export const handler = async () => ({
  number: (1234567.891).toLocaleString(),
  bigint: (1234567n).toLocaleString(),
  array: [1234.5, new Date(0)].toLocaleString(),
  date: new Date(0).toLocaleString(),
  clonedDate: structuredClone(new Date(0)).toLocaleString(),
  clonedDateText: String(structuredClone(new Date(0))),
  dateTimeFormat: Intl.DateTimeFormat().resolvedOptions().locale + ' ' + Intl.DateTimeFormat().resolvedOptions().timeZone,
  numberFormat: new Intl.NumberFormat().format(0.5),
  sorted: ['b', 'ä', 'a'].sort((x, y) => x.localeCompare(y)).join(''),
  uuid: crypto.randomUUID(),
  navigator: navigator.language + ' ' + navigator.userAgent,
  types: [typeof self, typeof importScripts, typeof postMessage, typeof XMLHttpRequest, typeof fetch, typeof WebSocket].join(' '),
  keys: Object.keys(globalThis),
});`;

const STATIC_IMPORT = "import { readFileSync } from 'node:fs';\nexport const handler = async () => readFileSync;";

/** Runs both handlers in a Node sandbox worker, in a child process with the given locale and zone. */
const CHILD = `
import { createNodeExecutor } from './src/driver/node-executor.node.ts';
const [probe, staticImport] = JSON.parse(process.argv[1]);
const executor = createNodeExecutor({ workers: 1 });
const spec = (envId, code) => ({
  envId, functionName: 'fn', code, handler: 'index.handler', runtime: 'nodejs24.x', architecture: 'x86_64',
  memoryMb: 128, timeoutMs: 3000, region: 'us-east-1', accountId: '123456789012', seed: 9,
  epochMs: Date.UTC(2026, 0, 1), logGroupName: '/aws/lambda/fn', logStreamName: 'stream',
});
await executor.init({ kind: 'init', executionId: 1, env: spec('probe#1', probe), startTime: 0 });
const invoke = await executor.invoke({
  kind: 'invoke', executionId: 2, envId: 'probe#1', requestId: 'r1', event: {}, startTime: 0, timeoutMs: 3000,
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
});
const init = await executor.init({ kind: 'init', executionId: 3, env: spec('import#1', staticImport), startTime: 0 });
process.stdout.write(JSON.stringify({ invoke, init }));
process.exit(0);
`;

let invoke: InvokeResult;
let init: InitResult;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', CHILD, JSON.stringify([PROBE, STATIC_IMPORT])],
    { cwd: root, env: { ...process.env, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'America/New_York' } },
  );
  ({ invoke, init } = JSON.parse(stdout) as { invoke: InvokeResult; init: InitResult });
}, 30_000);

describe('Node sandbox worker on a de-DE host', () => {
  it('formats with en-US and UTC', () => {
    const values = JSON.parse(invoke.responseJson ?? 'null') as Record<string, unknown>;
    expect(values).toMatchObject({
      number: '1,234,567.891',
      bigint: '1,234,567',
      array: '1,234.5,1/1/1970, 12:00:00 AM',
      date: '1/1/1970, 12:00:00 AM',
      clonedDate: '1/1/1970, 12:00:00 AM',
      clonedDateText: 'Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)',
      dateTimeFormat: 'en-US UTC',
      numberFormat: '0.5',
      sorted: 'aäb',
    });
  });

  it('gives Lambda globals and no browser globals', () => {
    const values = JSON.parse(invoke.responseJson ?? 'null') as Record<string, unknown>;
    expect(values.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(values.navigator).toBe('en-US Node.js/24');
    expect(values.types).toBe('undefined undefined undefined undefined function function');
    expect(values.keys).toEqual([]);
  });

  it('fails a static built-in import as the browser does', () => {
    expect(init.error).toEqual(toLambdaError(importError('node:fs'), 'nodejs24.x'));
  });
});
