/**
 * Sandbox throughput: 10,000 real handler invocations through the Node worker sandbox, spread
 * over 50 environments on the default number of workers, against a target of 10 s. For
 * scale, it also measures bare Comlink round trips (a `ready()` call that does no work) to one
 * sandbox worker in the same run. When Chromium is installed, the same invocations run through
 * the browser worker pool too (e2e/sandbox-check.html on a Vite dev server). Run it with
 * `npx tsx bench/sandbox.bench.ts`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type { EnvironmentSpec, InvokeResult } from '../src/engine/execution';
import { createNodeExecutor, startNodeWorker } from '../src/driver/node-executor.node.ts';

const INVOCATIONS = 10_000;
const ENVIRONMENTS = 50;
const TARGET_SECONDS = 10;
const ROUND_TRIPS = 5_000;

/** Three handler shapes: plain, a 50 ms simulated sleep, and a timer left for the next call. */
const HANDLERS = [
  `let count = 0;
   export const handler = async (event) => {
     count += 1;
     console.log('request', event.n);
     return { statusCode: 200, body: JSON.stringify({ count, n: event.n }) };
   };`,
  `export const handler = async (event) => {
     await new Promise((resolve) => setTimeout(resolve, 50));
     return { slept: 50, n: event.n };
   };`,
  `const seen = [];
   export const handler = async (event) => {
     seen.push(event.n);
     setTimeout(() => console.log('flushed', seen.length), 200);
     return seen.length;
   };`,
];

function spec(index: number): EnvironmentSpec {
  return {
    envId: `bench#${index}`,
    functionName: `bench-${index % HANDLERS.length}`,
    code: HANDLERS[index % HANDLERS.length]!,
    handler: 'index.handler',
    runtime: index % 2 === 0 ? 'nodejs22.x' : 'nodejs24.x',
    architecture: 'x86_64',
    memoryMb: 128,
    timeoutMs: 3000,
    region: 'us-east-1',
    accountId: '123456789012',
    seed: index,
    epochMs: Date.UTC(2026, 0, 1),
    logGroupName: `/aws/lambda/bench-${index % HANDLERS.length}`,
    logStreamName: `2026/01/01/[$LATEST]${index}`,
  };
}

async function measureInvocations(): Promise<{ seconds: number; workers: number; failures: number }> {
  const executor = createNodeExecutor();
  try {
    const specs = Array.from({ length: ENVIRONMENTS }, (_, index) => spec(index));
    await Promise.all(specs.map((env) => executor.init({ kind: 'init', executionId: 0, env, startTime: 0 })));

    const perEnvironment = INVOCATIONS / ENVIRONMENTS;
    let failures = 0;
    const started = performance.now();
    // Each environment serves its requests one after another, as Lambda does; environments run side by side.
    await Promise.all(
      specs.map(async (env) => {
        for (let n = 0; n < perEnvironment; n += 1) {
          const result: InvokeResult = await executor.invoke({
            kind: 'invoke',
            executionId: n,
            envId: env.envId,
            requestId: `${env.envId}-${n}`,
            event: { n },
            startTime: 1000 + n * 1000,
            timeoutMs: env.timeoutMs,
            invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${env.functionName}`,
          });
          if (result.outcome !== 'success') failures += 1;
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, workers: executor.size, failures };
  } finally {
    await executor.close();
  }
}

async function measureRoundTrips(): Promise<number> {
  const worker = startNodeWorker(0);
  worker.failure.catch(() => undefined);
  try {
    await worker.api.ready();
    const started = performance.now();
    for (let index = 0; index < ROUND_TRIPS; index += 1) await worker.api.ready();
    return ROUND_TRIPS / ((performance.now() - started) / 1000);
  } finally {
    worker.terminate();
  }
}

/** Runs the same invocations in Chromium; returns undefined when no Chromium is installed. */
async function measureInChromium(): Promise<{ seconds: number; workers: number; failures: number } | undefined> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return undefined;
  const vite = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0 },
    optimizeDeps: { include: ['comlink'] },
  });
  await vite.listen();
  const browser = await chromium.launch({
    executablePath,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('e2e/sandbox-check.html', vite.resolvedUrls!.local[0]).href);
    await page.waitForFunction(() => window.__sandboxCheck !== undefined);
    const specs = Array.from({ length: ENVIRONMENTS }, (_, index) => spec(index));
    return await page.evaluate(
      async ({ specs, invocations }) => {
        const executor = window.__sandboxCheck!.createWorkerPool();
        await Promise.all(specs.map((env) => executor.init({ kind: 'init', executionId: 0, env, startTime: 0 })));
        let failures = 0;
        const started = performance.now();
        await Promise.all(
          specs.map(async (env) => {
            for (let n = 0; n < invocations / specs.length; n += 1) {
              const result = await executor.invoke({
                kind: 'invoke',
                executionId: n,
                envId: env.envId,
                requestId: `${env.envId}-${n}`,
                event: { n },
                startTime: 1000 + n * 1000,
                timeoutMs: env.timeoutMs,
                invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${env.functionName}`,
              });
              if (result.outcome !== 'success') failures += 1;
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        await executor.close();
        return { seconds, workers: executor.size, failures };
      },
      { specs, invocations: INVOCATIONS },
    );
  } finally {
    await browser.close();
    await vite.close();
  }
}

function report(label: string, run: { seconds: number; workers: number; failures: number }): void {
  const rate = INVOCATIONS / run.seconds;
  console.log(`${label}: ${INVOCATIONS} invocations over ${ENVIRONMENTS} environments on ${run.workers} ${run.workers === 1 ? 'worker' : 'workers'}`);
  console.log(`  total: ${run.seconds.toFixed(2)} s, ${Math.round(rate)} invocations/s, ${run.failures} not successful`);
  console.log(`  ratio to the ${TARGET_SECONDS} s target: ${(run.seconds / TARGET_SECONDS).toFixed(2)} (below 1 meets it)`);
}

const run = await measureInvocations();
const roundTripsPerSecond = await measureRoundTrips();

console.log(`machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}`);
report('Node worker_threads', run);
console.log(`  bare Comlink round trips to one worker: ${Math.round(roundTripsPerSecond)}/s`);

const browserRun = await measureInChromium();
if (browserRun) report('Chromium worker pool', browserRun);
else console.log('Chromium: not installed (set CHROMIUM_PATH), browser figures skipped');
