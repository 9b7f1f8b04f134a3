/**
 * The executor behind both platforms: a fixed number of sandbox workers hosting any number of
 * execution environments. An environment is pinned to one worker from `init` to `dispose`, and
 * a new environment goes to the worker that hosts the fewest. Calls to one worker run one at a
 * time, so a call's real-time deadline measures that call alone. When the deadline passes, the
 * worker is terminated and replaced (see watchdog.ts). The platform supplies the workers.
 */
import type { Executor, InitRequest, InitResult, InvokeRequest, InvokeResult, LogLine } from '../engine/execution';
import type { SandboxApi } from '../protocol/sandbox-api';
import { invokeResultProblem, initResultProblem } from './result-validation';
import { SandboxError } from './sandbox-errors';
import {
  DEFAULT_STARTUP_TIMEOUT_MS,
  DEFAULT_WATCHDOG_MS,
  watchdogInitResult,
  watchdogInvokeResult,
  withDeadline,
} from './watchdog';

/** One sandbox worker, as the pool uses it. */
export interface SandboxWorker {
  readonly api: SandboxApi;
  /**
   * Rejects with a `SandboxError` once the worker has stopped for any reason (a crash, a failed
   * start, or `terminate()`); it never resolves.
   */
  readonly failure: Promise<never>;
  terminate(): void;
}

/** Starts worker number `index` (0-based slot number; a replacement gets the same number). */
export type SandboxWorkerFactory = (index: number) => SandboxWorker;

export interface SandboxPoolOptions {
  /** Number of workers. */
  readonly size: number;
  readonly createWorker: SandboxWorkerFactory;
  /** Wall-clock budget of one `init` or `invoke` call before its worker is stopped, in ms. */
  readonly watchdogMs?: number;
  /** Wall-clock budget for a new worker to resolve `ready()`, in ms. */
  readonly startupTimeoutMs?: number;
}

export interface SandboxExecutor extends Executor {
  /** Number of workers. */
  readonly size: number;
  /** How many environments each worker hosts, by worker number. */
  environmentCounts(): number[];
  /** Terminates every worker; calls still waiting reject with a `SandboxError` ('closed'). */
  close(): Promise<void>;
}

interface Slot {
  readonly index: number;
  worker: SandboxWorker;
  /** Counts replacements; an environment loaded under an older generation is gone. */
  generation: number;
  ready: Promise<void> | undefined;
  /** The end of this worker's call queue. */
  tail: Promise<unknown>;
  readonly envIds: Set<string>;
}

interface EnvironmentRecord {
  readonly slot: Slot;
  /** The slot generation whose worker contains this environment's module; -1 before INIT ran. */
  generation: number;
  readonly initRequest: InitRequest;
}

const ignore = (): void => undefined;

