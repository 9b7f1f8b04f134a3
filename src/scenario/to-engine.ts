/** Converts a validated scenario into the engine's input. */
import { accountBurstFor } from '../engine/limits';
import type {
  AccountSettings,
  AsyncInvokeConfig,
  FunctionConfig,
  RequestInput,
  SimulationResources,
  SimulationSettings,
} from '../engine/model';
import { MAX_SCHEDULE_FIRINGS, type AsyncConfigSpec } from './async-schema';
import type { FunctionSpec, Scenario } from './schema';
import { scheduleFireTimes } from './schedule';
import { drain, mergeRuns, type RequestStream } from './request-stream';
import { trafficRuns } from './traffic';

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
    ...(fn.async ? { async: toAsyncConfig(fn.async) } : {}),
  };
}

function toAsyncConfig(spec: AsyncConfigSpec): AsyncInvokeConfig {
  return {
    maximumRetryAttempts: spec.maximumRetryAttempts,
    maximumEventAgeMs: spec.maximumEventAgeSeconds * 1000,
    deadLetter: spec.deadLetterQueue ? { kind: spec.deadLetterQueue.type, name: spec.deadLetterQueue.name } : undefined,
    onSuccess: spec.onSuccess ? { kind: spec.onSuccess.type, name: spec.onSuccess.name } : undefined,
    onFailure: spec.onFailure ? { kind: spec.onFailure.type, name: spec.onFailure.name } : undefined,
  };
}

/** The queues, topics, buckets, event buses and rules of a scenario, for the engine. */
export function toSimulationResources(scenario: Scenario): SimulationResources {
  return {
    queues: scenario.queues.map((queue) => ({ name: queue.name })),
    topics: scenario.topics.map((topic) => ({ name: topic.name, subscriptions: topic.subscriptions })),
    buckets: scenario.buckets.map((bucket) => ({
      name: bucket.name,
      notifications: bucket.notifications.map((n) => ({ events: n.events, function: n.function, prefix: n.prefix, suffix: n.suffix })),
    })),
    eventBuses: scenario.eventBuses.map((bus) => ({ name: bus.name })),
    rules: scenario.rules.map((rule) => ({
      name: rule.name,
      eventBus: rule.eventBus,
      pattern: rule.eventPattern ? { source: rule.eventPattern.source, detailType: rule.eventPattern['detail-type'] } : undefined,
      schedule: rule.schedule,
      targets: rule.targets,
    })),
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
    resources: toSimulationResources(scenario),
  };
}

/**
 * Expands the traffic into one request each, and each scheduled rule into its firings, in
 * time order. Requests at the same time keep the order of their entries in the file, then
 * the order within the entry; firings at the same time come after them, in rule order.
 */
export function toRequests(scenario: Scenario): RequestInput[] {
  return drain(scenarioRequestStream(scenario));
}

/** Returns the requests of `toRequests` as a stream, each made only when it is taken. */
export function scenarioRequestStream(scenario: Scenario): RequestStream {
  const runs = scenario.traffic.flatMap(trafficRuns);
  const epochMs = Date.parse(scenario.startTime);
  for (const rule of scenario.rules) {
    if (rule.schedule === undefined) continue;
    const times = scheduleFireTimes(rule.schedule, epochMs, rule.scheduleUntilMs, MAX_SCHEDULE_FIRINGS);
    runs.push({ count: times.length, timeAt: (i) => times[i]!, make: (at) => ({ type: 'schedule', at, rule: rule.name }) });
  }
  return mergeRuns(runs);
}
