/**
 * Placement of requests and the end of environments: a request goes to a warm environment or
 * a new one, an environment is frozen after its invocation, and it is shut down when its idle
 * lifetime runs out or its function's code changes.
 */
import { dispose, scheduleReclaim, type EngineState } from './engine-state';
import { Environment } from './environment';
import * as logs from './platform-logs';
import type { FunctionState, Invocation } from './records';
import type { ReclaimReason } from './trace';

/**
 * Places a request on the most recently used idle environment of its function's current
 * version, if there is one. Returns undefined when the request needs a new environment.
 * TODO: concurrency limits and throttling are not modelled yet. Their check belongs here,
 * before the request takes a warm environment or `createEnvironment` makes one.
 */
export function placeOnIdleEnvironment(state: EngineState, invocation: Invocation): Environment | undefined {
  const env = invocation.fn.idle.pop();
  if (env === undefined) return undefined;
  state.queue.remove(env);
  env.state = 'busy';
  invocation.env = env;
  return env;
}

/** Creates an environment of the function's current version for `invocation` (a cold start). */
export function createEnvironment(state: EngineState, invocation: Invocation): Environment {
  const { fn } = invocation;
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
  const env = new Environment(spec, config, fn.version);
  invocation.env = env;
  state.trace.push({
    type: 'env-created',
    time: state.now,
    envId,
    functionName: config.name,
    requestId: invocation.requestId,
  });
  return env;
}

/** Freezes an environment after its invocation, or shuts it down if its version is outdated. */
export function release(state: EngineState, fn: FunctionState, env: Environment): void {
  if (env.version !== fn.version) {
    shutDown(state, env, 'code-updated');
    return;
  }
  env.state = 'idle';
  env.idleSince = state.now;
  fn.idle.push(env);
  const { min, max } = state.settings.idleReclaimMs;
  const lifetimeMs = state.random.idleLifetimes.uniform(min, max);
  scheduleReclaim(state, env, state.now + lifetimeMs, 'idle');
}

/**
 * Shuts down every idle environment of `fn` now, after its code or configuration changed.
 * They are reclaim events at the current time, so the next step reports them as disposed.
 */
export function retireIdleEnvironments(state: EngineState, fn: FunctionState): void {
  for (const env of fn.idle.drain()) scheduleReclaim(state, env, state.now, 'code-updated');
}

/** Shuts down an environment whose reclaim came due. */
export function reclaim(state: EngineState, env: Environment): void {
  env.pool?.remove(env);
  shutDown(state, env, env.reclaimReason);
}

function shutDown(state: EngineState, env: Environment, reason: ReclaimReason): void {
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
