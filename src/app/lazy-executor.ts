/**
 * An executor that loads the browser worker pool on first use. The pool's module carries the
 * bundled sandbox worker as a string, so importing it eagerly would put that code in the
 * first page load.
 */
import type { ExecutionResult, Executor, InitRequest, InvokeRequest } from '../engine/execution';
import type { SessionExecutor } from '../driver/live-session';
import type { SandboxExecutor } from '../driver/worker-pool';

export function createLazyWorkerPool(): SessionExecutor {
  let pool: Promise<SandboxExecutor> | undefined;
  let closed = false;

  const load = (): Promise<SandboxExecutor> => {
    pool ??= import('../driver/worker-pool').then(({ createWorkerPool }) => createWorkerPool());
    return pool;
  };

  const run = async <Result extends ExecutionResult>(call: (executor: Executor) => Promise<Result>): Promise<Result> => {
    if (closed) throw new Error('executor: this run was closed; its results are no longer used.');
    return call(await load());
  };

  return {
    init: (request: InitRequest) => run((executor) => executor.init(request)),
    invoke: (request: InvokeRequest) => run((executor) => executor.invoke(request)),
    dispose: (envId: string) => {
      // Nothing to dispose of before the pool exists: no environment was created in it.
      pool?.then((executor) => executor.dispose(envId)).catch(() => undefined);
    },
    close: async () => {
      closed = true;
      const loaded = pool;
      pool = undefined;
      if (loaded) await (await loaded.catch(() => undefined))?.close();
    },
  };
}
