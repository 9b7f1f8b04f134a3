/**
 * One request's way through its environment: INIT when the environment needs it, INVOKE, and
 * the end of the invocation with its REPORT line, billing and any reset. Each phase that runs
 * user code hands an execution to the caller; its result schedules the phase's end.
 */
import { billedDurationMs, firstInvokeCostMs } from './billing';
import { dispose, requestExecution, schedule, type EngineState } from './engine-state';
import type { InitResult, InvokeOutcome, InvokeRequest, InvokeResult, LambdaError } from './execution';
import { release } from './placement';
import * as logs from './platform-logs';
import type { Invocation } from './records';
import { RUNTIMES } from './runtimes';
import { checkReportedDuration } from './validation';

/** How an invocation ended, gathered before its invoke-end is recorded. */
interface InvocationEnd {
  readonly outcome: InvokeOutcome;
  readonly durationMs: number;
  readonly responseJson?: string;
  readonly error?: LambdaError;
  readonly status: logs.ReportStatus;
  /** Set when the platform resets the environment after this invocation. */
  readonly reset?: 'timeout' | 'init-error';
}

/** Starts INIT in the invocation's environment: the runtime's part, then the user's module code. */
export function startInit(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  const { config } = env;
  const profile = RUNTIMES[config.runtime];
  const percentiles = profile.initMs[config.architecture];
  invocation.cold = true;
  invocation.initStartTime = state.now;
  invocation.runtimeInitMs = state.random.initDurations.lognormalFromPercentiles(percentiles.p50, percentiles.p90);
  invocation.logs.push({
    time: state.now,
    text: logs.initStartLine(profile.runtimeVersion, invocation.fn.runtimeVersionArn),
  });
  state.trace.push({ type: 'init-start', time: state.now, envId: env.id, functionName: config.name });
  requestExecution(state, invocation, {
    kind: 'init',
    executionId: state.ledger.allocateId(),
    env: env.spec,
    startTime: state.now + invocation.runtimeInitMs,
  });
}

/** Schedules the end of INIT: Init Duration is the runtime's part plus the module's own time. */
export function applyInitResult(state: EngineState, invocation: Invocation, result: InitResult): void {
  checkReportedDuration('userInitMs', result.userInitMs);
  invocation.initResult = result;
  invocation.initDurationMs = invocation.runtimeInitMs + result.userInitMs;
  schedule(state, 'init-end', invocation.initStartTime + invocation.initDurationMs, invocation, invocation.env, undefined);
}

export function endInit(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  const result = invocation.initResult!;
  const initDurationMs = invocation.initDurationMs!;
  invocation.logs.push(...result.logs);
  if (result.error) {
    invocation.logs.push({ time: state.now, text: logs.initReportErrorLine(initDurationMs, result.error.errorType) });
  }
  state.trace.push({
    type: 'init-end',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    initDurationMs,
    userInitMs: result.userInitMs,
    ...(result.error ? { error: result.error } : {}),
    logs: invocation.logs.slice(),
  });
  if (result.error) {
    // NOTE: on-demand Lambda retries a failed INIT once inside the invoke phase (a second
    // INIT_REPORT with `Phase: invoke`, and a Duration close to that retry's length). The
    // simulation runs INIT once and fails the invocation at once with Duration 0.
    recordInvokeStart(state, invocation);
    finishInvocation(state, invocation, {
      outcome: 'error',
      durationMs: 0,
      error: result.error,
      status: { kind: 'error', errorType: result.error.errorType },
      reset: 'init-error',
    });
    return;
  }
  env.needsInit = false;
  env.invocationsSinceInit = 0;
  startInvoke(state, invocation);
}

/** Calls the handler in an initialised environment. */
export function startInvoke(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  const { config } = env;
  recordInvokeStart(state, invocation);
  // The first invocation after INIT pays the runtime's warm-up before the handler is called.
  invocation.firstInvokeMs =
    env.invocationsSinceInit === 0 ? firstInvokeCostMs(RUNTIMES[config.runtime], config.memoryMb) : 0;
  env.invocationsSinceInit++;
  requestExecution(state, invocation, {
    kind: 'invoke',
    executionId: state.ledger.allocateId(),
    envId: env.id,
    requestId: invocation.requestId,
    event: invocation.event,
    startTime: state.now + invocation.firstInvokeMs,
    timeoutMs: config.timeoutMs - invocation.firstInvokeMs,
    invokedFunctionArn: invocation.fn.functionArn,
  });
}

