/**
 * Wraps a sandbox runtime as the API a worker exposes over Comlink. Every method waits for
 * `setup` (work the worker entry finishes after exposing the API, such as locking down
 * globals), so the API can be exposed synchronously when the worker starts.
 */
import type { SandboxApi } from '../protocol/sandbox-api';
import type { SandboxRuntime } from './runtime';

export function createSandboxApi(runtime: SandboxRuntime, setup: Promise<void> = Promise.resolve()): SandboxApi {
  return {
    async ready() {
      await setup;
      return true;
    },
    async init(request) {
      await setup;
      return runtime.init(request);
    },
    async invoke(request) {
      await setup;
      return runtime.invoke(request);
    },
    async dispose(envId) {
      await setup;
      runtime.dispose(envId);
    },
  };
}
