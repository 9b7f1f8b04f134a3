/**
 * Restoring the saved asynchronous settings and resources. Like the rest of the saved
 * workspace, a part that does not match the current shape falls back to its default.
 */
import { ASYNC_FIELDS, DEFAULT_ASYNC, checkAsyncField, type AsyncDraft, type TargetChoice } from './async-model';
import { EMPTY_RESOURCES, type ResourcesDraft } from './resources-model';

const TARGET_KINDS = ['sqs', 'sns', 'lambda', 'eventbridge'];
const S3_EVENTS = ['ObjectCreated:*', 'ObjectCreated:Put', 'ObjectRemoved:*', 'ObjectRemoved:Delete'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isString) : []);
const named = (value: unknown): value is Record<string, unknown> & { name: string } => isRecord(value) && isString(value.name);

function restoreTarget(saved: unknown, kinds: readonly string[]): TargetChoice | undefined {
  if (!isRecord(saved) || !isString(saved.name) || !kinds.includes(saved.kind as string)) return undefined;
  return { kind: saved.kind as TargetChoice['kind'], name: saved.name };
}

export function restoreAsync(saved: unknown): AsyncDraft | undefined {
  if (!isRecord(saved)) return undefined;
  const savedText = isRecord(saved.fieldText) ? saved.fieldText : {};
  const savedValid = isRecord(saved.validSettings) ? saved.validSettings : {};
  const fieldText = { ...DEFAULT_ASYNC.fieldText };
  const validSettings = { ...DEFAULT_ASYNC.validSettings };
  for (const field of ASYNC_FIELDS) {
    if (isString(savedText[field])) fieldText[field] = savedText[field];
    const value = savedValid[field];
    if (typeof value === 'number' && checkAsyncField(field, String(value)).ok) validSettings[field] = value;
  }
  return {
    fieldText,
    validSettings,
    deadLetterQueue: restoreTarget(saved.deadLetterQueue, ['sqs', 'sns']) as AsyncDraft['deadLetterQueue'],
    onSuccess: restoreTarget(saved.onSuccess, TARGET_KINDS),
    onFailure: restoreTarget(saved.onFailure, TARGET_KINDS),
  };
}

export function restoreResources(saved: unknown): ResourcesDraft | undefined {
  if (!isRecord(saved)) return undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(named) : []);
  return {
    ...EMPTY_RESOURCES,
    queues: list(saved.queues).map((queue) => ({ name: queue.name })),
    topics: list(saved.topics).map((topic) => ({ name: topic.name, subscriptions: strings(topic.subscriptions) })),
    buckets: list(saved.buckets).map((bucket) => ({
      name: bucket.name,
      notifications: (Array.isArray(bucket.notifications) ? bucket.notifications : [])
        .filter((n): n is Record<string, unknown> => isRecord(n) && isString(n.function))
        .map((n) => ({
          function: n.function as string,
          events: strings(n.events).filter((event) => S3_EVENTS.includes(event)) as ResourcesDraft['buckets'][number]['notifications'][number]['events'],
        })),
    })),
    rules: list(saved.rules).map((rule) => ({
      name: rule.name,
      mode: rule.mode === 'schedule' ? 'schedule' : 'pattern',
      scheduleText: isString(rule.scheduleText) ? rule.scheduleText : 'rate(5 minutes)',
      sourceText: isString(rule.sourceText) ? rule.sourceText : '',
      detailTypeText: isString(rule.detailTypeText) ? rule.detailTypeText : '',
      targets: strings(rule.targets),
    })),
  };
}