/** Schedules the end of the invocation from the handler's simulated run time. */
export function applyInvokeResult(
  state: EngineState,
  invocation: Invocation,
  request: InvokeRequest,
  result: InvokeResult,
): void {
  checkReportedDuration('durationMs', result.durationMs);
  if (result.outcome !== 'timeout' && result.durationMs > request.timeoutMs) {
    throw new Error(
      `Simulation.resolve: request ${invocation.requestId} ran ${result.durationMs} ms, over its ${request.timeoutMs} ms budget, but its outcome is "${result.outcome}"; an executor must report that as a timeout.`,
    );
  }
  invocation.invokeResult = result;
  // A timeout lasts exactly the function timeout, whatever the executor measured.
  invocation.invokeDurationMs =
    result.outcome === 'timeout' ? invocation.env!.config.timeoutMs : invocation.firstInvokeMs + result.durationMs;
  const endTime = invocation.invokeStartTime + invocation.invokeDurationMs;
  schedule(state, 'invoke-end', endTime, invocation, invocation.env, undefined);
}

export function endInvoke(state: EngineState, invocation: Invocation): void {
  const result = invocation.invokeResult!;
  invocation.logs.push(...result.logs);
  if (result.outcome === 'timeout') {
    const timeoutMs = invocation.env!.config.timeoutMs;
    const time = logs.isoTime(state.settings.epochMs, state.now);
    invocation.logs.push({ time: state.now, text: logs.timeoutLine(time, invocation.requestId, timeoutMs) });
    finishInvocation(state, invocation, {
      outcome: 'timeout',
      durationMs: timeoutMs,
      error: logs.timeoutError(invocation.requestId, timeoutMs),
      status: { kind: 'timeout' },
      reset: 'timeout',
    });
    return;
  }
  finishInvocation(state, invocation, {
    outcome: result.outcome,
    durationMs: invocation.invokeDurationMs,
    ...(result.responseJson !== undefined ? { responseJson: result.responseJson } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    status: { kind: 'ok' },
  });
}

function recordInvokeStart(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  invocation.invokeStartTime = state.now;
  invocation.logs.push({ time: state.now, text: logs.startLine(invocation.requestId) });
  state.trace.push({
    type: 'invoke-start',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    requestId: invocation.requestId,
    cold: invocation.cold,
  });
}

/** Writes END and REPORT, records invoke-end, resets the environment if needed and frees it. */
function finishInvocation(state: EngineState, invocation: Invocation, end: InvocationEnd): void {
  const env = invocation.env!;
  const { config } = env;
  const { requestId } = invocation;
  const initDurationMs = invocation.cold ? invocation.initDurationMs : undefined;
  const billed = billedDurationMs(end.durationMs, initDurationMs, state.settings.initBilled);
  invocation.logs.push({ time: state.now, text: logs.endLine(requestId) });
  invocation.logs.push({
    time: state.now,
    text: logs.reportLine({
      requestId,
      durationMs: end.durationMs,
      billedDurationMs: billed,
      memoryMb: config.memoryMb,
      ...(initDurationMs !== undefined ? { initDurationMs } : {}),
      status: end.status,
    }),
  });
  state.trace.push({
    type: 'invoke-end',
    time: state.now,
    envId: env.id,
    functionName: config.name,
    requestId,
    outcome: end.outcome,
    cold: invocation.cold,
    durationMs: end.durationMs,
    billedDurationMs: billed,
    ...(initDurationMs !== undefined ? { initDurationMs } : {}),
    memoryMb: config.memoryMb,
    ...(end.responseJson !== undefined ? { responseJson: end.responseJson } : {}),
    ...(end.error !== undefined ? { error: end.error } : {}),
    logs: invocation.logs,
  });
  if (end.reset) {
    // The runtime is shut down; the environment keeps its place and runs INIT on next use.
    env.needsInit = true;
    state.trace.push({ type: 'env-reset', time: state.now, envId: env.id, functionName: config.name, reason: end.reset });
    dispose(state, env.id);
  }
  release(state, invocation.fn, env);
}
