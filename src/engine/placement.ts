/**
 * Placement of requests and the end of environments. A request goes to a free provisioned
 * environment, a warm one or a new one, and the environment is frozen after its invocation.
 * An on-demand environment is shut down when its idle lifetime runs out or its function's
 * code changes. The caller checks concurrency limits (`concurrency.ts`) first.
 */
import { changeUsage } from './concurrency';
import { dispose, scheduleReclaim, wakeAsyncQueues, type EngineState } from './engine-state';
import { Environment } from './environment';
import * as logs from './platform-logs';
import type { FunctionState, Invocation } from './records';
import type { ReclaimReason } from './trace';

/** Places a request on the most recently used ready provisioned environment, if one is free. */
export function placeOnProvisionedEnvironment(invocation: Invocation): Environment | undefined {
  const { fn } = invocation;
  const env = fn.provisionedReady.pop();
  if (env === undefined) return undefined;
  env.state = 'busy';
  invocation.env = env;
  fn.busy++;
  fn.provisionedUnused--;
  return env;
}

/**
 * Places a request on the most recently used idle on-demand environment of its function's
 * current version, if there is one. Returns undefined when the request needs a new environment.
 */
export function placeOnIdleEnvironment(state: EngineState, invocation: Invocation): Environment | undefined {
  const { fn } = invocation;
  const env = fn.idle.pop();
  if (env === undefined) return undefined;
  state.queue.remove(env);
  env.state = 'busy';
  invocation.env = env;
  fn.busy++;
  changeUsage(state, fn, 1);
  return env;
}

/** Creates an on-demand environment of the function's current version for `invocation` (a cold start). */
export function createEnvironment(state: EngineState, invocation: Invocation): Environment {
  const { fn } = invocation;
  const env = newEnvironment(state, fn, false);
  invocation.env = env;
  fn.busy++;
  changeUsage(state, fn, 1);
  state.trace.push({
    type: 'env-created',
    time: state.now,
    envId: env.id,
    functionName: fn.config.name,
    requestId: invocation.requestId,
    provisioned: false,
  });
  return env;
}

/** Makes an environment of the function's current version, with its ID, seed and log stream. */
export function newEnvironment(state: EngineState, fn: FunctionState, provisioned: boolean): Environment {
  const { config } = fn;
  const { settings, random } = state;
  fn.environmentCount++;
  const envId = `${config.name}#${fn.environmentCount}`;
  const spec = {
    envId,
    functionName: config.name,
    code: config.code,
    handler: config.handler,
    runtime: config.runtime,
    architecture: config.architecture,
    memoryMb: config.memoryMb,
    timeoutMs: config.timeoutMs,
    region: settings.region,
    accountId: settings.accountId,
    seed: random.placement.nextUint32(),
    epochMs: settings.epochMs,
    logGroupName: fn.logGroupName,
    logStreamName: logs.logStreamName(settings.epochMs, state.now, random.placement),
  };
  return new Environment(spec, config, fn.version, provisioned);
}

/**
 * Frees an environment after its invocation. A provisioned one goes back to the provisioned
 * pool and stays allocated, so concurrency does not drop. An on-demand one is frozen until it
 * is reused or reclaimed. One of an outdated version is shut down.
 */
export function release(state: EngineState, fn: FunctionState, env: Environment): void {
  fn.busy--;
  wakeAsyncQueues(state);
  if (env.version !== fn.version) {
    changeUsage(state, fn, -1);
    shutDown(state, env, 'code-updated');
    return;
  }
  env.state = 'idle';
  env.idleSince = state.now;
  if (env.provisioned) {
    fn.provisionedUnused++;
    fn.provisionedReady.push(env);
    return;
  }
  changeUsage(state, fn, -1);
  fn.idle.push(env);
  const { min, max } = state.settings.idleReclaimMs;
  const lifetimeMs = state.random.idleLifetimes.uniform(min, max);
  scheduleReclaim(state, env, state.now + lifetimeMs, 'idle');
}

/**
 * Shuts down every idle environment of `fn` now, provisioned ones included, after its code or
 * configuration changed. They are reclaim events at the current time, so the next step
 * reports them as disposed.
 */
export function retireIdleEnvironments(state: EngineState, fn: FunctionState): void {
  for (const env of fn.idle.drain()) scheduleReclaim(state, env, state.now, 'code-updated');
  for (const env of fn.provisionedReady.drain()) scheduleReclaim(state, env, state.now, 'code-updated');
}

/** Shuts down an environment whose reclaim came due. */
export function reclaim(state: EngineState, env: Environment): void {
  env.pool?.remove(env);
  if (env.provisioned && env.state === 'idle') {
    // An idle provisioned environment leaves the function's allocated concurrency.
    const fn = state.functions.get(env.config.name)!;
    fn.provisionedUnused--;
    changeUsage(state, fn, -1);
  }
  shutDown(state, env, env.reclaimReason);
}

export function shutDown(state: EngineState, env: Environment, reason: ReclaimReason): void {
  const idleMs = env.state === 'idle' ? state.now - env.idleSince : 0;
  env.state = 'shut-down';
  state.trace.push({
    type: 'env-reclaimed',
    time: state.now,
    envId: env.id,
    functionName: env.config.name,
    idleMs,
    reason,
  });
  dispose(state, env.id);
}
