/**
 * Real-time deadlines for calls into a worker. Everything inside the sandbox runs on virtual
 * time, so the only thing a wall-clock deadline can catch is code that never yields (a CPU
 * loop) or a worker that stopped answering.
 */
import type { InitRequest, InitResult, InvokeRequest, InvokeResult, LogLine } from '../engine/execution';

/** Default real-time budget of one `init` or `invoke` call, in ms of wall time. */
export const DEFAULT_WATCHDOG_MS = 2_500;

/** Default real-time budget for a new worker to load and answer `ready()`, in ms. */
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

/**
 * Lambda's phrase for a timeout, `<timestamp> <requestId> Task timed out after 3.00 seconds`,
 * followed by the reason the sandbox had to stop the worker.
 */
function timedOutMessage(timestamp: string, requestId: string, timeoutMs: number, watchdogMs: number): string {
  const seconds = (timeoutMs / 1000).toFixed(2);
  const budget = (watchdogMs / 1000).toFixed(1);
  return (
    `${timestamp} ${requestId} Task timed out after ${seconds} seconds. ` +
    `The handler never yielded to the event loop (a CPU loop such as while (true) {}?), ` +
    `so the playground stopped it after ${budget} s of real time.`
  );
}

/**
 * The result of an invocation the watchdog stopped: Lambda's timeout, with the full function
 * timeout as its duration. Logs the handler wrote before it got stuck are lost with the worker.
 */
export function watchdogInvokeResult(
  request: InvokeRequest,
  epochMs: number,
  watchdogMs: number,
  earlierLogs: readonly LogLine[] = [],
): InvokeResult {
  const endTime = request.startTime + request.timeoutMs;
  const timestamp = new Date(epochMs + endTime).toISOString();
  const errorMessage = timedOutMessage(timestamp, request.requestId, request.timeoutMs, watchdogMs);
  return {
    kind: 'invoke',
    outcome: 'timeout',
    durationMs: request.timeoutMs,
    error: { errorType: 'Sandbox.Timedout', errorMessage, trace: [] },
    logs: [...earlierLogs, { time: endTime, text: errorMessage }],
  };
}

/**
 * Lambda caps the INIT phase of an on-demand function at 10 s. Top-level code that never
 * yields is reported as an INIT that ran into that cap.
 */
export const INIT_PHASE_CAP_MS = 10_000;

/** The result of an INIT the watchdog stopped. */
export function watchdogInitResult(request: InitRequest, watchdogMs: number): InitResult {
  const endTime = request.startTime + INIT_PHASE_CAP_MS;
  const budget = (watchdogMs / 1000).toFixed(1);
  const errorMessage =
    `INIT timed out after ${(INIT_PHASE_CAP_MS / 1000).toFixed(2)} seconds. The module's top-level code ` +
    `never yielded to the event loop (a CPU loop?), so the playground stopped it after ${budget} s of real time.`;
  return {
    kind: 'init',
    userInitMs: INIT_PHASE_CAP_MS,
    error: { errorType: 'Sandbox.Timedout', errorMessage, trace: [] },
    logs: [{ time: endTime, text: errorMessage }],
  };
}
