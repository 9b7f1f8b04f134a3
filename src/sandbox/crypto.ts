/**
 * The `crypto` global that handler code sees: Web Crypto's `getRandomValues` and `randomUUID`,
 * drawing from the environment's seeded random source so that a run repeats exactly. The
 * browser's sandbox worker has no usable `crypto.randomUUID` or `crypto.subtle` of its own,
 * because its opaque origin is not a secure context.
 */
import { SeededRandom } from '../lib/random';

/** Web Crypto's limit on one `getRandomValues` call, in bytes. */
const MAX_RANDOM_BYTES = 65_536;

const INTEGER_ARRAY_TYPES = new Set([
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
]);

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Symbol.toStringTag,
)!.get!;

const SUBTLE_METHODS = [
  'decrypt',
  'deriveBits',
  'deriveKey',
  'digest',
  'encrypt',
  'exportKey',
  'generateKey',
  'importKey',
  'sign',
  'unwrapKey',
  'verify',
  'wrapKey',
] as const;

/** Creates a DOMException whose stack starts at the caller of `above`, as Node's do. */
function domException(message: string, name: string, above: Function): DOMException {
  const error = new DOMException(message, name);
  (Error as unknown as { captureStackTrace(target: object, above: Function): void }).captureStackTrace(error, above);
  return error;
}

/**
 * Creates a `crypto.subtle` whose methods reject. Chromium offers Web Crypto only to secure
 * contexts, and the sandbox worker is not one, so only Node could run them.
 * NOTE: Lambda's Node.js has a working `crypto.subtle`; handlers that use it fail here.
 */
function createUnavailableSubtle(): SubtleCrypto {
  const subtle: Record<string, unknown> = {};
  for (const name of SUBTLE_METHODS) {
    subtle[name] = {
      [name](): Promise<never> {
        return Promise.reject(
          new Error(`crypto.subtle.${name} is not available in the playground: its sandbox has no Web Crypto keys or digests`),
        );
      },
    }[name];
  }
  return subtle as unknown as SubtleCrypto;
}

/**
 * Creates one environment's `crypto`. It draws from its own generator, seeded from `seed`, so
 * that calling it leaves the sequence of `Math.random()` unchanged.
 */
export function createCrypto(seed: number): Crypto {
  const random = new SeededRandom(seed ^ 0x63727970);

  const crypto = {
    getRandomValues<T extends ArrayBufferView | null>(array: T): T {
      const tag = ArrayBuffer.isView(array) ? (typedArrayTag.call(array) as string | undefined) : undefined;
      if (tag === undefined || !INTEGER_ARRAY_TYPES.has(tag)) {
        throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError', crypto.getRandomValues);
      }
      const view = array as unknown as ArrayBufferView;
      if (view.byteLength > MAX_RANDOM_BYTES) {
        throw domException(
          'The requested length exceeds 65,536 bytes',
          'QuotaExceededError',
          crypto.getRandomValues,
        );
      }
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let offset = 0; offset < bytes.length; offset += 4) {
        let word = random.nextUint32();
        for (let i = offset; i < Math.min(offset + 4, bytes.length); i++) {
          bytes[i] = word & 0xff;
          word >>>= 8;
        }
      }
      return array;
    },
    randomUUID(): `${string}-${string}-${string}-${string}-${string}` {
      return random.uuid() as `${string}-${string}-${string}-${string}-${string}`;
    },
    subtle: createUnavailableSubtle(),
  };
  Object.defineProperty(crypto, Symbol.toStringTag, { value: 'Crypto', configurable: true });
  return crypto as unknown as Crypto;
}
