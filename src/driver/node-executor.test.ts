import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentSpec, InitRequest, InvokeRequest, InvokeResult, LogLine } from '../engine/execution';
import { createNodeExecutor } from './node-executor.node.ts';
import type { SandboxExecutor } from './sandbox-pool';

const EPOCH_MS = Date.UTC(2026, 0, 1);

function spec(envId: string, code: string, overrides: Partial<EnvironmentSpec> = {}): EnvironmentSpec {
  return {
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
    seed: 7,
    epochMs: EPOCH_MS,
    logGroupName: '/aws/lambda/fn',
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    ...overrides,
  };
}

function initRequest(env: EnvironmentSpec, startTime = 0): InitRequest {
  return { kind: 'init', executionId: 1, env, startTime };
}

let requestCount = 0;

function invokeRequest(envId: string, startTime: number, overrides: Partial<InvokeRequest> = {}): InvokeRequest {
  requestCount += 1;
  return {
    kind: 'invoke',
    executionId: 100 + requestCount,
    envId,
    requestId: `req-${requestCount}`,
    event: {},
    startTime,
    timeoutMs: 3000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    ...overrides,
  };
}

/**
 * Handler-side helper that waits for a promise settled by real work (a dynamic import goes
 * through Node's module-hooks thread), stepping 1 ms virtual sleeps, each of which spends one
 * real macrotask. The sandbox's event loop reports a handler as idle, and so timed out, when
 * no virtual timer is pending after one macrotask.
 */
const WAIT_FOR_REAL_WORK = `async function waitForRealWork(promise) {
  const state = { done: false };
  promise.then(() => { state.done = true; }, (error) => { state.done = true; state.error = error; });
  for (let step = 0; step < 2000 && !state.done; step += 1) await new Promise((resolve) => setTimeout(resolve, 1));
  return state;
}`;

function logText(logs: readonly LogLine[]): string {
  return logs.map((line) => line.text).join('\n');
}

function response(result: InvokeResult): unknown {
  expect(result.outcome, logText(result.logs)).toBe('success');
  return JSON.parse(result.responseJson ?? 'null');
}

