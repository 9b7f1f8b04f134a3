import { describe, expect, it } from 'vitest';
import { createNavigator, fetch, WebSocket } from './node-globals';
import { createTestRuntime, envSpec, initRequest, invokeRequest } from './test-support.node';

describe('createNavigator', () => {
  it('describes Node.js 22 on x86_64', () => {
    const navigator = createNavigator(envSpec('', { runtime: 'nodejs22.x', memoryMb: 128 })) as Navigator;
    expect(navigator.userAgent).toBe('Node.js/22');
    expect(navigator.platform).toBe('Linux x86_64');
    expect(navigator.language).toBe('en-US');
    expect(navigator.languages).toEqual(['en-US']);
    expect(navigator.hardwareConcurrency).toBe(1);
  });

  it('describes Node.js 24 on arm64', () => {
    const navigator = createNavigator(envSpec('', { runtime: 'nodejs24.x', architecture: 'arm64', memoryMb: 10240 })) as Navigator;
    expect(navigator.userAgent).toBe('Node.js/24');
    expect(navigator.platform).toBe('Linux arm64');
    expect(navigator.hardwareConcurrency).toBe(6);
  });

  it('scales processors with memory', () => {
    const count = (memoryMb: number) => (createNavigator(envSpec('', { memoryMb })) as Navigator).hardwareConcurrency;
    expect([1769, 1770, 3538, 3539].map(count)).toEqual([1, 2, 2, 3]);
  });

  it('lists its fields as enumerable getters', () => {
    const navigator = createNavigator(envSpec(''));
    const keys: string[] = [];
    for (const key in navigator) keys.push(key);
    expect(keys).toEqual(['hardwareConcurrency', 'language', 'languages', 'platform', 'userAgent']);
  });
});

describe('network stubs', () => {
  it('fetch rejects with a TypeError', async () => {
    await expect(fetch()).rejects.toThrow(
      new TypeError('fetch is not available in the playground: handlers run without network access'),
    );
  });

  it('WebSocket throws on construction', () => {
    expect(() => new WebSocket()).toThrow('WebSocket is not available in the playground: handlers run without network access');
    expect(WebSocket.OPEN).toBe(1);
  });

  it('fetch in a handler fails with user frames only', async () => {
    const runtime = createTestRuntime();
    const code = `export const handler = async () => {
  await fetch('https://example.com/');
};`;
    await runtime.init(initRequest(envSpec(code, { runtime: 'nodejs24.x' })));

    const result = await runtime.invoke(invokeRequest('fn#1', 0));

    expect(result.error?.errorType).toBe('TypeError');
    expect(result.error?.trace).toEqual([
      'TypeError: fetch is not available in the playground: handlers run without network access',
      '    at BufferedInvokeProcessor.handler (file:///var/task/index.mjs:2:9)',
    ]);
  });
});
