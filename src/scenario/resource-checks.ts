/**
 * Checks that span the scenario's resources: names are unique, and every dead-letter queue,
 * destination, subscription, notification, rule target and service traffic entry names a
 * resource the scenario defines. Each message names the missing resource and the ones there are.
 */
import type { AsyncConfigSpec, BucketSpec, RuleSpec, TopicSpec } from './async-schema';
import type { ScenarioTrafficEntry } from './traffic-schema';

export interface ResourceProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

interface ResourceScenario {
  readonly functions: readonly { readonly name: string; readonly async?: AsyncConfigSpec | undefined }[];
  readonly queues: readonly { readonly name: string }[];
  readonly topics: readonly TopicSpec[];
  readonly buckets: readonly BucketSpec[];
  readonly eventBuses: readonly { readonly name: string }[];
  readonly rules: readonly RuleSpec[];
  readonly traffic: readonly ScenarioTrafficEntry[];
}

const NOUNS = { sqs: 'queue', sns: 'topic', lambda: 'function', eventbridge: 'event bus' } as const;
const LISTS = { sqs: 'queues', sns: 'topics', lambda: 'functions', eventbridge: 'eventBuses' } as const;

export function resourceProblems(scenario: ResourceScenario): ResourceProblem[] {
  const problems: ResourceProblem[] = [];
  const names = {
    sqs: uniqueNames(scenario.queues, 'queues', 'Queue', problems),
    sns: uniqueNames(scenario.topics, 'topics', 'Topic', problems),
    lambda: new Set(scenario.functions.map((fn) => fn.name)),
    eventbridge: uniqueNames(scenario.eventBuses, 'eventBuses', 'Event bus', problems),
  };
  names.eventbridge.add('default');
  const buckets = uniqueNames(scenario.buckets, 'buckets', 'Bucket', problems);
  uniqueNames(scenario.rules, 'rules', 'Rule', problems);

  const missing = (kind: keyof typeof NOUNS, name: string, path: ResourceProblem['path'], role: string) => {
    if (names[kind].has(name)) return;
    const known = [...names[kind]];
    const list = known.length === 0 ? `The scenario defines no ${NOUNS[kind]}s; add one to ${LISTS[kind]}.` : `Use one of: ${known.join(', ')}.`;
    problems.push({ path, message: `${role} names ${NOUNS[kind]} "${name}", which the scenario does not define. ${list}` });
  };

  scenario.functions.forEach((fn, index) => {
    const config = fn.async;
    if (config === undefined) return;
    const at = ['functions', index, 'async'];
    if (config.deadLetterQueue) missing(config.deadLetterQueue.type, config.deadLetterQueue.name, [...at, 'deadLetterQueue', 'name'], `The dead-letter queue of "${fn.name}"`);
    if (config.onSuccess) missing(config.onSuccess.type, config.onSuccess.name, [...at, 'onSuccess', 'name'], `The on-success destination of "${fn.name}"`);
    if (config.onFailure) missing(config.onFailure.type, config.onFailure.name, [...at, 'onFailure', 'name'], `The on-failure destination of "${fn.name}"`);
  });
  scenario.topics.forEach((topic, index) =>
    topic.subscriptions.forEach((name, i) => missing('lambda', name, ['topics', index, 'subscriptions', i], `A subscription of topic "${topic.name}"`)),
  );
  scenario.buckets.forEach((bucket, index) =>
    bucket.notifications.forEach((notification, i) =>
      missing('lambda', notification.function, ['buckets', index, 'notifications', i, 'function'], `A notification of bucket "${bucket.name}"`),
    ),
  );
  scenario.rules.forEach((rule, index) => {
    missing('eventbridge', rule.eventBus, ['rules', index, 'eventBus'], `Rule "${rule.name}"`);
    rule.targets.forEach((name, i) => missing('lambda', name, ['rules', index, 'targets', i], `A target of rule "${rule.name}"`));
  });
  scenario.traffic.forEach((entry, index) => {
    if (entry.type === 'sns') missing('sns', entry.topic, ['traffic', index, 'topic'], `Traffic entry ${index}`);
    if (entry.type === 'eventbridge') missing('eventbridge', entry.eventBus, ['traffic', index, 'eventBus'], `Traffic entry ${index}`);
    if (entry.type === 's3' && !buckets.has(entry.bucket)) {
      const known = [...buckets];
      const list = known.length === 0 ? 'The scenario defines no buckets; add one to buckets.' : `Use one of: ${known.join(', ')}.`;
      problems.push({ path: ['traffic', index, 'bucket'], message: `Traffic entry ${index} names bucket "${entry.bucket}", which the scenario does not define. ${list}` });
    }
  });
  return problems;
}

function uniqueNames(
  resources: readonly { readonly name: string }[],
  list: string,
  noun: string,
  problems: ResourceProblem[],
): Set<string> {
  const names = new Set<string>();
  resources.forEach((resource, index) => {
    if (names.has(resource.name)) {
      problems.push({ path: [list, index, 'name'], message: `${noun} name "${resource.name}" is used twice. Give each one its own name.` });
    }
    names.add(resource.name);
  });
  return names;
}