describe('node executor', () => {
  let executor: SandboxExecutor;

  beforeAll(() => {
    executor = createNodeExecutor({ workers: 2 });
  });

  afterAll(async () => {
    await executor.close();
  });

  it('gives each environment its own module scope', async () => {
    const code = `const seen = []; export const handler = async (event) => { seen.push(event.n); return seen; };`;
    await executor.init(initRequest(spec('scope#1', code)));
    await executor.init(initRequest(spec('scope#2', code)));

    expect(response(await executor.invoke(invokeRequest('scope#1', 10, { event: { n: 1 } })))).toEqual([1]);
    expect(response(await executor.invoke(invokeRequest('scope#1', 20, { event: { n: 2 } })))).toEqual([1, 2]);
    expect(response(await executor.invoke(invokeRequest('scope#2', 30, { event: { n: 3 } })))).toEqual([3]);
  });

  it('logs module-scope output during INIT only', async () => {
    const code = `console.log('loading module'); export const handler = async () => 'ok';`;
    const init = await executor.init(initRequest(spec('init-log#1', code)));
    const first = await executor.invoke(invokeRequest('init-log#1', 100));
    const second = await executor.invoke(invokeRequest('init-log#1', 200));

    expect(logText(init.logs)).toContain('loading module');
    expect(logText(first.logs)).not.toContain('loading module');
    expect(logText(second.logs)).not.toContain('loading module');
  });

  it('fires a pending timer in the next invocation', async () => {
    const code = `export const handler = async (event) => {
      if (event.schedule) setTimeout(() => console.log('timer fired'), 1000);
      return 'done';
    };`;
    await executor.init(initRequest(spec('timer#1', code)));

    const scheduling = await executor.invoke(invokeRequest('timer#1', 0, { event: { schedule: true } }));
    const later = await executor.invoke(invokeRequest('timer#1', 60_000));

    expect(logText(scheduling.logs)).not.toContain('timer fired');
    expect(logText(later.logs)).toContain('timer fired');
  });

  it('times out a sleep longer than the timeout', async () => {
    const code = `export const handler = async () => { await new Promise((r) => setTimeout(r, 3000)); return 'late'; };`;
    await executor.init(initRequest(spec('sleep#1', code, { timeoutMs: 1000 })));

    const result = await executor.invoke(invokeRequest('sleep#1', 0, { timeoutMs: 1000 }));

    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBe(1000);
  });

  it('completes a 2 s sleep on simulated time', async () => {
    const code = `export const handler = async () => { await new Promise((r) => setTimeout(r, 2000)); return 'rested'; };`;
    await executor.init(initRequest(spec('sleep#2', code)));

    const result = await executor.invoke(invokeRequest('sleep#2', 0));

    expect(response(result)).toBe('rested');
    expect(result.durationMs).toBeGreaterThanOrEqual(2000);
    expect(result.durationMs).toBeLessThan(2100);
  });

  it('rejects a static built-in import at INIT', async () => {
    const code = `import { readFileSync } from 'node:fs'; export const handler = async () => readFileSync('/etc/passwd', 'utf8');`;

    const init = await executor.init(initRequest(spec('fs#1', code)));

    const message = "Cannot import built-in module 'node:fs': the playground runs handlers without Node's built-in modules";
    expect(init.error?.errorMessage).toContain(message);
    expect(logText(init.logs)).toContain(message);
  });

  it('rejects dynamic built-in imports, also from eval and Function', async () => {
    const code = `${WAIT_FOR_REAL_WORK}
    export const handler = async () => {
      const attempts = [() => import('child_process'), () => eval("import('node:fs')"), () => new Function("return import('os')")()];
      const results = [];
      for (const attempt of attempts) {
        const outcome = await waitForRealWork(attempt());
        if (outcome.error) results.push(String(outcome.error.message));
        else results.push(outcome.done ? 'imported' : 'pending');
      }
      return results;
    };`;
    await executor.init(initRequest(spec('dynamic#1', code)));

    const results = response(await executor.invoke(invokeRequest('dynamic#1', 0))) as string[];

    expect(results[0]).toContain("Cannot import built-in module 'node:child_process'");
    expect(results[1]).toContain("Cannot import built-in module 'node:fs'");
    expect(results[2]).toContain("Cannot import built-in module 'node:os'");
  });

  it('reports a failed dynamic import as an error', async () => {
    const code = `export const handler = async () => { await import('child_process'); return 'imported'; };`;
    await executor.init(initRequest(spec('plain-import#1', code)));

    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await executor.invoke(invokeRequest('plain-import#1', attempt * 1000));

      expect(result.outcome, logText(result.logs)).toBe('error');
      expect(result.error?.errorMessage).toContain("Cannot import built-in module 'node:child_process'");
    }
  });

  it('hides the real process, require and Buffer', async () => {
    const code = `export const handler = async () => ({
      globalProcess: typeof globalThis.process,
      functionProcess: typeof new Function('return this')().process,
      require: typeof require,
      buffer: typeof Buffer,
      fetch: typeof globalThis.fetch,
      binding: typeof process.binding,
      exit: typeof process.exit,
      moduleImport: typeof module,
    });`;
    await executor.init(initRequest(spec('globals#1', code)));

    expect(response(await executor.invoke(invokeRequest('globals#1', 0)))).toEqual({
      globalProcess: 'undefined',
      functionProcess: 'undefined',
      require: 'undefined',
      buffer: 'undefined',
      fetch: 'undefined',
      binding: 'undefined',
      exit: 'undefined',
      moduleImport: 'undefined',
    });
  });

  it('hosts many environments on few workers', async () => {
    const code = `export const handler = async (event, context) => context.logStreamName + ':' + event.n;`;
    const envIds = Array.from({ length: 40 }, (_, index) => `many#${index}`);
    await Promise.all(envIds.map((envId) => executor.init(initRequest(spec(envId, code, { logStreamName: envId })))));

    const results = await Promise.all(
      envIds.map((envId, index) => executor.invoke(invokeRequest(envId, 0, { event: { n: index } }))),
    );

    expect(results.map(response)).toEqual(envIds.map((envId, index) => `${envId}:${index}`));
    expect(executor.size).toBe(2);
    const counts = executor.environmentCounts();
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('node executor watchdog', () => {
  it('stops a CPU loop and keeps working', async () => {
    const executor = createNodeExecutor({ workers: 1, watchdogMs: 1000 });
    try {
      await executor.init(initRequest(spec('warm#1', `let count = 0; export const handler = async () => ++count;`)));
      await executor.init(initRequest(spec('spin#1', `export const handler = async () => { while (true) {} };`)));
      expect(response(await executor.invoke(invokeRequest('warm#1', 0)))).toBe(1);

      const stuck = await executor.invoke(invokeRequest('spin#1', 100));

      expect(stuck.outcome).toBe('timeout');
      expect(stuck.durationMs).toBe(3000);
      expect(stuck.error?.errorMessage).toContain('never yielded');

      const restored = await executor.invoke(invokeRequest('warm#1', 5000));
      expect(response(restored)).toBe(1);
      expect(restored.logs[0]?.text).toContain('restarted this environment');

      expect(response(await executor.invoke(invokeRequest('warm#1', 6000)))).toBe(2);
    } finally {
      await executor.close();
    }
  });
});
