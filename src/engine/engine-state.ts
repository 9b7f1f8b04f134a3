/**
 * The state one simulation run works on, shared by the modules that process its events.
 * `Simulation` owns it; the other engine modules are functions over it.
 */
import type { Environment } from './environment';
import { EventQueue } from './event-queue';
import type { ExecutionRequest } from './execution';
import { ExecutionLedger } from './executions';
import type { SimulationSettings } from './model';
import type { FunctionState, Invocation, InvocationPhase } from './records';
import type { ReclaimReason, TraceEvent } from './trace';
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
}

export interface EngineState {
  readonly settings: SimulationSettings;
  readonly functions: Map<string, FunctionState>;
  readonly queue: EventQueue<Invocation | Environment>;
  readonly trace: TraceEvent[];
  /** Simulated time of the event being processed (or last processed), in ms. */
  now: number;
  readonly random: RandomStreams;
  readonly ledger: ExecutionLedger;
  /** Output of the step in progress; undefined until the step adds to it. */
  executions: ExecutionRequest[] | undefined;
  disposed: string[] | undefined;
}

export function createEngineState(settings: SimulationSettings): EngineState {
  const root = new SeededRandom(settings.seed);
  return {
    settings,
    functions: new Map(),
    queue: new EventQueue<Invocation | Environment>(),
    trace: [],
    now: 0,
    random: {
      requestIds: root.fork(),
      placement: root.fork(),
      initDurations: root.fork(),
      idleLifetimes: root.fork(),
    },
    ledger: new ExecutionLedger(),
    executions: undefined,
    disposed: undefined,
  };
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
export function requestExecution(state: EngineState, invocation: Invocation, request: ExecutionRequest): void {
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
