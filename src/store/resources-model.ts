/**
 * The scenario's resources as edited: SQS queues, SNS topics with their subscribed functions,
 * S3 buckets with their notifications, and EventBridge rules (an event pattern on the default
 * bus, or a schedule). A rule's schedule is kept as typed. A rule with an invalid schedule or
 * without a target stays out of the scenario until it is fixed.
 */
import type { S3NotificationEvent } from '../engine/model';
import { resourceNameSchema } from '../scenario/async-schema';
import { checkScheduleExpression } from '../scenario/schedule';
import type { ScenarioInput } from '../scenario/schema';

export interface QueueDraft {
  readonly name: string;
}

export interface TopicDraft {
  readonly name: string;
  /** Names of the subscribed functions. */
  readonly subscriptions: readonly string[];
}

export interface NotificationDraft {
  readonly events: readonly S3NotificationEvent[];
  readonly function: string;
}

export interface BucketDraft {
  readonly name: string;
  readonly notifications: readonly NotificationDraft[];
}

export interface RuleDraft {
  readonly name: string;
  readonly mode: 'pattern' | 'schedule';
  /** The schedule as typed, e.g. `rate(5 minutes)`. */
  readonly scheduleText: string;
  /** Accepted sources, comma-separated; empty matches any source. */
  readonly sourceText: string;
  /** Accepted detail-types, comma-separated; empty matches any. */
  readonly detailTypeText: string;
  readonly targets: readonly string[];
}

export interface ResourcesDraft {
  readonly queues: readonly QueueDraft[];
  readonly topics: readonly TopicDraft[];
  readonly buckets: readonly BucketDraft[];
  readonly rules: readonly RuleDraft[];
}

export type ResourceKind = 'queue' | 'topic' | 'bucket' | 'rule';

export const EMPTY_RESOURCES: ResourcesDraft = { queues: [], topics: [], buckets: [], rules: [] };

/** The S3 event types a notification is set to for a created and a removed object. */
export const OBJECT_CREATED: S3NotificationEvent = 'ObjectCreated:*';
export const OBJECT_REMOVED: S3NotificationEvent = 'ObjectRemoved:*';

const LISTS: Readonly<Record<ResourceKind, keyof ResourcesDraft>> = { queue: 'queues', topic: 'topics', bucket: 'buckets', rule: 'rules' };
const NOUNS: Readonly<Record<ResourceKind, string>> = { queue: 'queue', topic: 'topic', bucket: 'bucket', rule: 'rule' };

/** Checks a new resource's name: the schema's pattern, and unique among its kind. */
export function checkResourceName(resources: ResourcesDraft, kind: ResourceKind, name: string): string | undefined {
  const parsed = resourceNameSchema.safeParse(name.trim());
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'The name is invalid.';
  const list = resources[LISTS[kind]] as readonly { name: string }[];
  if (list.some((item) => item.name === parsed.data)) return `A ${NOUNS[kind]} named "${parsed.data}" exists already. Choose another name.`;
  return undefined;
}

/** Adds a resource with its defaults; the name must have passed `checkResourceName`. */
export function addResource(resources: ResourcesDraft, kind: ResourceKind, name: string, functionName?: string): ResourcesDraft {
  const trimmed = name.trim();
  const targets = functionName ? [functionName] : [];
  switch (kind) {
    case 'queue':
      return { ...resources, queues: [...resources.queues, { name: trimmed }] };
    case 'topic':
      return { ...resources, topics: [...resources.topics, { name: trimmed, subscriptions: targets }] };
    case 'bucket': {
      const notifications = functionName ? [{ events: [OBJECT_CREATED, OBJECT_REMOVED], function: functionName }] : [];
      return { ...resources, buckets: [...resources.buckets, { name: trimmed, notifications }] };
    }
    case 'rule':
      return {
        ...resources,
        rules: [
          ...resources.rules,
          { name: trimmed, mode: 'pattern', scheduleText: 'rate(5 minutes)', sourceText: 'com.example.orders', detailTypeText: '', targets },
        ],
      };
  }
}

export function removeResource(resources: ResourcesDraft, kind: ResourceKind, name: string): ResourcesDraft {
  const key = LISTS[kind];
  return { ...resources, [key]: (resources[key] as readonly { name: string }[]).filter((item) => item.name !== name) };
}

/** Replaces the named resource of a kind with `change` applied to it. */
export function updateResource<K extends ResourceKind>(
  resources: ResourcesDraft,
  kind: K,
  name: string,
  change: (item: ResourceOf<K>) => ResourceOf<K>,
): ResourcesDraft {
  const key = LISTS[kind];
  const list = resources[key] as readonly ResourceOf<K>[];
  return { ...resources, [key]: list.map((item) => (item.name === name ? change(item) : item)) };
}

export type ResourceOf<K extends ResourceKind> = K extends 'queue'
  ? QueueDraft
  : K extends 'topic'
    ? TopicDraft
    : K extends 'bucket'
      ? BucketDraft
      : RuleDraft;

/** Returns `list` with `item` added when absent, or removed when present. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Returns why a rule stays out of the scenario, or undefined when it takes part. */
export function ruleProblem(rule: RuleDraft, functionNames: ReadonlySet<string>): string | undefined {
  if (rule.mode === 'schedule') {
    const problem = checkScheduleExpression(rule.scheduleText.trim());
    if (problem !== undefined) return problem;
  }
  if (!rule.targets.some((name) => functionNames.has(name))) return `Rule "${rule.name}" has no target function. Tick at least one function.`;
  return undefined;
}

type ResourcesInput = Pick<ScenarioInput, 'queues' | 'topics' | 'buckets' | 'rules'>;

/**
 * Builds the resources as the scenario schema reads them. References to functions the workspace no
 * longer has are left out, and so are rules with a problem, so the scenario stays valid.
 */
export function resourcesInputOf(resources: ResourcesDraft, functionNames: ReadonlySet<string>): ResourcesInput {
  const known = (names: readonly string[]) => names.filter((name) => functionNames.has(name));
  return {
    queues: resources.queues.map((queue) => ({ name: queue.name })),
    topics: resources.topics.map((topic) => ({ name: topic.name, subscriptions: known(topic.subscriptions) })),
    buckets: resources.buckets.map((bucket) => ({
      name: bucket.name,
      notifications: bucket.notifications
        .filter((n) => functionNames.has(n.function) && n.events.length > 0)
        .map((n) => ({ events: [...n.events], function: n.function })),
    })),
    rules: resources.rules
      .filter((rule) => ruleProblem(rule, functionNames) === undefined)
      .map((rule) => {
        const targets = known(rule.targets);
        if (rule.mode === 'schedule') return { name: rule.name, schedule: rule.scheduleText.trim(), targets };
        const source = splitList(rule.sourceText);
        const detailType = splitList(rule.detailTypeText);
        return {
          name: rule.name,
          eventPattern: {
            ...(source.length > 0 ? { source } : {}),
            ...(detailType.length > 0 ? { 'detail-type': detailType } : {}),
          },
          targets,
        };
      }),
  };
}

/** Returns whether a target of this kind and name exists among the resources or the functions. */
export function targetExists(resources: ResourcesDraft, functionNames: ReadonlySet<string>, kind: string, name: string): boolean {
  switch (kind) {
    case 'sqs':
      return resources.queues.some((queue) => queue.name === name);
    case 'sns':
      return resources.topics.some((topic) => topic.name === name);
    case 'lambda':
      return functionNames.has(name);
    case 'eventbridge':
      return name === 'default';
    default:
      return false;
  }
}
