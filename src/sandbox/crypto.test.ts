import { describe, expect, it } from 'vitest';
import { createCrypto } from './crypto';
import { createTestRuntime, envSpec, initRequest, invokeRequest } from './test-support.node';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createCrypto', () => {
  it('repeats its values for a seed', () => {
    const first = createCrypto(7);
    const second = createCrypto(7);
    expect(first.randomUUID()).toBe(second.randomUUID());
    expect(first.getRandomValues(new Uint8Array(16))).toEqual(second.getRandomValues(new Uint8Array(16)));
  });

  it('differs between seeds', () => {
    expect(createCrypto(1).randomUUID()).not.toBe(createCrypto(2).randomUUID());
  });

  it('returns version 4 UUIDs', () => {
    const crypto = createCrypto(3);
    for (let i = 0; i < 20; i++) expect(crypto.randomUUID()).toMatch(UUID_V4);
  });

  it('fills integer typed arrays in place', () => {
    const crypto = createCrypto(4);
    const buffer = new ArrayBuffer(12);
    const view = new Uint16Array(buffer, 2, 3);
    expect(crypto.getRandomValues(view)).toBe(view);
    const bytes = new Uint8Array(buffer);
    expect([bytes[0], bytes[1], bytes[8], bytes[9]]).toEqual([0, 0, 0, 0]);
    expect(bytes.slice(2, 8).some((byte) => byte !== 0)).toBe(true);
    expect(crypto.getRandomValues(new BigUint64Array(2))).toHaveLength(2);
  });

  it('rejects float arrays and non-arrays', () => {
    const crypto = createCrypto(5);
    for (const value of [new Float64Array(2), new DataView(new ArrayBuffer(4)), [1, 2], null]) {
      expect(() => crypto.getRandomValues(value as unknown as Uint8Array<ArrayBuffer>)).toThrow(
        expect.objectContaining({ name: 'TypeMismatchError', message: 'The data argument must be an integer-type TypedArray' }),
      );
    }
  });

  it('rejects more than 65,536 bytes', () => {
    const crypto = createCrypto(6);
    expect(() => crypto.getRandomValues(new Uint8Array(65_537))).toThrow(
      expect.objectContaining({ name: 'QuotaExceededError' }),
    );
    expect(crypto.getRandomValues(new Uint8Array(65_536))).toHaveLength(65_536);
  });

  it('rejects every subtle method', async () => {
    await expect(createCrypto(7).subtle.digest('SHA-256', new Uint8Array(1))).rejects.toThrow(
      'crypto.subtle.digest is not available in the playground',
    );
  });
});

describe('crypto in a handler', () => {
  const code = `export const handler = async () => ({
    uuid: crypto.randomUUID(),
    bytes: Array.from(crypto.getRandomValues(new Uint8Array(4))),
    random: Math.random(),
  });`;

  async function run(seed: number, withCrypto = true) {
    const runtime = createTestRuntime();
    const source = withCrypto ? code : 'export const handler = async () => ({ random: Math.random() });';
    await runtime.init(initRequest(envSpec(source, { seed })));
    return JSON.parse((await runtime.invoke(invokeRequest('fn#1', 0))).responseJson ?? 'null');
  }

  it('repeats across runs with the same seed', async () => {
    expect(await run(11)).toEqual(await run(11));
  });

  it('leaves Math.random unchanged', async () => {
    expect((await run(11)).random).toBe((await run(11, false)).random);
  });
});
