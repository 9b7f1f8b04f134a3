/**
 * Calls the handler the way each runtime's RIC does and records what it reports to Lambda.
 *
 * Node.js 22 (`Runtime.js`, `CallbackContext.js`): the handler gets `(event, context, callback)`.
 * A returned promise reports through `context.succeed` and `context.fail`, which respond at
 * once. `callback(null, result)` responds when the event loop is empty unless
 * `context.callbackWaitsForEmptyEventLoop` is false. A handler that returns no promise and never
 * calls back responds `null` once the event loop is empty. Only the first report counts.
 *
 * Node.js 24 (`BufferedInvokeProcessor`): `await handler(event, context)`, then respond.
 */
import type { LambdaError } from '../protocol/sandbox-api';
import type { Environment } from './environment';
import { createNode22Context, createNode24Context, type InvocationDetails } from './context';
import { intoError, runtimeError, toFormatted, toLambdaError } from './errors';
import { format } from './format';

export type Report =
  | { readonly kind: 'response'; readonly json: string }
  | { readonly kind: 'error'; readonly error: LambdaError };

/** A handler call in progress: `report` is set once the runtime would have responded. */
export interface HandlerCall {
  report(): Report | undefined;
  /** Called when the event loop is empty; returns true if that produced a report. */
  onEventLoopEmpty(): boolean;
}

type Handler = (...args: unknown[]) => unknown;

// The receiver names make stack frames read `at Runtime.handler (...)` as on Node.js 22 and
// `at BufferedInvokeProcessor.handler (...)` as on Node.js 24.
class Runtime {
  constructor(readonly handler: Handler) {}
}
class BufferedInvokeProcessor {
  constructor(readonly handler: Handler) {}
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  !!value && typeof (value as { then?: unknown }).then === 'function';

/** Logs the runtime's `Invoke Error` line (text log format). */
export function logRuntimeError(env: Environment, label: string, error: unknown): void {
  const runtime = env.spec.runtime;
  env.writeLine('ERROR', format(label, toFormatted(intoError(error), runtime)));
}

export function callNode24(env: Environment, event: unknown, details: InvocationDetails): HandlerCall {
  let report: Report | undefined;
  const fail = (error: unknown) => {
    logRuntimeError(env, 'Invoke Error', error);
    report = { kind: 'error', error: toLambdaError(error, env.spec.runtime) };
  };
  const processor = new BufferedInvokeProcessor(env.handler!);
  const context = createNode24Context(env.spec, details);
  void (async () => {
    try {
      const result = await processor.handler(event, context);
      let json: string;
      try {
        json = JSON.stringify(result === undefined ? null : result);
      } catch {
        throw runtimeError('Runtime.JSONStringifyError', 'Unable to stringify response body');
      }
      report = { kind: 'response', json };
    } catch (error) {
      fail(error);
    }
  })();
  return { report: () => report, onEventLoopEmpty: () => false };
}

export function callNode22(env: Environment, event: unknown, details: InvocationDetails): HandlerCall {
  let report: Report | undefined;
  let completed = false;
  let finished = false;
  /** The result waiting for the event loop to empty, when the callback asked for that. */
  let pendingOnEmpty: { result: unknown } | undefined;
  let respondNullOnEmpty = true;
  const handler = env.handler!;

  const postError = (error: unknown) => {
    logRuntimeError(env, 'Invoke Error', error);
    report = { kind: 'error', error: toLambdaError(error, env.spec.runtime) };
  };
  const complete = (result: unknown) => {
    if (completed) {
      env.writeLine(
        'ERROR',
        'Invocation has already been reported as done. Cannot call complete more than once per invocation.',
      );
      return;
    }
    completed = true;
    let json: string;
    try {
      json = JSON.stringify(result === undefined ? null : result);
    } catch {
      throw runtimeError('Error', 'Unable to stringify response body');
    }
    report = { kind: 'response', json };
  };
  const controls = {
    waitsForEmptyEventLoop: true,
    done: (error?: unknown, result?: unknown) => {
      respondNullOnEmpty = false;
      if (error !== undefined && error !== null) postError(error);
      else complete(result);
    },
    succeed: (result?: unknown) => controls.done(null, result),
    fail: (error?: unknown) => {
      if (error === undefined || error === null) controls.done('handled');
      else controls.done(error, null);
    },
  };
  const callback = (error?: unknown, result?: unknown) => {
    respondNullOnEmpty = false;
    if (error !== undefined && error !== null) postError(error);
    else if (!controls.waitsForEmptyEventLoop) complete(result);
    else pendingOnEmpty = { result };
  };
  const firstCallOnly =
    <A extends unknown[]>(target: (...args: A) => void) =>
    (...args: A) => {
      if (finished) return;
      target(...args);
      finished = true;
    };
  const wrapped = {
    ...controls,
    done: firstCallOnly(controls.done),
    succeed: firstCallOnly(controls.succeed),
    fail: firstCallOnly(controls.fail),
  };
  Object.defineProperty(wrapped, 'waitsForEmptyEventLoop', {
    get: () => controls.waitsForEmptyEventLoop,
    set: (value: boolean) => {
      controls.waitsForEmptyEventLoop = value;
    },
  });
  const context = createNode22Context(env.spec, details, wrapped);
  const wrappedCallback = firstCallOnly(callback);

  try {
    const result = new Runtime(handler).handler(event, context, wrappedCallback);
    if (isPromiseLike(result)) {
      Promise.resolve(result).then(wrapped.succeed, wrapped.fail).catch(wrapped.fail);
    }
  } catch (error) {
    wrappedCallback(error);
  }

  return {
    report: () => report,
    onEventLoopEmpty: () => {
      if (report) return true;
      if (pendingOnEmpty) {
        complete(pendingOnEmpty.result);
        return true;
      }
      if (respondNullOnEmpty && !isAsyncFunction(handler)) {
        completed = true;
        report = { kind: 'response', json: 'null' };
        return true;
      }
      return false;
    },
  };
}

function isAsyncFunction(fn: Handler): boolean {
  return fn.constructor?.name === 'AsyncFunction';
}
