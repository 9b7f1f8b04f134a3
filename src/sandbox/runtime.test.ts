import { describe, expect, it } from 'vitest';
import {
  createTestRuntime,
  envSpec,
  initRequest,
  invokeRequest,
  messages,
  TEST_EPOCH_MS,
} from './test-support.node';

const COUNTER = `
const items = [];
console.log('cold start');
export const handler = async () => {
  items.push(items.length + 1);
  return items;
};`;

describe('sandbox runtime: environments', () => {
  it('module state persists across warm invocations', async () => {
    const runtime = createTestRuntime();
    await runtime.init(initRequest(envSpec(COUNTER)));
    const responses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await runtime.invoke(invokeRequest('fn#1', 1000 * (i + 1)));
      responses.push(result.responseJson ?? '');
    }
    expect(responses).toEqual(['[1]', '[1,2]', '[1,2,3]', '[1,2,3,4]', '[1,2,3,4,5]']);
  });

  it('environments never share module state', async () => {
    const runtime = createTestRuntime();
    for (const envId of ['fn#1', 'fn#2', 'fn#3']) {
      await runtime.init(initRequest(envSpec(COUNTER, { envId })));
    }
    for (const envId of ['fn#1', 'fn#2', 'fn#3']) {
      const result = await runtime.invoke(invokeRequest(envId, 1000));
      expect(result.responseJson).toBe('[1]');
    }
  });

  it('INIT console output appears once per environment', async () => {
    const runtime = createTestRuntime();
    const first = await runtime.init(initRequest(envSpec(COUNTER, { envId: 'fn#1' })));
    const second = await runtime.init(initRequest(envSpec(COUNTER, { envId: 'fn#2' })));
    expect(first.logs.map((line) => line.text)).toEqual([
      '2024-01-01T00:00:00.000Z\tundefined\tINFO\tcold start',
    ]);
    expect(messages(second.logs)).toEqual(['cold start']);
    const invoked = await runtime.invoke(invokeRequest('fn#1', 1000));
    expect(messages(invoked.logs)).toEqual([]);
  });

  it('INIT lines carry "-" as request ID on nodejs24.x', async () => {
    const runtime = createTestRuntime();
    const init = await runtime.init(initRequest(envSpec(COUNTER, { runtime: 'nodejs24.x' })));
    expect(init.logs[0]?.text).toBe('2024-01-01T00:00:00.000Z\t-\tINFO\tcold start');
  });

  it('dispose forgets the environment', async () => {
    const runtime = createTestRuntime();
    await runtime.init(initRequest(envSpec(COUNTER)));
    runtime.dispose('fn#1');
    await expect(runtime.invoke(invokeRequest('fn#1', 1000))).rejects.toThrow(/no environment "fn#1"/);
  });
});

