/** Converts a validated scenario into the engine's input. */
import { accountBurstFor } from '../engine/limits';
import type { AccountSettings, FunctionConfig, SimulationSettings, SyncRequestInput } from '../engine/model';
import type { FunctionSpec, Scenario } from './schema';
import { expandTrafficEntry } from './traffic';

export function toFunctionConfig(fn: FunctionSpec): FunctionConfig {
  return {
    name: fn.name,
    runtime: fn.runtime,
    architecture: fn.architecture,
    handler: fn.handler,
    code: fn.code,
    memoryMb: fn.memoryMb,
    timeoutMs: fn.timeoutSeconds * 1000,
    reservedConcurrency: fn.reservedConcurrency,
    provisionedConcurrency: fn.provisionedConcurrency,
  };
}

/** Returns the account settings of a scenario; the older model's burst defaults to the Region's. */
export function accountOf(scenario: Pick<Scenario, 'settings'>): AccountSettings {
  const { account, region } = scenario.settings;
  return {
    concurrencyLimit: account.concurrencyLimit,
    unreservedMinimum: account.unreservedMinimum,
    scaling:
      account.scaling === 'per-function'
        ? { kind: 'per-function' }
        : { kind: 'account-burst', burst: account.burstConcurrency ?? accountBurstFor(region) },
  };
}

export function toSimulationSettings(scenario: Scenario): SimulationSettings {
  return {
    seed: scenario.seed,
    epochMs: Date.parse(scenario.startTime),
    region: scenario.settings.region,
    accountId: scenario.settings.accountId,
    idleReclaimMs: {
      min: scenario.settings.idleReclaimMinutes.min * 60_000,
      max: scenario.settings.idleReclaimMinutes.max * 60_000,
    },
    initBilled: scenario.settings.initBilled,
    account: accountOf(scenario),
    provisionedAllocationMs: scenario.settings.provisionedAllocationSeconds * 1000,
  };
}

/**
 * Expands the traffic into one request each, in time order. Requests at the same time keep
 * the order of their entries in the file, then the order within the entry.
 */
export function toSyncRequests(scenario: Scenario): SyncRequestInput[] {
  const requests: SyncRequestInput[] = [];
  for (const entry of scenario.traffic) {
    for (const request of expandTrafficEntry(entry)) requests.push(request);
  }
  return requests.sort((a, b) => a.at - b.at);
}
