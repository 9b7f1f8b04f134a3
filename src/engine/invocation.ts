/**
 * One request's way through its environment: INIT when the environment needs it, INVOKE, and
 * the end of the invocation with its REPORT line, billing and any reset. Each phase that runs
 * user code hands an execution to the caller; its result schedules the phase's end.
 */
import { attemptEnded } from './async-event';
import { billedDurationMs, firstInvokeCostMs } from './billing';
import { dispose, requestExecution, schedulePhase, type EngineState } from './engine-state';
import type { InitResult, InvokeOutcome, InvokeRequest, InvokeResult, LambdaError, LogLine } from './execution';
import { release } from './placement';
import * as logs from './platform-logs';
import type { Invocation } from './records';
import { RUNTIMES } from './runtimes';
import type { InvokeEnded, InvokeStarted } from './trace';
import { checkReportedDuration } from './validation';

/** The end of an invocation, gathered before its invoke-end is recorded. */
interface InvocationEnd {
  readonly outcome: InvokeOutcome;
  readonly durationMs: number;
  readonly responseJson: string | undefined;
  readonly error: LambdaError | undefined;
  /** The handler's and the runtime's lines written during INVOKE, then Lambda's timeout line. */
  readonly invokeLogs: readonly LogLine[];
  readonly initFailed: boolean;
  /** Set when the platform resets the environment after this invocation. */
  readonly reset: 'timeout' | 'init-error' | undefined;
}

const NO_LOGS: readonly LogLine[] = [];

/** Starts INIT in the invocation's environment: the runtime's part, then the user's module code. */
export function startInit(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  const { config } = env;
  const profile = RUNTIMES[config.runtime];
  const percentiles = profile.initMs[config.architecture];
  invocation.cold = true;
  invocation.initStartTime = state.now;
  invocation.runtimeInitMs = state.random.initDurations.lognormalFromPercentiles(percentiles.p50, percentiles.p90);
  invocation.initLogs = [
    { time: state.now, text: logs.initStartLine(profile.runtimeVersion, invocation.fn.runtimeVersionArn) },
  ];
  state.trace.push({ type: 'init-start', time: state.now, envId: env.id, functionName: config.name, requestId: invocation.requestId });
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
  schedulePhase(state, invocation, 'init-end', invocation.initStartTime + invocation.initDurationMs);
}

export function endInit(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  const result = invocation.initResult!;
  const initDurationMs = invocation.initDurationMs!;
  const initLogs = invocation.initLogs!;
  for (const line of result.logs) initLogs.push(line);
  if (result.error) {
    initLogs.push({ time: state.now, text: logs.initReportErrorLine(initDurationMs, result.error.errorType) });
  }
  state.trace.push({
    type: 'init-end',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    initDurationMs,
    userInitMs: result.userInitMs,
    error: result.error,
    logs: initLogs,
  });
  if (result.error) {
    // NOTE: on-demand Lambda retries a failed INIT once inside the invoke phase (a second
    // INIT_REPORT with `Phase: invoke`, and a Duration close to that retry's length). The
    // simulation runs INIT once and fails the invocation at once with Duration 0.
    recordInvokeStart(state, invocation);
    finishInvocation(state, invocation, {
      outcome: 'error',
      durationMs: 0,
      responseJson: undefined,
      error: result.error,
      invokeLogs: NO_LOGS,
      initFailed: true,
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
  schedulePhase(state, invocation, 'invoke-end', endTime);
}

export function endInvoke(state: EngineState, invocation: Invocation): void {
  const result = invocation.invokeResult!;
  if (result.outcome === 'timeout') {
    const timeoutMs = invocation.env!.config.timeoutMs;
    const time = logs.isoTime(state.settings.epochMs, state.now);
    finishInvocation(state, invocation, {
      outcome: 'timeout',
      durationMs: timeoutMs,
      responseJson: undefined,
      error: logs.timeoutError(invocation.requestId, timeoutMs),
      invokeLogs: [...result.logs, { time: state.now, text: logs.timeoutLine(time, invocation.requestId, timeoutMs) }],
      initFailed: false,
      reset: 'timeout',
    });
    return;
  }
  finishInvocation(state, invocation, {
    outcome: result.outcome,
    durationMs: invocation.invokeDurationMs,
    responseJson: result.responseJson,
    error: result.error,
    invokeLogs: result.logs,
    initFailed: false,
    reset: undefined,
  });
}

function recordInvokeStart(state: EngineState, invocation: Invocation): void {
  const env = invocation.env!;
  invocation.invokeStartTime = state.now;
  const started: InvokeStarted = {
    type: 'invoke-start',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    requestId: invocation.requestId,
    cold: invocation.cold,
    provisioned: env.provisioned,
    spillover: invocation.spillover,
  };
  state.trace.push(
    invocation.asyncEvent === undefined ? started : { ...started, invocationType: 'Event', attempt: invocation.attempt },
  );
}

/**
 * Records invoke-end, resets the environment if needed and frees it. Lambda's START, END and
 * REPORT lines are not built here: `logs.invocationLogLines` derives them from the event.
 */
function finishInvocation(state: EngineState, invocation: Invocation, end: InvocationEnd): void {
  const env = invocation.env!;
  const { config } = env;
  const { requestId } = invocation;
  const { cold } = invocation;
  const initDurationMs = cold ? invocation.initDurationMs : undefined;
  const billed = billedDurationMs(end.durationMs, initDurationMs, state.settings.initBilled);
  // A warm invocation's event leaves out the INIT fields: most invocations are warm, and a
  // trace of many thousands of them is smaller and faster to collect that way.
  const warm: InvokeEnded = {
    type: 'invoke-end',
    time: state.now,
    envId: env.id,
    functionName: config.name,
    requestId,
    outcome: end.outcome,
    cold,
    durationMs: end.durationMs,
    billedDurationMs: billed,
    memoryMb: config.memoryMb,
    responseJson: end.responseJson,
    error: end.error,
    logs: end.invokeLogs,
    startTime: invocation.invokeStartTime,
    provisioned: env.provisioned,
  };
  const ended: InvokeEnded = cold ? { ...warm, initDurationMs, initLogs: invocation.initLogs, initFailed: end.initFailed } : warm;
  state.trace.push(
    invocation.asyncEvent === undefined ? ended : { ...ended, invocationType: 'Event', attempt: invocation.attempt },
  );
  if (end.reset) {
    // The runtime is shut down; the environment keeps its place and runs INIT on next use.
    env.needsInit = true;
    state.trace.push({ type: 'env-reset', time: state.now, envId: env.id, functionName: config.name, reason: end.reset });
    dispose(state, env.id);
  }
  release(state, invocation.fn, env);
  if (invocation.asyncEvent !== undefined) attemptEnded(state, invocation, end.outcome, end.responseJson, end.error);
}
