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
  /** Asynchronous invocation settings; AWS's defaults when absent. */
  readonly async?: AsyncInvokeConfig | undefined;
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
  /** Queues, topics, buckets, event buses and rules around the functions; none when absent. */
  readonly resources?: SimulationResources | undefined;
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

/**
 * Where Lambda sends the record or the event of an asynchronous invocation: an SQS queue,
 * an SNS topic, another function or an EventBridge event bus of the scenario, by name.
 */
export type TargetKind = 'sqs' | 'sns' | 'lambda' | 'eventbridge';

export interface TargetConfig {
  readonly kind: TargetKind;
  /** Name of the queue, topic, function or event bus. */
  readonly name: string;
}

/** A dead-letter queue is an SQS queue or an SNS topic. */
export interface DeadLetterConfig extends TargetConfig {
  readonly kind: 'sqs' | 'sns';
}

/**
 * A function's asynchronous invocation settings (`PutFunctionEventInvokeConfig` and the
 * function's `DeadLetterConfig`). Every field is optional; absent fields take AWS's defaults.
 */
export interface AsyncInvokeConfig {
  /** Retries after a function error or timeout, 0 to 2 (default 2). Throttles do not use them. */
  readonly maximumRetryAttempts?: number | undefined;
  /** How long Lambda keeps an event, 60,000 to 21,600,000 ms (default 6 hours). */
  readonly maximumEventAgeMs?: number | undefined;
  /** Receives the original event when it fails every attempt or expires. */
  readonly deadLetter?: DeadLetterConfig | undefined;
  /** Receives an invocation record when an attempt succeeds. */
  readonly onSuccess?: TargetConfig | undefined;
  /** Receives an invocation record when the event fails every attempt or expires. */
  readonly onFailure?: TargetConfig | undefined;
}

/** An SQS queue; here only a place that collects DLQ messages and destination records. */
export interface QueueConfig {
  readonly name: string;
}

/** An SNS topic: a message published to it invokes each subscribed function asynchronously. */
export interface TopicConfig {
  readonly name: string;
  /** Names of the subscribed functions. */
  readonly subscriptions: readonly string[];
}

/** S3 event types a bucket notification can name (`s3:` prefix left out). */
export type S3NotificationEvent =
  | 'ObjectCreated:*'
  | 'ObjectCreated:Put'
  | 'ObjectRemoved:*'
  | 'ObjectRemoved:Delete';

/** One notification configuration of a bucket: which events invoke which function. */
export interface BucketNotificationConfig {
  readonly events: readonly S3NotificationEvent[];
  readonly function: string;
  /** Only keys that start with this prefix (default: every key). */
  readonly prefix?: string | undefined;
  /** Only keys that end with this suffix (default: every key). */
  readonly suffix?: string | undefined;
}

export interface BucketConfig {
  readonly name: string;
  readonly notifications: readonly BucketNotificationConfig[];
}

export interface EventBusConfig {
  readonly name: string;
}

/**
 * An EventBridge rule. A rule with `pattern` matches events put on its bus by `source` and
 * `detail-type` (each a list of accepted values; an absent field matches anything). A rule
 * with a schedule fires at the times the scenario submits for it (`ScheduledEventInput`),
 * because the engine does not read cron expressions itself.
 */
export interface RuleConfig {
  readonly name: string;
  /** The event bus; `default` when absent. A scheduled rule is always on the default bus. */
  readonly eventBus?: string | undefined;
  readonly pattern?: { readonly source?: readonly string[]; readonly detailType?: readonly string[] } | undefined;
  /** `rate(...)` or `cron(...)`, kept for the trace and the inspector. */
  readonly schedule?: string | undefined;
  /** Names of the functions the rule invokes. */
  readonly targets: readonly string[];
}

/** The resources around the functions: queues, topics, buckets, event buses and rules. */
export interface SimulationResources {
  readonly queues?: readonly QueueConfig[] | undefined;
  readonly topics?: readonly TopicConfig[] | undefined;
  readonly buckets?: readonly BucketConfig[] | undefined;
  readonly eventBuses?: readonly EventBusConfig[] | undefined;
  readonly rules?: readonly RuleConfig[] | undefined;
}

/** An asynchronous invocation (`InvocationType: Event`): Lambda queues the event and answers 202 at once. */
export interface AsyncRequestInput {
  readonly type: 'async';
  readonly at: number;
  readonly functionName: string;
  readonly event: unknown;
  readonly source?: string;
}

/** An object put into or deleted from a bucket, which notifies the functions its configuration names. */
export interface S3EventInput {
  readonly type: 's3';
  readonly at: number;
  readonly bucket: string;
  readonly operation: 'put' | 'delete';
  readonly key: string;
  /** Object size in bytes (0 for a delete). */
  readonly size?: number;
  /** Where the operation came from, shown in the inspector. */
  readonly source?: string;
}

/** A message published to an SNS topic. */
export interface SnsPublishInput {
  readonly type: 'sns';
  readonly at: number;
  readonly topic: string;
  readonly message: string;
  readonly subject?: string;
  /** Where the message came from, shown in the inspector. */
  readonly source?: string;
}

/** An event put on an EventBridge bus (`PutEvents`). */
export interface EventBridgeEventInput {
  readonly type: 'eventbridge';
  readonly at: number;
  /** `default` when absent. */
  readonly eventBus?: string;
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
}

/** One firing of a scheduled rule, at a time the scenario computed from its expression. */
export interface ScheduledEventInput {
  readonly type: 'schedule';
  readonly at: number;
  readonly rule: string;
  readonly source?: string;
}

/** A request that Lambda queues instead of running while the caller waits. */
export type QueuedRequestInput = AsyncRequestInput | S3EventInput | SnsPublishInput | EventBridgeEventInput | ScheduledEventInput;

/** Anything `Simulation.submit` accepts. A request without `type` is synchronous. */
export type RequestInput =
  | (SyncRequestInput & { readonly type?: 'sync' })
  | AsyncRequestInput
  | S3EventInput
  | SnsPublishInput
  | EventBridgeEventInput
  | ScheduledEventInput;
