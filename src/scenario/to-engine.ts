/** Converts a validated scenario into the engine's input. */
import type { FunctionConfig, SimulationSettings, SyncRequestInput } from '../engine/model';
import type { FunctionSpec, Scenario } from './schema';

export function toFunctionConfig(fn: FunctionSpec): FunctionConfig {
  return {
    name: fn.name,
    runtime: fn.runtime,
    architecture: fn.architecture,
    handler: fn.handler,
    code: fn.code,
    memoryMb: fn.memoryMb,
    timeoutMs: fn.timeoutSeconds * 1000,
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
  };
}

/** Expands the scripted traffic into one request each, in time order (stable for equal times). */
export function toSyncRequests(scenario: Scenario): SyncRequestInput[] {
  const requests: SyncRequestInput[] = [];
  for (const request of scenario.traffic) {
    for (let i = 0; i < request.count; i++) {
      requests.push({
        at: request.at,
        functionName: request.function,
        event: request.event,
        source: request.source ?? 'scenario',
      });
    }
  }
  return requests.sort((a, b) => a.at - b.at);
}
