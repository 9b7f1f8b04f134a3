/** The engine's input: the functions it simulates and the settings of the run. */
import type { Architecture, RuntimeId } from './runtimes';
import type { Invoker } from './trace';

export interface FunctionConfig {
  readonly name: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  /** `file.export`; the playground's code is always `index.mjs`, so `index.handler` by default. */
  readonly handler: string;
  readonly code: string;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  /**
   * Reserved concurrency: both the most environments the function may have busy (or
   * provisioned) at once and a share of the account limit no other function can use.
   * 0 throttles every request. Undefined: the function uses the unreserved pool.
   */
  readonly reservedConcurrency?: number | undefined;
  /** Environments Lambda keeps initialised for the function, never reclaimed for idling (default 0). */
  readonly provisionedConcurrency?: number | undefined;
}

/**
 * How fast Lambda may add environments. `per-function` is the rule since 26 November 2023:
 * each function may add 1,000 environments per 10 seconds, refilled continuously.
 * `account-burst` is the rule before it: the functions of an account share an initial burst
 * of 500, 1,000 or 3,000 environments (by Region), refilled at 500 a minute.
 */
export type ScalingModel =
  | { readonly kind: 'per-function' }
  | { readonly kind: 'account-burst'; readonly burst: number };

export interface AccountSettings {
  /** Concurrent executions quota of the account in the Region (default 1,000). */
  readonly concurrencyLimit: number;
  /**
   * Concurrency that reserved concurrency must leave to the functions without it. AWS
   * reports the account's own value in its error message, for example 100, 50 or 10.
   */
  readonly unreservedMinimum: number;
  readonly scaling: ScalingModel;
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
  /** Concurrency limits and scaling; `DEFAULT_ACCOUNT_SETTINGS` when absent. */
  readonly account?: AccountSettings | undefined;
  /**
   * Time from enabling provisioned concurrency (the start of the run, or the update that
   * sets it) until its environments are placed and start INIT, in ms
   * (default `PROVISIONED_ALLOCATION_MS`).
   */
  readonly provisionedAllocationMs?: number | undefined;
}

/** A request to invoke a function synchronously (`RequestResponse`), at a simulated time. */
export interface SyncRequestInput {
  readonly at: number;
  readonly functionName: string;
  readonly event: unknown;
  /** Where the request came from, shown in the inspector. */
  readonly source?: string;
  /** How it reached Lambda (default `direct`); it decides what a throttled caller sees. */
  readonly invoker?: Invoker;
}
