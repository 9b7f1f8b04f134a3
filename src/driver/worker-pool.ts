/**
 * The executor for the browser: the sandbox pool on Web Workers that run inside an
 * opaque-origin iframe (see sandbox-frame.ts). Load this module lazily: it carries the bundled
 * sandbox worker as a string.
 */
import * as Comlink from 'comlink';
import type { SandboxApi } from '../protocol/sandbox-api';
import workerSource from '../sandbox/worker.ts?bundled-source';
import { openSandboxFrame, type SandboxFrame } from './sandbox-frame';
import { createSandboxPool, type SandboxExecutor, type SandboxWorker } from './sandbox-pool';
import { SandboxError } from './sandbox-errors';
import { DEFAULT_STARTUP_TIMEOUT_MS } from './watchdog';

export interface WorkerPoolOptions {
  /** Number of workers; defaults to the number of logical CPUs less one, between 2 and 4. */
  readonly workers?: number;
  /** Wall-clock budget of one `init` or `invoke` call before its worker is stopped, in ms. */
  readonly watchdogMs?: number;
  /** Wall-clock budget for the sandbox page and a new worker to load, in ms. */
  readonly startupTimeoutMs?: number;
  /** URL of the sandbox page; defaults to `sandbox.html` under the app's base URL. */
  readonly sandboxUrl?: string;
}

export type { SandboxExecutor } from './sandbox-pool';
export { SandboxError, type SandboxErrorCode } from './sandbox-errors';

/**
 * Returns how many sandbox workers to start: one per core but one, up to 4. The page's main
 * thread runs the simulation and draws the timeline, so on 2 cores a second busy worker would
 * make its tasks wait for a core and the page stutter.
 */
function defaultWorkerCount(): number {
  const cpus = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.min(4, Math.max(1, cpus - 1));
}

export function createWorkerPool(options: WorkerPoolOptions = {}): SandboxExecutor {
  const startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const url = options.sandboxUrl ?? new URL(`${import.meta.env.BASE_URL}sandbox.html`, document.baseURI).href;
  const failWorker = new Map<number, (error: SandboxError) => void>();
  let nextWorkerId = 1;
  let frame: Promise<SandboxFrame> | undefined;

  /** Opens the sandbox page, or opens it again when the last attempt failed. */
  function sandboxFrame(): Promise<SandboxFrame> {
    if (!frame) {
      const opening = openSandboxFrame({ url, workerSource, timeoutMs: startupTimeoutMs });
      opening.then(
        (opened) => opened.onWorkerError((workerId, message) => failWorker.get(workerId)?.(workerError(workerId, message))),
        () => {
          if (frame === opening) frame = undefined;
        },
      );
      frame = opening;
    }
    return frame;
  }

  function createWorker(): SandboxWorker {
    const workerId = nextWorkerId++;
    const channel = new MessageChannel();
    let reject!: (error: SandboxError) => void;
    const failure = new Promise<never>((_, rejectFailure) => {
      reject = rejectFailure;
    });
    failWorker.set(workerId, (error) => {
      failWorker.delete(workerId);
      reject(error);
    });
    const opening = sandboxFrame();
    opening.then(
      (opened) => opened.startWorker(workerId, channel.port2),
      (error: unknown) => failWorker.get(workerId)?.(new SandboxError('startup-failed', String(error), { cause: error })),
    );
    return {
      api: Comlink.wrap<SandboxApi>(channel.port1) as unknown as SandboxApi,
      failure,
      terminate() {
        opening.then((opened) => opened.stopWorker(workerId)).catch(() => undefined);
        channel.port1.close();
        failWorker.get(workerId)?.(new SandboxError('worker-crashed', `Sandbox worker ${workerId} was terminated.`));
      },
    };
  }

  const pool = createSandboxPool({
    size: options.workers ?? defaultWorkerCount(),
    createWorker,
    watchdogMs: options.watchdogMs,
    startupTimeoutMs,
  });

  return {
    ...pool,
    async close() {
      await pool.close();
      const opened = frame;
      frame = undefined;
      if (opened) (await opened.catch(() => undefined))?.destroy();
    },
  };
}

function workerError(workerId: number, message: string): SandboxError {
  return new SandboxError('worker-crashed', `Sandbox worker ${workerId} failed: ${message}`);
}
