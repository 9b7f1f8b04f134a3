/**
 * The Function init sub-phase: load the user's module with its prelude, run its top-level code
 * on the virtual clock, and find the handler, reporting failures as the RIC does.
 */
import type { InitResult } from '../protocol/sandbox-api';
import { drive, type DriveOutcome, type LoadGate, type MacrotaskScheduler } from './drive';
import type { Environment } from './environment';
import { runtimeError, toLambdaError, usesLegacyClient } from './errors';
import { logRuntimeError } from './handler-call';
import { addPrelude, registerBindings } from './prelude';
import type { ModuleLoader } from './runtime';
import { registerModuleUrl } from './stack';

/** Lambda stops an on-demand environment's INIT after 10 seconds. */
const INIT_LIMIT_MS = 10_000;

const CALLBACK_REMOVED_MESSAGE =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

interface InitDependencies {
  readonly loader: ModuleLoader;
  readonly macrotask: MacrotaskScheduler;
  readonly gate: LoadGate;
}

/** Finds `module.path.to.fn` in the namespace, with the RIC's messages when it is missing. */
function resolveHandler(env: Environment, namespace: Record<string, unknown>): Function {
  const handlerString = env.spec.handler;
  const match = /^([^.]*)\.(.*)$/.exec(handlerString);
  if (!match) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  const [, moduleName, path] = match as unknown as [string, string, string];

  if (moduleName !== 'index') {
    throw runtimeError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleName}'\nRequire stack:\n- /var/runtime/index.mjs`,
    );
  }
  const find = (root: unknown) =>
    path.split('.').reduce<unknown>(
      (nested, key) => (nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[key] : undefined),
      root,
    );

  let handler = find(namespace);
  // The Node.js 24 RIC also looks in the default export.
  if (!handler && !usesLegacyClient(env.spec.runtime) && 'default' in namespace) {
    handler = find(namespace.default);
  }

  if (!handler) {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  }
  if (!usesLegacyClient(env.spec.runtime) && handler.length >= 3) {
    throw runtimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_REMOVED_MESSAGE);
  }
  return handler;
}

/** Wraps a module that failed to parse as the RIC's `UserCodeSyntaxError`. */
function syntaxError(error: SyntaxError, env: Environment): Error {
  const wrapped = runtimeError('Runtime.UserCodeSyntaxError', String(error));
  // The Node.js 24 RIC keeps the SyntaxError's own stack.
  if (!usesLegacyClient(env.spec.runtime)) wrapped.stack = `SyntaxError: ${error.message}`;
  return wrapped;
}

/** Real macrotasks granted to a module whose evaluation has started before it counts as stuck. */
const SETTLE_MACROTASKS = 20;

/**
 * Drives the environment while its module loads. Fetching and parsing take real macrotasks
 * without any timer pending, so an idle event loop only means a stuck top-level `await` once
 * the module has started to run and a few more macrotasks have passed without it settling.
 */
async function driveLoad(
  env: Environment,
  isSettled: () => boolean,
  deadline: number,
  { macrotask, gate }: InitDependencies,
): Promise<DriveOutcome> {
  for (;;) {
    const outcome = await drive({ env, macrotask, gate, isDone: isSettled, deadline });
    if (outcome.kind !== 'idle') return outcome;
    if (env.moduleUrl !== undefined) {
      for (let i = 0; i < SETTLE_MACROTASKS && !isSettled(); i++) {
        if (env.clock.hasReferencedTimers()) break;
        await macrotask();
      }
      if (!isSettled() && !env.clock.hasReferencedTimers()) return outcome;
    } else {
      await macrotask();
    }
  }
}

export async function runInit(
  env: Environment,
  startTime: number,
  { loader, macrotask, gate }: InitDependencies,
): Promise<InitResult> {
  await gate.close();
  const { key, withdraw } = registerBindings(env.bindings, (moduleUrl) => {
    env.moduleUrl = moduleUrl;
    registerModuleUrl(moduleUrl, preludeWidth);
    gate.release();
  });
  const { source, preludeWidth } = addPrelude(env.spec.code, key);

  let settled = false;
  let namespace: Record<string, unknown> | undefined;
  let loadError: unknown;
  void loader
    .load(source, env.spec.envId)
    .then(
      (loaded) => {
        namespace = loaded;
      },
      (error: unknown) => {
        loadError = error;
      },
    )
    .finally(() => {
      settled = true;
      if (!env.moduleUrl) {
        withdraw();
        gate.release();
      }
    });

  const outcome = await driveLoad(env, () => settled, startTime + INIT_LIMIT_MS, {
    loader,
    macrotask,
    gate,
  });

  let failure: unknown;
  if (outcome.kind === 'uncaught') {
    failure = outcome.error;
  } else if (outcome.kind === 'deadline') {
    // NOTE: this error type is the sandbox's own. Lambda re-runs an INIT that overran 10 s
    // inside the first invocation, which is the engine's part to model.
    failure = runtimeError('Sandbox.Timedout', 'INIT timed out after 10.00 seconds');
  } else if (outcome.kind === 'idle') {
    // NOTE: Node exits with code 13 when top-level await can never settle. The Lambda message
    // for that exit is assumed to follow its usual `Runtime.ExitError` form.
    failure = runtimeError('Runtime.ExitError', 'Runtime exited with error: exit status 13');
  } else if (loadError !== undefined) {
    failure = loadError instanceof SyntaxError ? syntaxError(loadError, env) : loadError;
  } else {
    try {
      env.handler = resolveHandler(env, namespace ?? {}) as Environment['handler'];
    } catch (error) {
      failure = error;
    }
  }

  const userInitMs = env.clock.now - startTime;
  if (failure !== undefined) {
    env.handler = undefined;
    const label = usesLegacyClient(env.spec.runtime) ? 'Uncaught Exception' : 'Init Error';
    logRuntimeError(env, label, failure);
    return {
      kind: 'init',
      userInitMs,
      error: toLambdaError(failure, env.spec.runtime),
      logs: env.takeLogs(),
    };
  }
  return { kind: 'init', userInitMs, logs: env.takeLogs() };
}