describe('sandbox runtime: virtual time', () => {
  it('top-level await of a sleep counts as INIT time', async () => {
    const runtime = createTestRuntime();
    const code = `await new Promise((resolve) => setTimeout(resolve, 500));
export const handler = async () => 'ok';`;
    const init = await runtime.init(initRequest(envSpec(code), 250));
    expect(init.error).toBeUndefined();
    expect(init.userInitMs).toBe(500);
  });

  it('an awaited sleep sets the duration', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return 'slept';
};`;
    await runtime.init(initRequest(envSpec(code)));
    const result = await runtime.invoke(invokeRequest('fn#1', 10_000));
    expect(result.outcome).toBe('success');
    expect(result.durationMs).toBe(2000);
    expect(result.responseJson).toBe('"slept"');
  });

  it('an un-awaited timer fires in the next invocation', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async (event) => {
  if (event.schedule) setTimeout(() => console.log('timer from', event.schedule), 1000);
  console.log('handling', event.schedule ?? 'second');
  return 'done';
};`;
    await runtime.init(initRequest(envSpec(code)));
    const first = await runtime.invoke(invokeRequest('fn#1', 1000, { event: { schedule: 'first' } }));
    expect(first.durationMs).toBe(0);
    expect(messages(first.logs)).toEqual(['handling first']);

    const second = await runtime.invoke(invokeRequest('fn#1', 60_000, { requestId: 'second-id' }));
    expect(messages(second.logs)).toEqual(['timer from first', 'handling second']);
    expect(second.logs[0]?.text.startsWith('2024-01-01T00:01:00.000Z\tsecond-id\tINFO')).toBe(true);
    expect(second.logs[0]?.time).toBe(60_000);
  });

  it('a sleep longer than the timeout times out', async () => {
    const runtime = createTestRuntime();
    const code = `let calls = 0;
export const handler = async (event) => {
  calls += 1;
  if (event.sleep) await new Promise((resolve) => setTimeout(resolve, event.sleep));
  return calls;
};`;
    await runtime.init(initRequest(envSpec(code)));
    const timedOut = await runtime.invoke(invokeRequest('fn#1', 1000, { event: { sleep: 3000 }, timeoutMs: 1000 }));
    expect(timedOut.outcome).toBe('timeout');
    expect(timedOut.durationMs).toBe(1000);
    expect(timedOut.error?.errorType).toBe('Sandbox.Timedout');

    // Lambda resets an environment after a timeout: the engine initialises it again.
    await runtime.init(initRequest(envSpec(code), 5000));
    const next = await runtime.invoke(invokeRequest('fn#1', 6000, { timeoutMs: 1000 }));
    expect(next.outcome).toBe('success');
    expect(next.responseJson).toBe('1');
  });

  it('a promise that can never settle times out', async () => {
    const runtime = createTestRuntime();
    await runtime.init(initRequest(envSpec('export const handler = () => new Promise(() => {});', { runtime: 'nodejs24.x' })));
    const result = await runtime.invoke(invokeRequest('fn#1', 0, { timeoutMs: 2500 }));
    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBe(2500);
  });

  it('Date and performance read the virtual clock', async () => {
    const runtime = createTestRuntime();
    const code = `const loadedAt = performance.now();
export const handler = async () => {
  const before = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const date = new Date();
  return {
    loadedAt,
    before,
    after: date.getTime(),
    iso: date.toISOString(),
    text: date.toString(),
    hours: date.getHours(),
    offset: date.getTimezoneOffset(),
    local: new Date('2024-03-01T10:00:00').toISOString(),
    parsed: new Date(0).toISOString(),
    perf: performance.now(),
    called: typeof Date(),
  };
};`;
    await runtime.init(initRequest(envSpec(code), 100));
    const result = await runtime.invoke(invokeRequest('fn#1', 3_600_000));
    const body = JSON.parse(result.responseJson ?? '{}');
    expect(body.loadedAt).toBe(0);
    expect(body.before).toBe(TEST_EPOCH_MS + 3_600_000);
    expect(body.after).toBe(TEST_EPOCH_MS + 3_601_500);
    expect(body.iso).toBe('2024-01-01T01:00:01.500Z');
    expect(body.text).toBe('Mon Jan 01 2024 01:00:01 GMT+0000 (Coordinated Universal Time)');
    expect(body.hours).toBe(1);
    expect(body.offset).toBe(0);
    expect(body.local).toBe('2024-03-01T10:00:00.000Z');
    expect(body.parsed).toBe('1970-01-01T00:00:00.000Z');
    expect(body.perf).toBe(3_601_400);
    expect(body.called).toBe('string');
  });

  it('Math.random is seeded per environment', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => [Math.random(), Math.random(), Math.max(1, 2)];`;
    await runtime.init(initRequest(envSpec(code, { envId: 'a', seed: 7 })));
    await runtime.init(initRequest(envSpec(code, { envId: 'b', seed: 7 })));
    await runtime.init(initRequest(envSpec(code, { envId: 'c', seed: 8 })));
    const a = await runtime.invoke(invokeRequest('a', 0));
    const b = await runtime.invoke(invokeRequest('b', 0));
    const c = await runtime.invoke(invokeRequest('c', 0));
    expect(a.responseJson).toBe(b.responseJson);
    expect(a.responseJson).not.toBe(c.responseJson);
    expect(JSON.parse(a.responseJson ?? '[]')[2]).toBe(2);
  });

  it('setInterval repeats until cleared', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => {
  const ticks = [];
  await new Promise((resolve) => {
    const id = setInterval(() => {
      ticks.push(Date.now() % 100000);
      if (ticks.length === 3) { clearInterval(id); resolve(); }
    }, 250);
  });
  return ticks;
};`;
    await runtime.init(initRequest(envSpec(code, { epochMs: 0 })));
    const result = await runtime.invoke(invokeRequest('fn#1', 1000));
    expect(result.responseJson).toBe('[1250,1500,1750]');
    expect(result.durationMs).toBe(750);
  });

  it('clearTimeout cancels a timer', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => {
  const cancelled = setTimeout(() => console.log('must not run'), 100);
  clearTimeout(cancelled);
  const numeric = setTimeout(() => console.log('must not run either'), 100);
  clearTimeout(Number(numeric));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return 'ok';
};`;
    await runtime.init(initRequest(envSpec(code)));
    const first = await runtime.invoke(invokeRequest('fn#1', 0));
    const second = await runtime.invoke(invokeRequest('fn#1', 10_000));
    expect(first.durationMs).toBe(200);
    expect(messages(first.logs)).toEqual([]);
    expect(messages(second.logs)).toEqual([]);
  });

  it('setImmediate and process.hrtime use the virtual clock', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => {
  const start = process.hrtime.bigint();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { elapsedNs: String(process.hrtime.bigint() - start), env: process.env.AWS_EXECUTION_ENV, tz: process.env.TZ };
};`;
    await runtime.init(initRequest(envSpec(code)));
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(JSON.parse(result.responseJson ?? '{}')).toEqual({
      elapsedNs: '5000000',
      env: 'AWS_Lambda_nodejs22.x',
      tz: ':UTC',
    });
  });
});

describe('sandbox runtime: isolation', () => {
  it('removes the bindings entry from globalThis after load', async () => {
    const runtime = createTestRuntime();
    const code = `const leftovers = Object.getOwnPropertyNames(globalThis).filter((name) => name.startsWith('__lp_env'));
export const handler = async () => leftovers;`;
    await runtime.init(initRequest(envSpec(code)));
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.responseJson).toBe('[]');
    expect(Object.getOwnPropertyNames(globalThis).filter((name) => name.startsWith('__lp_env'))).toEqual([]);
  });

  it('keeps a user declaration of a bound name', async () => {
    const runtime = createTestRuntime();
    const code = `const setTimeout = (fn) => fn();
export const handler = async () => { let ran = false; setTimeout(() => { ran = true; }); return ran; };`;
    const init = await runtime.init(initRequest(envSpec(code)));
    expect(init.error).toBeUndefined();
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.responseJson).toBe('true');
  });
});
