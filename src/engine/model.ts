/** The engine's input: the functions it simulates and the settings of the run. */
import type { Architecture, RuntimeId } from './runtimes';

export interface FunctionConfig {
  readonly name: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  /** `file.export`; the playground's code is always `index.mjs`, so `index.handler` by default. */
  readonly handler: string;
  readonly code: string;
  readonly memoryMb: number;
  readonly timeoutMs: number;
}

export interface SimulationSettings {
  readonly seed: number;
  /** Wall-clock epoch (ms since 1970) of simulated time 0, used for timestamps and `Date`. */
  readonly epochMs: number;
  readonly region: string;
  readonly accountId: string;
  /** Idle lifetime of an environment before reclaim, sampled uniformly from this range, in ms. */
  readonly idleReclaimMs: { readonly min: number; readonly max: number };
  /** Whether INIT counts in Billed Duration: true since 1 August 2025 (the default). */
  readonly initBilled: boolean;
}

/** A request to invoke a function synchronously (`RequestResponse`), at a simulated time. */
export interface SyncRequestInput {
  readonly at: number;
  readonly functionName: string;
  readonly event: unknown;
  /** Where the request came from, shown in the inspector. */
  readonly source?: string;
}
