import { describe, expect, it } from 'vitest';
import type { EnvironmentSpec } from '../protocol/sandbox-api';
import { createTestRuntime, envSpec, initRequest, invokeRequest, messages } from './test-support.node';

async function start(code: string, overrides: Partial<EnvironmentSpec> = {}) {
  const runtime = createTestRuntime();
  const init = await runtime.init(initRequest(envSpec(code, overrides)));
  return { runtime, init };
}

describe('sandbox runtime: callback handlers', () => {
  it('callback waits for the event loop on nodejs22.x', async () => {
    const code = `export const handler = (event, context, callback) => {
  setTimeout(() => console.log('background work'), 400);
  callback(null, { ok: true });
};`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.outcome).toBe('success');
    expect(result.responseJson).toBe('{"ok":true}');
    expect(result.durationMs).toBe(400);
    expect(messages(result.logs)).toEqual(['background work']);
  });

  it('callbackWaitsForEmptyEventLoop false responds at once', async () => {
    const code = `export const handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  setTimeout(() => console.log('frozen work'), 400);
  callback(null, 'now');
};`;
    const { runtime } = await start(code);
    const first = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(first.responseJson).toBe('"now"');
    expect(first.durationMs).toBe(0);
    expect(messages(first.logs)).toEqual([]);
    const second = await runtime.invoke(invokeRequest('fn#1', 5000));
    expect(messages(second.logs)[0]).toBe('frozen work');
  });

  it('callback error', async () => {
    const code = `export const handler = (event, context, callback) => callback(new Error('failed'));`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.outcome).toBe('error');
    expect(result.error?.errorMessage).toBe('failed');
  });

  it('only the first callback counts', async () => {
    const code = `export const handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  callback(null, 'first');
  callback(null, 'second');
};`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.responseJson).toBe('"first"');
  });

  it('a sync handler that returns a value responds null on nodejs22.x', async () => {
    const code = `export const handler = () => 'ignored';`;
    const legacy = await start(code);
    const legacyResult = await legacy.runtime.invoke(invokeRequest('fn#1', 0));
    expect(legacyResult.responseJson).toBe('null');
    const current = await start(code, { runtime: 'nodejs24.x' });
    const currentResult = await current.runtime.invoke(invokeRequest('fn#1', 0));
    expect(currentResult.responseJson).toBe('"ignored"');
  });

  it('callback handlers fail INIT on nodejs24.x', async () => {
    const code = `export const handler = (event, context, callback) => callback(null, 1);`;
    const { init } = await start(code, { runtime: 'nodejs24.x' });
    expect(init.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(init.error?.errorMessage).toMatch(
      /^ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node\.js 24\./,
    );
  });

  it('context.succeed responds at once', async () => {
    const code = `export const handler = (event, context) => {
  setTimeout(() => {}, 1000);
  context.succeed({ via: 'succeed' });
};`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(result.responseJson).toBe('{"via":"succeed"}');
    expect(result.durationMs).toBe(0);
  });
});

describe('sandbox runtime: context', () => {
  it('context fields on nodejs22.x', async () => {
    const code = `export const handler = async (event, context) => {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return { ...context, remaining: context.getRemainingTimeInMillis() };
};`;
    const { runtime } = await start(code, { memoryMb: 512 });
    const result = await runtime.invoke(invokeRequest('fn#1', 0, { requestId: 'abc-123', timeoutMs: 3000 }));
    expect(JSON.parse(result.responseJson ?? '{}')).toEqual({
      callbackWaitsForEmptyEventLoop: true,
      functionVersion: '$LATEST',
      functionName: 'fn',
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/fn',
      logStreamName: '2024/01/01/[$LATEST]0123456789abcdef',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
      awsRequestId: 'abc-123',
      remaining: 2750,
    });
  });

  it('console.log of context prints as on nodejs22.x', async () => {
    const code = `export const handler = async (event, context) => { console.log(context); };`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0, { requestId: 'r1' }));
    expect(messages(result.logs)[0]).toBe(
      [
        '{',
        '  callbackWaitsForEmptyEventLoop: [Getter/Setter],',
        '  succeed: [Function (anonymous)],',
        '  fail: [Function (anonymous)],',
        '  done: [Function (anonymous)],',
        "  functionVersion: '$LATEST',",
        "  functionName: 'fn',",
        "  memoryLimitInMB: '128',",
        "  logGroupName: '/aws/lambda/fn',",
        "  logStreamName: '2024/01/01/[$LATEST]0123456789abcdef',",
        '  clientContext: undefined,',
        '  identity: undefined,',
        "  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',",
        "  awsRequestId: 'r1',",
        '  tenantId: undefined,',
        '  getRemainingTimeInMillis: [Function: getRemainingTimeInMillis]',
        '}',
      ].join('\n'),
    );
  });

  it('context on nodejs24.x has no callback fields', async () => {
    const code = `export const handler = async (event, context) => Object.keys(context);`;
    const { runtime } = await start(code, { runtime: 'nodejs24.x' });
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    expect(JSON.parse(result.responseJson ?? '[]')).toEqual([
      'clientContext',
      'identity',
      'invokedFunctionArn',
      'awsRequestId',
      'tenantId',
      'xRayTraceId',
      'getRemainingTimeInMillis',
      'w3c',
      'functionName',
      'functionVersion',
      'memoryLimitInMB',
      'logGroupName',
      'logStreamName',
    ]);
  });
});

