/**
 * Real-time deadlines for calls into a worker. Everything inside the sandbox runs on virtual
 * time, so the only thing a wall-clock deadline can catch is code that never yields (a CPU
 * loop) or a worker that stopped responding.
 */
import type { InitRequest, InitResult, InvokeRequest, InvokeResult, LogLine } from '../engine/execution';

/** Default real-time budget of one `init` or `invoke` call, in ms of wall time. */
export const DEFAULT_WATCHDOG_MS = 2_500;

/** Default real-time budget for a new worker to load and resolve `ready()`, in ms. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 15_000;

export type DeadlineOutcome<T> =
  | { readonly status: 'settled'; readonly value: T }
  | { readonly status: 'expired' };

/**
 * Waits for `call` for at most `deadlineMs` of wall time. A rejection of `call` (or of
 * `failure`, which a worker host rejects when its worker dies) propagates.
 */
export function withDeadline<T>(
  call: Promise<T>,
  deadlineMs: number,
  failure?: Promise<never>,
): Promise<DeadlineOutcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<DeadlineOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'expired' }), deadlineMs);
  });
  const settled = call.then((value): DeadlineOutcome<T> => ({ status: 'settled', value }));
  const racers = failure ? [settled, expired, failure] : [settled, expired];
  return Promise.race(racers).finally(() => clearTimeout(timer));
}

/** Explains, in the invocation's log, why the handler was stopped. */
function stoppedExplanation(what: string, watchdogMs: number): string {
  const budget = (watchdogMs / 1000).toFixed(1);
  return (
    `The playground stopped ${what} after ${budget} s of real time because it never yielded to the ` +
    `event loop (a CPU loop such as while (true) {}?). Log lines it wrote before were lost with its worker.`
  );
}

/**
 * Builds the result of an invocation the watchdog stopped: Lambda's timeout, with the full
 * function timeout as its duration. The engine writes Lambda's `Task timed out` line itself.
 */
export function watchdogInvokeResult(
  request: InvokeRequest,
  watchdogMs: number,
  earlierLogs: readonly LogLine[] = [],
): InvokeResult {
  const explanation = stoppedExplanation('the handler', watchdogMs);
  const seconds = (request.timeoutMs / 1000).toFixed(2);
  return {
    kind: 'invoke',
    outcome: 'timeout',
    durationMs: request.timeoutMs,
    error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${seconds} seconds. ${explanation}`, trace: [] },
    logs: [...earlierLogs, { time: request.startTime + request.timeoutMs, text: explanation }],
  };
}

/**
 * Lambda caps the INIT phase of an on-demand function at 10 s. Top-level code that never
 * yields is reported as an INIT that ran into that cap, as the sandbox runtime reports a
 * top-level sleep past it.
 */
export const INIT_PHASE_CAP_MS = 10_000;

/** Builds the result of an INIT the watchdog stopped. */
export function watchdogInitResult(request: InitRequest, watchdogMs: number): InitResult {
  const explanation = stoppedExplanation("the module's top-level code", watchdogMs);
  const seconds = (INIT_PHASE_CAP_MS / 1000).toFixed(2);
  return {
    kind: 'init',
    userInitMs: INIT_PHASE_CAP_MS,
    error: { errorType: 'Sandbox.Timedout', errorMessage: `INIT timed out after ${seconds} seconds. ${explanation}`, trace: [] },
    logs: [{ time: request.startTime + INIT_PHASE_CAP_MS, text: explanation }],
  };
}