export function createSandboxPool(options: SandboxPoolOptions): SandboxExecutor {
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const environments = new Map<string, EnvironmentRecord>();
  let closed = false;

  function watchWorker(slot: Slot, worker: SandboxWorker): void {
    // A worker that dies between calls is replaced at once, so the next call finds a live one.
    worker.failure.catch(() => {
      if (!closed && slot.worker === worker) replaceWorker(slot);
    });
  }

  function replaceWorker(slot: Slot): void {
    slot.worker.terminate();
    slot.generation += 1;
    slot.worker = options.createWorker(slot.index);
    slot.ready = undefined;
    watchWorker(slot, slot.worker);
  }

  function createSlot(index: number): Slot {
    const worker = options.createWorker(index);
    const slot: Slot = { index, worker, generation: 0, ready: undefined, tail: Promise.resolve(), envIds: new Set() };
    watchWorker(slot, worker);
    return slot;
  }

  const slots = Array.from({ length: Math.max(1, Math.floor(options.size)) }, (_, index) => createSlot(index));

  /** Runs `task` after every call queued on `slot` before it has settled. */
  function enqueue<T>(slot: Slot, task: () => Promise<T>): Promise<T> {
    const run = slot.tail.then(task, task);
    slot.tail = run.catch(ignore);
    return run;
  }

  function ensureReady(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.ready ??= withDeadline(worker.api.ready(), startupTimeoutMs, worker.failure).then(
      (outcome) => {
        if (outcome.status === 'expired') {
          throw new SandboxError('startup-failed', `Sandbox worker ${slot.index} did not start within ${startupTimeoutMs} ms.`);
        }
      },
      (error: unknown) => {
        throw new SandboxError('startup-failed', `Sandbox worker ${slot.index} failed to start: ${describe(error)}`, { cause: error });
      },
    );
    return slot.ready.catch((error: unknown) => {
      if (slot.worker === worker) replaceWorker(slot);
      throw error;
    });
  }

  /**
   * Calls the worker of `slot` under the watchdog. Returns undefined when the deadline passed
   * (the worker has then been replaced); rejects with a `SandboxError` when the worker died.
   */
  async function callWorker<T>(slot: Slot, call: (api: SandboxApi) => Promise<T>): Promise<{ value: T } | undefined> {
    if (closed) throw closedError();
    await ensureReady(slot);
    const worker = slot.worker;
    try {
      const outcome = await withDeadline(call(worker.api), watchdogMs, worker.failure);
      if (outcome.status === 'settled') return { value: outcome.value };
    } catch (error) {
      if (closed) throw closedError();
      if (error instanceof SandboxError) throw error;
      // The runtime threw instead of returning a result: a sandbox failure, not a handler error.
      throw new SandboxError('runtime-failed', `The sandbox runtime in worker ${slot.index} failed: ${describe(error)}`, {
        cause: error,
      });
    }
    if (slot.worker === worker) replaceWorker(slot);
    return undefined;
  }

  function leastLoadedSlot(): Slot {
    return slots.reduce((best, slot) => (slot.envIds.size < best.envIds.size ? slot : best));
  }

  function checkedInit(value: unknown, envId: string): InitResult {
    const problem = initResultProblem(value);
    if (problem) throw new SandboxError('malformed-result', `INIT of ${envId} returned a malformed result: ${problem}.`);
    return value as InitResult;
  }

  function checkedInvoke(value: unknown, envId: string): InvokeResult {
    const problem = invokeResultProblem(value);
    if (problem) throw new SandboxError('malformed-result', `The invocation in ${envId} returned a malformed result: ${problem}.`);
    return value as InvokeResult;
  }

  async function runInit(record: EnvironmentRecord, request: InitRequest): Promise<InitResult> {
    const { slot } = record;
    const called = await callWorker(slot, (api) => api.init(request));
    if (!called) return watchdogInitResult(request, watchdogMs);
    const result = checkedInit(called.value, request.env.envId);
    record.generation = slot.generation;
    return result;
  }

  /**
   * Re-creates an environment whose worker was replaced, by running its INIT again at the
   * start of this invocation. Returns the log lines to put in front of the invocation's own, or
   * a finished result when INIT failed or hung.
   *
   * NOTE: a real Lambda environment is never lost this way; here a watchdog stop takes every
   * environment on that worker with it. Re-running INIT keeps the engine's view (a warm
   * environment) and the handler's (a fresh module scope) apart: module state, pending timers
   * and the INIT's simulated duration are not carried into this invocation's duration.
   */
  async function restoreEnvironment(
    record: EnvironmentRecord,
    request: InvokeRequest,
  ): Promise<{ logs: LogLine[] } | { result: InvokeResult }> {
    const note: LogLine = {
      time: request.startTime,
      text:
        `The playground restarted this environment because its sandbox worker was stopped ` +
        `(another environment on it never yielded); INIT ran again and module state was reset.`,
    };
    const initRequest = { ...record.initRequest, executionId: request.executionId, startTime: request.startTime };
    const called = await callWorker(record.slot, (api) => api.init(initRequest));
    if (!called) return { result: watchdogInvokeResult(request, watchdogMs, [note]) };
    const init = checkedInit(called.value, request.envId);
    record.generation = record.slot.generation;
    const logs = [note, ...init.logs];
    if (!init.error) return { logs };
    return { result: { kind: 'invoke', outcome: 'error', durationMs: init.userInitMs, error: init.error, logs } };
  }

  function init(request: InitRequest): Promise<InitResult> {
    if (closed) return Promise.reject(closedError());
    const envId = request.env.envId;
    if (environments.has(envId)) dispose(envId);
    const slot = leastLoadedSlot();
    const record: EnvironmentRecord = { slot, generation: -1, initRequest: request };
    environments.set(envId, record);
    slot.envIds.add(envId);
    return enqueue(slot, () => runInit(record, request));
  }

  function invoke(request: InvokeRequest): Promise<InvokeResult> {
    if (closed) return Promise.reject(closedError());
    const record = environments.get(request.envId);
    if (!record) {
      return Promise.reject(
        new SandboxError('unknown-environment', `Cannot invoke ${request.envId}: it was never initialised or was disposed.`),
      );
    }
    const { slot } = record;
    return enqueue(slot, async () => {
      let earlierLogs: LogLine[] = [];
      if (record.generation !== slot.generation) {
        const restored = await restoreEnvironment(record, request);
        if ('result' in restored) return restored.result;
        earlierLogs = restored.logs;
      }
      const called = await callWorker(slot, (api) => api.invoke(request));
      if (!called) return watchdogInvokeResult(request, watchdogMs, earlierLogs);
      const result = checkedInvoke(called.value, request.envId);
      return earlierLogs.length === 0 ? result : { ...result, logs: [...earlierLogs, ...result.logs] };
    });
  }

  function dispose(envId: string): void {
    const record = environments.get(envId);
    if (!record) return;
    environments.delete(envId);
    const { slot } = record;
    slot.envIds.delete(envId);
    enqueue(slot, async () => {
      // An environment whose worker was replaced has nothing left to free.
      if (record.generation === slot.generation) await callWorker(slot, (api) => api.dispose(envId));
    }).catch(ignore);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    for (const slot of slots) slot.worker.terminate();
    environments.clear();
    await Promise.all(slots.map((slot) => slot.tail));
  }

  return {
    size: slots.length,
    init,
    invoke,
    dispose,
    close,
    environmentCounts: () => slots.map((slot) => slot.envIds.size),
  };
}

function closedError(): SandboxError {
  return new SandboxError('closed', 'The sandbox executor was closed.');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
