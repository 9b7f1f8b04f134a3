/**
 * The state one simulation run works on, shared by the modules that process its events.
 * `Simulation` owns it; the other engine modules are functions over it.
 */
import type { Environment } from './environment';
import { EventQueue } from './event-queue';
import type { ExecutionRequest } from './execution';
import { ExecutionLedger } from './executions';
import type { SimulationSettings } from './model';
import type { FunctionState, Invocation, SimEvent, SimEventKind } from './records';
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
  readonly queue: EventQueue<SimEvent>;
  readonly trace: TraceEvent[];
  /** Simulated time of the event being processed (or last processed), in ms. */
  now: number;
  readonly random: RandomStreams;
  readonly ledger: ExecutionLedger;
  /** Output of the step in progress. */
  executions: ExecutionRequest[];
  disposed: string[];
}

export function createEngineState(settings: SimulationSettings): EngineState {
  const root = new SeededRandom(settings.seed);
  return {
    settings,
    functions: new Map(),
    queue: new EventQueue<SimEvent>(),
    trace: [],
    now: 0,
    random: {
      requestIds: root.fork(),
      placement: root.fork(),
      initDurations: root.fork(),
      idleLifetimes: root.fork(),
    },
    ledger: new ExecutionLedger(),
    executions: [],
    disposed: [],
  };
}

export function schedule(
  state: EngineState,
  kind: SimEventKind,
  time: number,
  invocation: Invocation | undefined,
  env: Environment | undefined,
  reason: ReclaimReason | undefined,
): SimEvent {
  const event: SimEvent = { time, seq: 0, heapIndex: -1, kind, invocation, env, reason };
  state.queue.push(event);
  return event;
}

/** Hands an execution to the caller of the current step. */
export function requestExecution(state: EngineState, invocation: Invocation, request: ExecutionRequest): void {
  state.ledger.add(invocation, request);
  state.executions.push(request);
}

/** Tells the executor to drop an environment's module instance, once per step. */
export function dispose(state: EngineState, envId: string): void {
  if (!state.disposed.includes(envId)) state.disposed.push(envId);
}

export function functionNamed(state: EngineState, name: string): FunctionState {
  const fn = state.functions.get(name);
  if (fn === undefined) {
    const known = [...state.functions.keys()].join(', ') || 'none';
    throw new Error(`Simulation: unknown function "${name}"; the functions are: ${known}.`);
  }
  return fn;
}
