/**
 * Runs hostile handlers through the browser worker pool and checks that the sandbox holds:
 * no network, no storage, no page, no eval, and a CPU loop stopped by the watchdog while the
 * page stays responsive. The pool is driven through e2e/sandbox-check.html on a Vite dev
 * server that this spec starts, so that no test page ships in the production build.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import type { InvokeResult } from '../src/engine/execution';

const root = fileURLToPath(new URL('..', import.meta.url));

let vite: ViteDevServer;
let checkPageUrl: string;
/** A loopback server that counts every connection a handler manages to open. */
let probe: Server;
let probeConnections = 0;
let probeOrigin: string;

test.beforeAll(async () => {
  probe = createHttpServer((_, response) => response.end('reached'));
  probe.on('connection', () => {
    probeConnections += 1;
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probeOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;

  vite = await createServer({
    root,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    // Pre-bundled up front, so the dev server does not reload the page when it meets comlink.
    optimizeDeps: { include: ['comlink'] },
  });
  await vite.listen();
  checkPageUrl = new URL('e2e/sandbox-check.html', vite.resolvedUrls!.local[0]).href;
});

test.afterAll(async () => {
  await vite?.close();
  await new Promise((resolve) => probe?.close(resolve));
});

interface HandlerRun {
  readonly init: { readonly error?: { readonly errorMessage: string } };
  readonly invoke: InvokeResult;
}

/** Runs each handler once, in its own environment of one pool, and returns the results. */
async function runHandlers(page: Page, handlers: Record<string, string>): Promise<Record<string, HandlerRun>> {
  await page.goto(checkPageUrl);
  await expect(page.locator('#status')).toHaveText('ready');
  return page.evaluate(async (sources) => {
    const pool = window.__sandboxCheck!.createWorkerPool({ workers: 2 });
    const runs: Record<string, unknown> = {};
    for (const [name, code] of Object.entries(sources)) {
      const env = {
        envId: name,
        functionName: 'hostile',
        code,
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        architecture: 'x86_64',
        memoryMb: 128,
        timeoutMs: 3000,
        region: 'us-east-1',
        accountId: '123456789012',
        seed: 1,
        epochMs: Date.UTC(2026, 0, 1),
        logGroupName: '/aws/lambda/hostile',
        logStreamName: '2026/01/01/[$LATEST]0',
      } as const;
      const init = await pool.init({ kind: 'init', executionId: 1, env, startTime: 0 });
      const invoke = await pool.invoke({
        kind: 'invoke',
        executionId: 2,
        envId: name,
        requestId: `request-${name}`,
        event: {},
        startTime: 1000,
        timeoutMs: 3000,
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hostile',
      });
      runs[name] = { init, invoke };
    }
    await pool.close();
    return runs as Record<string, HandlerRun>;
  }, handlers);
}

/**
 * A handler that awaits `expression`, a promise settled by real work (a fetch, an import). It
 * steps 1 ms virtual sleeps, each a real macrotask, while it waits: the sandbox reports a
 * handler with no pending virtual timer as idle, and so timed out, after one macrotask.
 */
function settling(expression: string): string {
  return `export const handler = async () => {
    const state = { done: false };
    (${expression}).then(() => { state.done = true; }, (error) => { state.done = true; state.error = error; });
    for (let step = 0; step < 2000 && !state.done; step += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    if (state.error) throw state.error;
    return state.done ? 'reached' : 'still pending';
  };`;
}

/** Everything the invocation reported: its error and its log lines. */
function reported(run: HandlerRun | undefined): string {
  const invoke = run?.invoke;
  const error = invoke?.error ? `${invoke.error.errorType}: ${invoke.error.errorMessage}` : '';
  return [run?.init.error?.errorMessage ?? '', error, ...(invoke?.logs ?? []).map((line) => line.text)].join('\n');
}

test('hostile handlers reach no network, storage or page', async ({ page }) => {
  const url = `${probeOrigin}/steal`;
  const runs = await runHandlers(page, {
    websocket: `export const handler = async () => new WebSocket(${JSON.stringify(url.replace('http', 'ws'))}).url;`,
    fetch: settling(`fetch(${JSON.stringify(url)})`),
    xhr: `export const handler = async () => {
      const request = new XMLHttpRequest();
      request.open('GET', ${JSON.stringify(url)}, false);
      request.send();
      return 'reached';
    };`,
    remoteImport: settling(`import(${JSON.stringify(`${probeOrigin}/evil.mjs`)})`),
    localStorage: `export const handler = async () => localStorage.getItem('lambda-playground');`,
    indexedDB: `export const handler = async () => { indexedDB.open('stolen'); return 'reached'; };`,
    caches: settling(`caches.open('stolen')`),
    document: `export const handler = async () => document.cookie;`,
    parent: `export const handler = async () => parent.document.title;`,
    eval: `export const handler = async () => new Function('return 1')();`,
  });

  const expected: Record<string, RegExp> = {
    websocket: /WebSocket is not available in the playground/,
    fetch: /fetch is not available in the playground/,
    xhr: /XMLHttpRequest is not defined/,
    remoteImport: /Cannot import 'http:\/\/127\.0\.0\.1:\d+\/evil\.mjs'/,
    localStorage: /localStorage is not defined/,
    indexedDB: /indexedDB is not defined/,
    caches: /denied|SecurityError|caches is not defined/,
    document: /document is not defined/,
    parent: /parent is not defined/,
    eval: /EvalError|unsafe-eval/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    const run = runs[name];
    expect(run?.invoke.outcome, `${name}: ${reported(run)}`).toBe('error');
    expect(reported(run), name).toMatch(pattern);
  }
  expect(probeConnections).toBe(0);
});

test('CPU loop stopped while page stays responsive', async ({ page }) => {
  await page.goto(checkPageUrl);
  await expect(page.locator('#status')).toHaveText('ready');

  const outcome = await page.evaluate(async () => {
    const pool = window.__sandboxCheck!.createWorkerPool({ workers: 1, watchdogMs: 2000 });
    const env = (envId: string, code: string) =>
      ({
        envId,
        functionName: 'fn',
        code,
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        architecture: 'x86_64',
        memoryMb: 128,
        timeoutMs: 3000,
        region: 'us-east-1',
        accountId: '123456789012',
        seed: 1,
        epochMs: Date.UTC(2026, 0, 1),
        logGroupName: '/aws/lambda/fn',
        logStreamName: '2026/01/01/[$LATEST]0',
      }) as const;
    const invoke = (envId: string, startTime: number) =>
      pool.invoke({
        kind: 'invoke',
        executionId: 2,
        envId,
        requestId: `request-${envId}-${startTime}`,
        event: {},
        startTime,
        timeoutMs: 3000,
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
      });

    await pool.init({ kind: 'init', executionId: 1, env: env('warm', 'let n = 0; export const handler = async () => ++n;'), startTime: 0 });
    await pool.init({ kind: 'init', executionId: 1, env: env('spin', 'export const handler = async () => { while (true) {} };'), startTime: 0 });
    const before = await invoke('warm', 100);

    // The page's own timers keep firing while the worker spins.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    const stuck = await invoke('spin', 200);
    clearInterval(ticker);

    const after = await invoke('warm', 5000);
    await pool.close();
    return { before, stuck, after, ticks };
  });

  expect(outcome.before.responseJson).toBe('1');
  expect(outcome.stuck.outcome).toBe('timeout');
  expect(outcome.stuck.durationMs).toBe(3000);
  expect(outcome.stuck.error?.errorMessage).toContain('never yielded');
  expect(outcome.ticks).toBeGreaterThan(5);
  // The warm environment shared the stopped worker: it ran INIT again in a fresh one.
  expect(outcome.after.outcome).toBe('success');
  expect(outcome.after.responseJson).toBe('1');
  expect(outcome.after.logs[0]?.text).toContain('restarted this environment');
});
