/**
 * The executor for Node (the headless runner, the tests and the benchmarks): the sandbox pool
 * on `worker_threads`. Workers load the TypeScript sources through tsx's module hooks, which
 * works the same under `tsx`, under Vitest and under plain Node with tsx installed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { SandboxApi } from '../protocol/sandbox-api';
import { nodeEndpoint } from '../sandbox/node-endpoint.node.ts';
import { createSandboxPool, type SandboxExecutor, type SandboxWorker } from './sandbox-pool';
import { SandboxError } from './sandbox-errors';

export interface NodeExecutorOptions {
  /** Number of worker threads; defaults to the number of CPUs less one, between 2 and 4. */
  readonly workers?: number;
  /** Wall-clock budget of one `init` or `invoke` call before its worker is stopped, in ms. */
  readonly watchdogMs?: number;
  /** Wall-clock budget for a new worker to load, in ms. */
  readonly startupTimeoutMs?: number;
  /** Heap limit of each worker thread, in MB; a handler that allocates past it crashes its worker. */
  readonly maxHeapMb?: number;
}

const DEFAULT_MAX_HEAP_MB = 512;

const WORKER_ENTRY = new URL('../sandbox/worker.node.ts', import.meta.url);

/**
 * Source of the script each worker starts with: it registers tsx's loader, then imports the
 * TypeScript worker entry. Node 20 resolves a worker's entry file before any `--import` flag
 * in `execArgv` takes effect, so the loader cannot be passed that way.
 */
function bootstrapSource(): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY.href)}); });`;
}

export function defaultWorkerCount(cpus: number): number {
  return Math.min(4, Math.max(2, cpus - 1));
}

let cachedBootstrap: string | undefined;

/** Starts one sandbox worker thread; the pool starts them, and benchmarks call it directly. */
export function startNodeWorker(index: number, maxHeapMb = DEFAULT_MAX_HEAP_MB): SandboxWorker {
  cachedBootstrap ??= bootstrapSource();
  const worker = new Worker(cachedBootstrap, {
    eval: true,
    name: `lambda-sandbox-${index}`,
    // The parent's flags (tsx's own, Vitest's) are not meant for the sandbox.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
  let terminated = false;
  const failure = new Promise<never>((_, reject) => {
    worker.once('error', (error) => {
      reject(new SandboxError('worker-crashed', `Sandbox worker ${index} crashed: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      const reason = terminated ? 'was terminated' : `exited with code ${code}`;
      reject(new SandboxError('worker-crashed', `Sandbox worker ${index} ${reason}.`));
    });
  });
  return {
    api: Comlink.wrap<SandboxApi>(nodeEndpoint(worker)) as unknown as SandboxApi,
    failure,
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}

export function createNodeExecutor(options: NodeExecutorOptions = {}): SandboxExecutor {
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  return createSandboxPool({
    size: options.workers ?? defaultWorkerCount(availableParallelism()),
    createWorker: (index) => startNodeWorker(index, maxHeapMb),
    watchdogMs: options.watchdogMs,
    startupTimeoutMs: options.startupTimeoutMs,
  });
}
