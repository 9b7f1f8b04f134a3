/**
 * Errors in the shapes the Lambda Node.js runtime interface client (RIC) reports them. Node.js
 * 22 runs the JavaScript RIC (`Errors.js`, `toRapidResponse`); Node.js 24 runs the TypeScript
 * rewrite (`utils/error.ts`, `formatError`). Both are in aws/aws-lambda-nodejs-runtime-interface-client.
 *
 * NOTE: errors the runtime itself creates carry the runtime's own frames on Lambda
 * (`at ... (file:///var/runtime/index.mjs:...)`); here their stack is the header line alone.
 */
import type { EnvironmentSpec, LambdaError } from '../protocol/sandbox-api';
import { fromBrowserImportError } from './import-errors';

export type RuntimeId = EnvironmentSpec['runtime'];

/**
 * Whether the runtime runs the JavaScript RIC, with callback handlers and the older error and
 * log shapes (Node.js 22), rather than the TypeScript rewrite (Node.js 24 and later).
 */
export function usesLegacyClient(runtime: RuntimeId): boolean {
  return runtime === 'nodejs22.x';
}

/** Creates an error as the runtime does, with a stack made of its header line only. */
export function runtimeError(name: string, message: string): Error {
  const error = new Error(message);
  Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true });
  Object.defineProperty(error, 'stack', {
    value: message === '' ? name : `${name}: ${message}`,
    configurable: true,
    writable: true,
  });
  return error;
}

function looksLikeError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  const candidate = value as { name?: unknown; message?: unknown; stack?: unknown } | null;
  return (
    typeof candidate?.name === 'string' &&
    candidate.name !== '' &&
    typeof candidate.message === 'string' &&
    candidate.message !== '' &&
    typeof candidate.stack === 'string' &&
    candidate.stack !== ''
  );
}

const HANDLED: LambdaError = {
  errorType: 'handled',
  errorMessage:
    'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
  trace: [],
};

/**
 * The error body Lambda returns for a failed invocation or INIT. A failed dynamic import in
 * Chromium is reported with the Node sandbox's import error.
 */
export function toLambdaError(thrown: unknown, runtime: RuntimeId): LambdaError {
  try {
    const value = fromBrowserImportError(thrown) ?? thrown;
    if (usesLegacyClient(runtime)) {
      if (looksLikeError(value)) {
        return {
          errorType: value.name,
          errorMessage: value.message,
          trace: (value.stack as string).split('\n'),
        };
      }
      return {
        errorType: typeof value,
        errorMessage: (value as { toString(): string }).toString(),
        trace: [],
      };
    }
    if (value instanceof Error) {
      return {
        errorType: value.name?.replaceAll('\x7F', '%7F'),
        errorMessage: value.message?.replaceAll('\x7F', '%7F'),
        trace: value.stack?.replaceAll('\x7F', '%7F').split('\n') ?? [],
      };
    }
    return { errorType: typeof value, errorMessage: String(value), trace: [] };
  } catch {
    return HANDLED;
  }
}

/**
 * Wraps a thrown non-Error in an Error so that it can be logged, as the RIC's `intoError` does.
 * A failed dynamic import in Chromium becomes the Node sandbox's import error.
 */
export function intoError(value: unknown): Error {
  const importFailure = fromBrowserImportError(value);
  if (importFailure) return importFailure;
  if (value instanceof Error) return value;
  return runtimeError('Error', String(value));
}

/** Lists an Error's `name`, `message`, `code`, own enumerable fields and stack lines, as JSON does. */
function withEnumerableProperties(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const result = Object.assign(
    {
      errorType: value.name,
      errorMessage: value.message,
      code: (value as { code?: unknown }).code,
    },
    value,
  ) as unknown as Record<string, unknown>;
  if (typeof value.stack === 'string') result.stack = value.stack.split('\n');
  return result;
}

/** Formats an error as the RIC's `toFormatted` does for the `Invoke Error` line: a tab, then JSON. */
export function toFormatted(error: Error, runtime: RuntimeId): string {
  try {
    return `\t${JSON.stringify(error, (_key, value: unknown) => withEnumerableProperties(value))}`;
  } catch {
    return `\t${JSON.stringify(toLambdaError(error, runtime))}`;
  }
}
