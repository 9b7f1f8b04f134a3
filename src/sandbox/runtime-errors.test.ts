import { describe, expect, it } from 'vitest';
import type { EnvironmentSpec } from '../protocol/sandbox-api';
import { createTestRuntime, envSpec, initRequest, invokeRequest, messages } from './test-support.node';

async function invokeOnce(code: string, event: unknown = {}, overrides: Partial<EnvironmentSpec> = {}) {
  const runtime = createTestRuntime();
  const init = await runtime.init(initRequest(envSpec(code, overrides)));
  expect(init.error).toBeUndefined();
  return runtime.invoke(invokeRequest('fn#1', 1000, { event, requestId: 'req-id' }));
}

async function initOnce(code: string, overrides: Partial<EnvironmentSpec> = {}) {
  const runtime = createTestRuntime();
  return runtime.init(initRequest(envSpec(code, overrides)));
}

describe('sandbox runtime: invocation errors', () => {
  it('thrown Error', async () => {
    const code = `export const handler = async () => {\n  throw new TypeError('bad input');\n};`;
    const result = await invokeOnce(code);
    expect(result.outcome).toBe('error');
    expect(result.error).toEqual({
      errorType: 'TypeError',
      errorMessage: 'bad input',
      trace: ['TypeError: bad input', '    at Runtime.handler (file:///var/task/index.mjs:2:9)'],
    });
    expect(result.logs.map((line) => line.text)).toEqual([
      '2024-01-01T00:00:01.000Z\treq-id\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"bad input","stack":["TypeError: bad input","    at Runtime.handler (file:///var/task/index.mjs:2:9)"]}',
    ]);
  });

  it('stack on nodejs24.x names the buffered processor', async () => {
    const code = `export const handler = async () => { throw new Error('x'); };`;
    const result = await invokeOnce(code, {}, { runtime: 'nodejs24.x' });
    expect(result.error?.trace).toEqual([
      'Error: x',
      '    at BufferedInvokeProcessor.handler (file:///var/task/index.mjs:1:44)',
    ]);
  });

  it('custom error fields appear in the log line', async () => {
    const code = `export const handler = async () => { throw Object.assign(new Error('denied'), { code: 'E_AUTH', status: 403 }); };`;
    const result = await invokeOnce(code);
    expect(messages(result.logs)[0]).toMatch(
      /^Invoke Error \t\{"errorType":"Error","errorMessage":"denied","code":"E_AUTH","status":403,"stack":\["Error: denied"/,
    );
  });

  it.each([
    ['a string', `'oops'`, { errorType: 'string', errorMessage: 'oops', trace: [] }],
    ['a number', '42', { errorType: 'number', errorMessage: '42', trace: [] }],
    ['an object', `{ reason: 'x' }`, { errorType: 'object', errorMessage: '[object Object]', trace: [] }],
  ])('thrown %s', async (_name, thrown, expected) => {
    const result = await invokeOnce(`export const handler = async () => { throw ${thrown}; };`);
    expect(result.outcome).toBe('error');
    expect(result.error).toEqual(expected);
  });

  it('thrown string is logged as an Error', async () => {
    const result = await invokeOnce(`export const handler = async () => { throw 'oops'; };`);
    expect(messages(result.logs)).toEqual([
      'Invoke Error \t{"errorType":"Error","errorMessage":"oops","stack":["Error: oops"]}',
    ]);
  });

  it('rejection with undefined on each runtime', async () => {
    const code = `export const handler = () => Promise.reject(undefined);`;
    const legacy = await invokeOnce(code);
    expect(legacy.error).toEqual({ errorType: 'string', errorMessage: 'handled', trace: [] });
    const current = await invokeOnce(code, {}, { runtime: 'nodejs24.x' });
    expect(current.error).toEqual({ errorType: 'undefined', errorMessage: 'undefined', trace: [] });
  });

  it('rejected promise', async () => {
    const code = `export const handler = () => new Promise((_, reject) => setTimeout(() => reject(new RangeError('late')), 300));`;
    const result = await invokeOnce(code);
    expect(result.outcome).toBe('error');
    expect(result.durationMs).toBe(300);
    expect(result.error?.errorType).toBe('RangeError');
    expect(result.error?.trace[1]).toMatch(/file:\/\/\/var\/task\/index\.mjs:1:\d+\)$/);
  });

  it.each([
    ['circular', `const value = {}; value.self = value; return value;`],
    ['BigInt', `return { big: 10n };`],
  ])('unserializable response: %s', async (_name, body) => {
    const code = `export const handler = async () => { ${body} };`;
    const legacy = await invokeOnce(code);
    expect(legacy.outcome).toBe('error');
    expect(legacy.error).toEqual({
      errorType: 'Error',
      errorMessage: 'Unable to stringify response body',
      trace: ['Error: Unable to stringify response body'],
    });
    expect(messages(legacy.logs)[0]).toMatch(/^Invoke Error \t\{"errorType":"Error"/);
    const current = await invokeOnce(code, {}, { runtime: 'nodejs24.x' });
    expect(current.error?.errorType).toBe('Runtime.JSONStringifyError');
    expect(current.error?.errorMessage).toBe('Unable to stringify response body');
  });

  it('undefined response becomes null', async () => {
    const result = await invokeOnce('export const handler = async () => {};');
    expect(result.outcome).toBe('success');
    expect(result.responseJson).toBe('null');
  });

  it('throw in a timer callback is an uncaught exception', async () => {
    const code = `export const handler = async () => {
  setTimeout(() => { throw new Error('from timer'); }, 100);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return 'unreachable';
};`;
    const result = await invokeOnce(code);
    expect(result.outcome).toBe('error');
    expect(result.durationMs).toBe(100);
    expect(result.error?.errorMessage).toBe('from timer');
    expect(messages(result.logs)[0]).toMatch(/^Uncaught Exception \t\{"errorType":"Error","errorMessage":"from timer"/);
  });
});

describe('sandbox runtime: INIT errors', () => {
  it('syntax error', async () => {
    const init = await initOnce('export const handler = async () => {\n  return 1 +;\n};');
    expect(init.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(init.error?.errorMessage).toMatch(/^SyntaxError: Unexpected token/);
    expect(init.error?.trace).toEqual([`Runtime.UserCodeSyntaxError: ${init.error?.errorMessage}`]);
    expect(init.logs[0]?.text).toMatch(
      /^2024-01-01T00:00:00\.000Z\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime\.UserCodeSyntaxError"/,
    );
  });

  it('syntax error on nodejs24.x keeps the SyntaxError stack', async () => {
    const init = await initOnce('export const handler = async () => { return 1 +; };', { runtime: 'nodejs24.x' });
    expect(init.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(init.error?.trace[0]).toMatch(/^SyntaxError: /);
    expect(init.logs[0]?.text).toMatch(/\t-\tERROR\tInit Error \t/);
  });

  it('top-level throw', async () => {
    const init = await initOnce(`const config = {};\nif (!config.table) throw new Error('TABLE is not set');\nexport const handler = async () => 1;`);
    expect(init.error).toEqual({
      errorType: 'Error',
      errorMessage: 'TABLE is not set',
      trace: ['Error: TABLE is not set', '    at file:///var/task/index.mjs:2:26'],
    });
  });

  it('column numbers on line 1 ignore the prelude', async () => {
    const init = await initOnce(`throw new Error('first line');`);
    expect(init.error?.trace[1]).toBe('    at file:///var/task/index.mjs:1:7');
  });

  it('missing handler export', async () => {
    const init = await initOnce('export const main = async () => 1;');
    expect(init.error).toEqual({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
      trace: ['Runtime.HandlerNotFound: index.handler is undefined or not exported'],
    });
    expect(messages(init.logs)).toEqual([
      'Uncaught Exception \t{"errorType":"Runtime.HandlerNotFound","errorMessage":"index.handler is undefined or not exported","stack":["Runtime.HandlerNotFound: index.handler is undefined or not exported"]}',
    ]);
  });

  it('handler that is not a function', async () => {
    const init = await initOnce('export const handler = 42;');
    expect(init.error?.errorType).toBe('Runtime.HandlerNotFound');
    expect(init.error?.errorMessage).toBe('index.handler is not a function');
  });

  it('handler from another module name', async () => {
    const init = await initOnce('export const handler = async () => 1;', { handler: 'app.handler' });
    expect(init.error?.errorType).toBe('Runtime.ImportModuleError');
  });

  it('invoke after a failed INIT rejects', async () => {
    const runtime = createTestRuntime();
    await runtime.init(initRequest(envSpec('export const nothing = 1;')));
    await expect(runtime.invoke(invokeRequest('fn#1', 0))).rejects.toThrow(/failed INIT/);
  });

  it('top-level await that can never settle', async () => {
    const init = await initOnce('await new Promise(() => {});\nexport const handler = async () => 1;');
    expect(init.error?.errorType).toBe('Runtime.ExitError');
  });

  it('INIT longer than 10 s', async () => {
    const init = await initOnce('await new Promise((r) => setTimeout(r, 20000));\nexport const handler = async () => 1;');
    expect(init.error?.errorType).toBe('Sandbox.Timedout');
    expect(init.userInitMs).toBe(10_000);
  });
});
