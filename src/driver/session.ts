/**
 * A playground session: one live run of a scenario in the browser. It owns the simulation
 * and the executor, advances the simulation as the playhead moves, and sends the requests a
 * person triggers. The store talks to the driver through this interface only.
 */
import type { Invoker, TracePrefix } from '../engine/trace';
import type { Scenario, ScenarioTrafficEntry } from '../scenario/schema';

/** A request a person sent during the run, at the simulated time it was actually sent. */
export interface SentRequest {
  readonly at: number;
  readonly functionName: string;
  readonly event: unknown;
  readonly source: string;
  /** Identical requests sent at the same moment (`submit` called with the same event object). */
  readonly count: number;
  /** How the requests reached Lambda; `direct` when absent. */
  readonly invoker?: Invoker;
  /**
   * The traffic entry `submitTraffic` sent, with `at` set to the time it started; the scenario's
   * traffic records it as it is. `count` is then the number of requests it sent.
   */
  readonly entry?: ScenarioTrafficEntry;
}

export interface SessionSnapshot {
  /**
   * The trace so far, as a prefix of the run's growing trace, which later events leave as it
   * is. `version` changes whenever the trace grows.
   */
  readonly trace: TracePrefix;
  readonly version: number;
  /** Simulated time up to which events have been processed, in ms. */
  readonly now: number;
  /** Simulated time of the next scheduled event, or undefined when nothing is scheduled. */
  readonly nextEventTime: number | undefined;
  /** Whether handler code is running right now (a step is waiting for the executor). */
  readonly executing: boolean;
  /** The last failure of the sandbox itself (not a handler error), for the page to show. */
  readonly error: string | undefined;
  /** Whether `load` has started a run. */
  readonly loaded: boolean;
  /** The requests sent through `submit` and `submitSequential` so far, to record into the scenario's traffic. */
  readonly sent: readonly SentRequest[];
  /** Sequential requests whose response has not come yet, the one in flight included. */
  readonly pendingSequential: number;
}

export interface PlaygroundSession {
  /** Starts a fresh run of `scenario`: clears the trace and schedules its scripted traffic. */
  load(scenario: Scenario): void;
  /** Sends a synchronous request at simulated time `at` (not before the processed time). */
  submit(functionName: string, event: unknown, at: number, source?: string): void;
  /**
   * Sends a synchronous request as a client that waits for each response: at `notBefore`,
   * or when the previous sequential request has returned, whichever is later.
   */
  submitSequential(functionName: string, event: unknown, notBefore: number, source?: string): void;
  /**
   * Sends the requests of a traffic entry (requests at once, a load pattern, or an S3, SNS or
   * EventBridge event) from `entry.at`, or from the processed time when that is later, and
   * records the entry as one sent request.
   */
  submitTraffic(entry: ScenarioTrafficEntry): void;
  /** Processes every event up to simulated time `time`, running handler code as needed. */
  advanceTo(time: number): Promise<void>;
  snapshot(): SessionSnapshot;
  /** Calls `listener` after every change to the snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Stops the workers. */
  dispose(): void;
}

export { createPlaygroundSession, type SessionOptions } from './live-session';
