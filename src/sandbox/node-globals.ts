/**
 * Globals of Lambda's Node.js runtime that the sandbox provides in its own form, the same in the
 * browser and in Node. `navigator` describes Node.js 22 or 24 on Lambda. `fetch` and `WebSocket`
 * fail at once, because handlers have no network. The sandbox page's Content-Security-Policy and
 * the Node worker's lockdown block the real network besides.
 */
import type { EnvironmentSpec } from '../protocol/sandbox-api';

const NO_NETWORK = 'handlers run without network access';

type CaptureStackTrace = (target: object, above: Function) => void;

/** Creates an error whose stack starts at the caller of `above`, so no sandbox frame shows. */
function callerError<E extends Error>(error: E, above: Function): E {
  (Error as unknown as { captureStackTrace: CaptureStackTrace }).captureStackTrace(error, above);
  return error;
}

/** Node's `fetch`, which rejects with a TypeError as a failed request does. */
export function fetch(): Promise<never> {
  return Promise.reject(callerError(new TypeError(`fetch is not available in the playground: ${NO_NETWORK}`), fetch));
}

/** Node's `WebSocket`, whose constructor throws. */
export class WebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  constructor() {
    throw callerError(new Error(`WebSocket is not available in the playground: ${NO_NETWORK}`), WebSocket);
  }
}

/**
 * Logical processors Lambda gives a function of `memoryMb`: one per 1,769 MB, at most 6.
 * NOTE: this follows the documented memory-to-vCPU ratio; the count Node reports inside a
 * Lambda environment was not measured.
 */
function lambdaProcessorCount(memoryMb: number): number {
  return Math.min(6, Math.max(1, Math.ceil(memoryMb / 1769)));
}

/** Creates the `navigator` of Node.js 22 and 24 (`lib/internal/navigator.js`) with Lambda's values. */
export function createNavigator(spec: EnvironmentSpec): object {
  const userAgent = spec.runtime === 'nodejs22.x' ? 'Node.js/22' : 'Node.js/24';
  const platform = spec.architecture === 'arm64' ? 'Linux arm64' : 'Linux x86_64';
  const hardwareConcurrency = lambdaProcessorCount(spec.memoryMb);
  const languages = Object.freeze(['en-US']);

  class Navigator {
    get hardwareConcurrency(): number {
      return hardwareConcurrency;
    }
    get language(): string {
      return 'en-US';
    }
    get languages(): readonly string[] {
      return languages;
    }
    get platform(): string {
      return platform;
    }
    get userAgent(): string {
      return userAgent;
    }
  }
  for (const name of ['hardwareConcurrency', 'language', 'languages', 'platform', 'userAgent']) {
    Object.defineProperty(Navigator.prototype, name, { enumerable: true });
  }
  return new Navigator();
}