describe('sandbox runtime: console', () => {
  it('levels, formatting and raw output', async () => {
    const code = `export const handler = async () => {
  const loop = { name: 'loop' };
  loop.self = loop;
  console.log('%s has %d items costing %j', 'cart', 3, { total: 9.5 });
  console.info({ user: { id: 1, roles: ['admin', 'dev'] } });
  console.warn([1, 2, 3], 'and', null);
  console.error(loop);
  console.debug('debug %i', 42.9);
  console.trace('trace line');
  console.log();
  console.log('multi\\nline');
  console.assert(1 === 2, 'math is broken');
  console.count();
  console.count();
  console.time('work');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  console.timeEnd('work');
  console.dir({ a: 1 });
};`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0, { requestId: 'id-1' }));
    const lines = result.logs.map((line) => line.text);
    expect(lines).toEqual([
      "2024-01-01T00:00:00.000Z\tid-1\tINFO\tcart has 3 items costing {\"total\":9.5}",
      "2024-01-01T00:00:00.000Z\tid-1\tINFO\t{ user: { id: 1, roles: [ 'admin', 'dev' ] } }",
      '2024-01-01T00:00:00.000Z\tid-1\tWARN\t[ 1, 2, 3 ] and null',
      "2024-01-01T00:00:00.000Z\tid-1\tERROR\t<ref *1> { name: 'loop', self: [Circular *1] }",
      '2024-01-01T00:00:00.000Z\tid-1\tDEBUG\tdebug 42',
      '2024-01-01T00:00:00.000Z\tid-1\tTRACE\ttrace line',
      '2024-01-01T00:00:00.000Z\tid-1\tINFO\tundefined',
      '2024-01-01T00:00:00.000Z\tid-1\tINFO\tmulti\nline',
      '2024-01-01T00:00:00.000Z\tid-1\tWARN\tAssertion failed: math is broken',
      '2024-01-01T00:00:00.000Z\tid-1\tINFO\tdefault: 1',
      '2024-01-01T00:00:00.000Z\tid-1\tINFO\tdefault: 2',
      '2024-01-01T00:00:01.500Z\tid-1\tINFO\twork: 1.500s',
      '{ a: 1 }',
    ]);
    expect(result.logs.at(-1)?.time).toBe(1500);
  });

  it('logging an Error prints its rewritten stack', async () => {
    const code = `export const handler = async () => {
  try {
    JSON.parse('{oops');
  } catch (error) {
    console.error('parse failed:', error);
    console.log(new Error('with cause', { cause: error }).stack.split('\\n')[1]);
  }
};`;
    const { runtime } = await start(code);
    const result = await runtime.invoke(invokeRequest('fn#1', 0));
    const [failed, frame] = messages(result.logs);
    expect(failed).toMatch(/^parse failed: SyntaxError: /);
    expect(failed).toContain('\n    at JSON.parse (<anonymous>)\n    at Runtime.handler (file:///var/task/index.mjs:3:10)');
    expect(failed).not.toMatch(/data:|sandbox\//);
    expect(frame).toBe('    at Runtime.handler (file:///var/task/index.mjs:6:17)');
  });
});
