/**
 * Removes the browser worker's globals that Lambda's Node.js runtime does not have, so that
 * handler code finds the same global scope in the browser as in the Node sandbox worker.
 * `self`, `importScripts`, `postMessage`, `location`, `XMLHttpRequest`, `indexedDB`, `Temporal`
 * and the rest are gone, and `Object.keys(globalThis)` lists only what handler code adds.
 * Call it after the worker and Comlink have captured what they use.
 *
 * NOTE: `addEventListener`, `removeEventListener` and `dispatchEvent` stay, because the global
 * inherits them from `EventTarget.prototype`, which the worker's message ports also use.
 */

/** ECMAScript's globals, as of ES2025 and the proposals Chromium ships. */
const LANGUAGE_GLOBALS = [
  'AggregateError', 'Array', 'ArrayBuffer', 'AsyncDisposableStack', 'Atomics', 'BigInt',
  'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date', 'DisposableStack', 'Error',
  'EvalError', 'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array', 'Function',
  'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterator', 'JSON', 'Map', 'Math',
  'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Reflect',
  'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'SuppressedError', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray',
  'WeakMap', 'WeakRef', 'WeakSet', 'WebAssembly', 'console', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'escape', 'eval', 'globalThis', 'isFinite', 'isNaN',
  'parseFloat', 'parseInt', 'undefined', 'unescape',
];

/**
 * Web platform globals that Node.js 22 also has. `fetch`, `WebSocket`, `navigator` and
 * `BroadcastChannel` are not among them: the Node worker removes them as well, and the prelude
 * gives handler code its own `fetch`, `WebSocket` and `navigator`.
 */
const NODE_WEB_GLOBALS = [
  'AbortController', 'AbortSignal', 'Blob', 'ByteLengthQueuingStrategy', 'CompressionStream',
  'CountQueuingStrategy', 'Crypto', 'CryptoKey', 'CustomEvent', 'DOMException',
  'DecompressionStream', 'Event', 'EventTarget', 'File', 'FormData', 'Headers', 'MessageChannel',
  'MessageEvent', 'MessagePort', 'Performance', 'PerformanceEntry', 'PerformanceMark',
  'PerformanceMeasure', 'PerformanceObserver', 'PerformanceObserverEntryList',
  'PerformanceResourceTiming', 'ReadableByteStreamController', 'ReadableStream',
  'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController',
  'ReadableStreamDefaultReader', 'Request', 'Response', 'SubtleCrypto', 'TextDecoder',
  'TextDecoderStream', 'TextEncoder', 'TextEncoderStream', 'TransformStream',
  'TransformStreamDefaultController', 'URL', 'URLSearchParams', 'WritableStream',
  'WritableStreamDefaultController', 'WritableStreamDefaultWriter', 'atob', 'btoa',
  'clearInterval', 'clearTimeout', 'crypto', 'performance', 'queueMicrotask', 'setInterval',
  'setTimeout', 'structuredClone',
];

const KEPT = new Set(['constructor', ...LANGUAGE_GLOBALS, ...NODE_WEB_GLOBALS]);

/**
 * Deletes every property of the global object and of its prototypes up to `EventTarget.prototype`
 * that is not in `KEPT`. Properties that cannot be deleted are left as they are.
 */
export function removeBrowserGlobals(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const stopAt = typeof EventTarget === 'function' ? EventTarget.prototype : Object.prototype;
  for (let holder: object | null = scope; holder && holder !== stopAt && holder !== Object.prototype; ) {
    const next = Object.getPrototypeOf(holder) as object | null;
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (KEPT.has(name)) continue;
      if (Object.getOwnPropertyDescriptor(holder, name)?.configurable) {
        delete (holder as Record<string, unknown>)[name];
      }
    }
    holder = next;
  }
}
