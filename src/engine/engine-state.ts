/**
 * The state one simulation run works on, shared by the modules that process its events.
 * `Simulation` owns it; the other engine modules are functions over it.
 */
import type { AsyncEvent, FunctionAsyncQueue } from './async-event';
import type { Environment } from './environment';
import { EventQueue } from './event-queue';
import type { ExecutionRequest } from './execution';
import { ExecutionLedger } from './executions';
import type { AccountSettings, BucketConfig, RuleConfig, SimulationSettings, TopicConfig } from './model';
import type { ProvisionedInit } from './provisioned';
import type { ServiceArrival } from './service-events';
import { TokenBucket } from './token-bucket';
import type { FunctionState, Invocation, InvocationPhase } from './records';
import type { ReclaimReason, TraceEvent } from './trace';
import { DEFAULT_ACCOUNT_SETTINGS } from './concurrency-config';
import { ACCOUNT_BURST_SCALING, PROVISIONED_ALLOCATION_MS } from './limits';
import { SeededRandom } from '../lib/random';

/**
 * Independent random streams, so that for example the number of request IDs drawn does not
 * shift the idle lifetimes. Each stream is drawn in simulated-history order only.
 */
export interface RandomStreams {
  readonly requestIds: SeededRandom;
  /** Platform overhead, environment seeds and log stream names. */
  readonly placement: SeededRandom;
  readonly initDurations: SeededRandom;
  readonly idleLifetimes: SeededRandom;
  /** IDs drawn while asynchronous events are processed: their request IDs, message and event IDs. */
  readonly asyncIds: SeededRandom;
}

/** Everything the event queue holds. */
export type QueueEntry = Invocation | Environment | ProvisionedInit | AsyncEvent | FunctionAsyncQueue | ServiceArrival;

/** The scenario's resources by name. */
export interface ResourceIndex {
  readonly queues: ReadonlySet<string>;
  readonly topics: ReadonlyMap<string, TopicConfig>;
  readonly buckets: ReadonlyMap<string, BucketConfig>;
  /** Event buses, `default` included. */
  readonly eventBuses: ReadonlySet<string>;
  readonly rules: ReadonlyMap<string, RuleConfig>;
}

export interface EngineState {
  readonly settings: SimulationSettings;
  readonly functions: Map<string, FunctionState>;
  readonly queue: EventQueue<QueueEntry>;
  readonly trace: TraceEvent[];
  /** Simulated time of the event being processed (or last processed), in ms. */
  now: number;
  readonly random: RandomStreams;
  readonly ledger: ExecutionLedger;
  readonly account: AccountSettings;
  readonly provisionedAllocationMs: number;
  /** Account limit minus the reserved concurrency of all functions. */
  unreservedPool: number;
  /** Concurrency (busy plus unused provisioned environments) of the functions without reserved concurrency. */
  unreservedUsage: number;
  /** Concurrency of all functions. */
  accountUsage: number;
  /** The account-wide scaling allowance of the older burst model; undefined under the per-function model. */
  readonly accountScaling: TokenBucket | undefined;
  readonly resources: ResourceIndex;
  /** Function queues that a throttle stopped reading, until capacity frees up. */
  readonly blockedQueues: FunctionAsyncQueue[];
  /** Counter behind the `sequencer` of S3 events. */
  s3Sequence: number;
  /** Output of the step in progress; undefined until the step adds to it. */
  executions: ExecutionRequest[] | undefined;
  disposed: string[] | undefined;
}

export function createEngineState(settings: SimulationSettings): EngineState {
  const root = new SeededRandom(settings.seed);
  const account = settings.account ?? DEFAULT_ACCOUNT_SETTINGS;
  return {
    settings,
    functions: new Map(),
    queue: new EventQueue<QueueEntry>(),
    trace: [],
    now: 0,
    random: {
      requestIds: root.fork(),
      placement: root.fork(),
      initDurations: root.fork(),
      idleLifetimes: root.fork(),
      asyncIds: root.fork(),
    },
    ledger: new ExecutionLedger(),
    account,
    provisionedAllocationMs: settings.provisionedAllocationMs ?? PROVISIONED_ALLOCATION_MS,
    unreservedPool: account.concurrencyLimit,
    unreservedUsage: 0,
    accountUsage: 0,
    accountScaling:
      account.scaling.kind === 'account-burst'
        ? new TokenBucket(account.scaling.burst, ACCOUNT_BURST_SCALING.refillPerSecond, 0)
        : undefined,
    resources: indexResources(settings),
    blockedQueues: [],
    s3Sequence: 0,
    executions: undefined,
    disposed: undefined,
  };
}

function indexResources(settings: SimulationSettings): ResourceIndex {
  const resources = settings.resources ?? {};
  return {
    queues: new Set((resources.queues ?? []).map((queue) => queue.name)),
    topics: new Map((resources.topics ?? []).map((topic) => [topic.name, topic])),
    buckets: new Map((resources.buckets ?? []).map((bucket) => [bucket.name, bucket])),
    eventBuses: new Set(['default', ...(resources.eventBuses ?? []).map((bus) => bus.name)]),
    rules: new Map((resources.rules ?? []).map((rule) => [rule.name, rule])),
  };
}

/**
 * Capacity freed up (an environment finished, a provisioned one became ready, limits changed):
 * every function queue a throttle blocked is read again, in this step.
 */
export function wakeAsyncQueues(state: EngineState): void {
  const blocked = state.blockedQueues;
  if (blocked.length === 0) return;
  for (const queue of blocked) {
    queue.blocked = false;
    if (queue.heapIndex === -1) {
      queue.time = state.now;
      state.queue.push(queue);
    }
  }
  blocked.length = 0;
}

/** Schedules the next phase of a request. The queue rejects a request that is already queued. */
export function schedulePhase(state: EngineState, invocation: Invocation, phase: InvocationPhase, time: number): void {
  invocation.phase = phase;
  invocation.time = time;
  state.queue.push(invocation);
}

/** Schedules an idle environment's shutdown, replacing any reclaim already scheduled for it. */
export function scheduleReclaim(state: EngineState, env: Environment, time: number, reason: ReclaimReason): void {
  state.queue.remove(env);
  env.reclaimReason = reason;
  env.time = time;
  state.queue.push(env);
}

/** Hands an execution to the caller of the current step. */
export function requestExecution(state: EngineState, invocation: Invocation | ProvisionedInit, request: ExecutionRequest): void {
  state.ledger.add(invocation, request);
  (state.executions ??= []).push(request);
}

/** Tells the executor to drop an environment's module instance, once per step. */
export function dispose(state: EngineState, envId: string): void {
  const disposed = (state.disposed ??= []);
  if (!disposed.includes(envId)) disposed.push(envId);
}

export function functionNamed(state: EngineState, name: string): FunctionState {
  const fn = state.functions.get(name);
  if (fn === undefined) {
    const known = [...state.functions.keys()].join(', ') || 'none';
    throw new Error(`Simulation: unknown function "${name}"; the functions are: ${known}.`);
  }
  return fn;
}
