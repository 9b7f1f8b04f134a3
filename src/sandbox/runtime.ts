/**
 * The sandbox runtime: runs the user's module and handler inside a worker on a virtual clock.
 * The worker entry files create one runtime with a module loader and a macrotask scheduler
 * that suit their platform (a Blob URL import in the browser, a data URL import in Node).
 */
import type {
  InitRequest,
  InitResult,
  InvokeRequest,
  InvokeResult,
} from '../protocol/sandbox-api';

export interface ModuleLoader {
  /** Imports `source` as a fresh ES module instance and returns its namespace. */
  load(source: string, envId: string): Promise<Record<string, unknown>>;
}

/** Resolves after one real macrotask, so that every pending microtask has run. */
export interface MacrotaskScheduler {
  (): Promise<void>;
}

export interface SandboxRuntime {
  init(request: InitRequest): Promise<InitResult>;
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  dispose(envId: string): void;
}

export function createSandboxRuntime(options: {
  loader: ModuleLoader;
  macrotask: MacrotaskScheduler;
}): SandboxRuntime {
  void options;
  throw new Error('sandbox: createSandboxRuntime is not implemented yet');
}
