/**
 * The sandbox runtime: runs the user's module and handler inside a worker on a virtual clock.
 * The worker entry files create one runtime with a module loader and a macrotask scheduler
 * that suit their platform (a Blob URL import in the browser, a data URL import in Node).
 * Handler failures are returned as values; a call that cannot be served (an unknown
 * environment) rejects.
 */
import type {
  InitRequest,
  InitResult,
  InvokeRequest,
  InvokeResult,
} from '../protocol/sandbox-api';
import { drive, fireOverdueTimers, LoadGate, type MacrotaskScheduler } from './drive';
import { Environment } from './environment';
import { runInit } from './init';
import { callNode22, callNode24, logRuntimeError, type HandlerCall } from './handler-call';
import { toLambdaError, usesLegacyClient } from './errors';
import { installStackFormatter, unregisterModuleUrl } from './stack';

export type { MacrotaskScheduler } from './drive';

export interface ModuleLoader {
  /** Imports `source` as a fresh ES module instance and returns its namespace. */
  load(source: string, envId: string): Promise<Record<string, unknown>>;
}

export interface SandboxRuntime {
  init(request: InitRequest): Promise<InitResult>;
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  dispose(envId: string): void;
}

/**
 * Builds the error returned for a timeout. The engine writes Lambda's `Task timed out` log
 * line; services downstream of Lambda receive `Sandbox.Timedout` as the error type.
 */
function timeoutError(timeoutMs: number): InvokeResult['error'] {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
    trace: [],
  };
}

export function createSandboxRuntime(options: {
  loader: ModuleLoader;
  macrotask: MacrotaskScheduler;
}): SandboxRuntime {
  const { loader, macrotask } = options;
  const environments = new Map<string, Environment>();
  const gate = new LoadGate();
  installStackFormatter();

  function dispose(envId: string): void {
    const env = environments.get(envId);
    if (!env) return;
    env.clock.clearAll();
    if (env.moduleUrl) unregisterModuleUrl(env.moduleUrl);
    environments.delete(envId);
  }

  async function init(request: InitRequest): Promise<InitResult> {
    dispose(request.env.envId);
    const env = new Environment(request.env, request.startTime);
    environments.set(request.env.envId, env);
    return runInit(env, request.startTime, { loader, macrotask, gate });
  }

  async function invoke(request: InvokeRequest): Promise<InvokeResult> {
    const env = environments.get(request.envId);
    if (!env) throw new Error(`sandbox: no environment "${request.envId}"; send an init request first`);
    if (!env.handler) {
      throw new Error(`sandbox: environment "${request.envId}" failed INIT; initialise it again`);
    }
    const { startTime, timeoutMs } = request;
    const deadline = startTime + timeoutMs;
    env.clock.advanceTo(startTime);
    env.logRequestId = request.requestId;
    const finish = (result: Omit<InvokeResult, 'kind' | 'logs'>): InvokeResult => ({
      kind: 'invoke',
      ...result,
      logs: env.takeLogs(),
    });
    const crash = (error: unknown): InvokeResult => {
      logRuntimeError(env, 'Uncaught Exception', error);
      return finish({
        outcome: 'error',
        durationMs: env.clock.now - startTime,
        error: toLambdaError(error, env.spec.runtime),
      });
    };

    const overdue = await fireOverdueTimers(env, macrotask, gate);
    if (overdue) return crash(overdue.error);

    const details = {
      awsRequestId: request.requestId,
      invokedFunctionArn: request.invokedFunctionArn,
      remainingMs: () => Math.max(0, deadline - env.clock.now),
    };
    const call: HandlerCall = usesLegacyClient(env.spec.runtime)
      ? callNode22(env, request.event, details)
      : callNode24(env, request.event, details);

    for (;;) {
      const outcome = await drive({
        env,
        macrotask,
        gate,
        deadline,
        isDone: () => call.report() !== undefined,
      });
      if (outcome.kind === 'uncaught') return crash(outcome.error);
      if (outcome.kind === 'idle') {
        try {
          if (call.onEventLoopEmpty()) continue;
        } catch (error) {
          return crash(error);
        }
      }
      const report = call.report();
      if (!report || outcome.kind === 'deadline' || outcome.kind === 'idle') {
        // NOTE: on Node.js 22 an async handler whose promise never settles while the event loop
        // is empty fails with Runtime.NodeJsExit. The sandbox lets it time out instead.
        env.clock.advanceTo(deadline);
        return finish({ outcome: 'timeout', durationMs: timeoutMs, error: timeoutError(timeoutMs) });
      }
      const durationMs = env.clock.now - startTime;
      if (report.kind === 'response') {
        return finish({ outcome: 'success', durationMs, responseJson: report.json });
      }
      return finish({ outcome: 'error', durationMs, error: report.error });
    }
  }

  return { init, invoke, dispose };
}
