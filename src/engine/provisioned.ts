/**
 * Provisioned concurrency: when it is enabled (the start of the run, or an update that sets
 * it), Lambda places the function's provisioned environments after an allocation delay and
 * runs their INIT before any request needs them. Ready ones wait in the function's
 * provisioned pool, are taken before on-demand environments and are never reclaimed for
 * idling. A request that finds none free spills over to on-demand concurrency.
 */
import { changeUsage } from './concurrency';
import { dispose, requestExecution, wakeAsyncQueues, type EngineState } from './engine-state';
import { Environment } from './environment';
import type { InitResult, LogLine } from './execution';
import { PLATFORM_OVERHEAD_MS } from './limits';
import { newEnvironment, shutDown } from './placement';
import * as logs from './platform-logs';
import type { FunctionState } from './records';
import { RUNTIMES } from './runtimes';
import { checkReportedDuration } from './validation';

export type ProvisioningPhase = 'allocate' | 'init-start' | 'init-end';

/**
 * A scheduled step of provisioning: the allocation of a function version's provisioned
 * environments, then the INIT of each one. Like a request, it is its own event queue entry.
 */
export class ProvisionedInit {
  time = 0;
  seq = 0;
  heapIndex = -1;
  env: Environment | undefined;
  initStartTime = 0;
  runtimeInitMs = 0;
  initDurationMs = 0;
  result: InitResult | undefined;
  /** INIT_START, then the INIT output once the result is in. */
  initLogs: LogLine[] = [];

  constructor(
    public phase: ProvisioningPhase,
    readonly fn: FunctionState,
    /** The function version whose provisioned concurrency this is. */
    readonly version: number,
  ) {}
}

/** Schedules the allocation of the function's provisioned concurrency, if it has any, after the allocation delay. */
export function scheduleProvisioning(state: EngineState, fn: FunctionState): void {
  if ((fn.config.provisionedConcurrency ?? 0) === 0) return;
  schedule(state, new ProvisionedInit('allocate', fn, fn.version), state.now + state.provisionedAllocationMs);
}

/** Processes a provisioning step that came due. */
export function processProvisioning(state: EngineState, job: ProvisionedInit): void {
  switch (job.phase) {
    case 'allocate':
      allocate(state, job);
      break;
    case 'init-start':
      startProvisionedInit(state, job);
      break;
    case 'init-end':
      endProvisionedInit(state, job);
      break;
  }
}

/** Schedules the end of a provisioned environment's INIT from the executor's result. */
export function applyProvisionedInitResult(state: EngineState, job: ProvisionedInit, result: InitResult): void {
  checkReportedDuration('userInitMs', result.userInitMs);
  job.result = result;
  job.initDurationMs = job.runtimeInitMs + result.userInitMs;
  job.phase = 'init-end';
  schedule(state, job, job.initStartTime + job.initDurationMs);
}

/** Places the provisioned environments of a version, unless a newer version replaced it meanwhile. */
function allocate(state: EngineState, allocation: ProvisionedInit): void {
  const { fn } = allocation;
  if (allocation.version !== fn.version) return;
  const count = fn.config.provisionedConcurrency ?? 0;
  for (let i = 0; i < count; i++) {
    const env = newEnvironment(state, fn, true);
    fn.provisionedEnvironments++;
    fn.provisionedUnused++;
    changeUsage(state, fn, 1);
    state.trace.push({ type: 'env-created', time: state.now, envId: env.id, functionName: fn.config.name, provisioned: true });
    const job = new ProvisionedInit('init-start', fn, allocation.version);
    job.env = env;
    const overheadMs = state.random.placement.uniform(PLATFORM_OVERHEAD_MS.min, PLATFORM_OVERHEAD_MS.max);
    schedule(state, job, state.now + overheadMs);
  }
}

function startProvisionedInit(state: EngineState, job: ProvisionedInit): void {
  const env = job.env!;
  const { config } = env;
  const percentiles = RUNTIMES[config.runtime].initMs[config.architecture];
  job.initStartTime = state.now;
  job.runtimeInitMs = state.random.initDurations.lognormalFromPercentiles(percentiles.p50, percentiles.p90);
  job.initLogs.push({ time: state.now, text: logs.initStartLine(RUNTIMES[config.runtime].runtimeVersion, job.fn.runtimeVersionArn) });
  state.trace.push({ type: 'init-start', time: state.now, envId: env.id, functionName: config.name });
  requestExecution(state, job, {
    kind: 'init',
    executionId: state.ledger.allocateId(),
    env: env.spec,
    startTime: state.now + job.runtimeInitMs,
  });
}

function endProvisionedInit(state: EngineState, job: ProvisionedInit): void {
  const env = job.env!;
  const { fn } = job;
  const result = job.result!;
  const { initLogs } = job;
  for (const line of result.logs) initLogs.push(line);
  if (result.error) {
    initLogs.push({ time: state.now, text: logs.initReportErrorLine(job.initDurationMs, result.error.errorType) });
  }
  state.trace.push({
    type: 'init-end',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    initDurationMs: job.initDurationMs,
    userInitMs: result.userInitMs,
    error: result.error,
    logs: initLogs,
  });

  if (result.error) {
    // The environment stays provisioned; the request that takes it runs INIT again, cold.
    dispose(state, env.id);
  } else {
    env.needsInit = false;
    env.invocationsSinceInit = 0;
  }

  if (env.version !== fn.version) {
    fn.provisionedUnused--;
    changeUsage(state, fn, -1);
    shutDown(state, env, 'code-updated');
    return;
  }
  env.state = 'idle';
  env.idleSince = state.now;
  fn.provisionedReady.push(env);
  wakeAsyncQueues(state);
}

function schedule(state: EngineState, job: ProvisionedInit, time: number): void {
  job.time = time;
  state.queue.push(job);
}
