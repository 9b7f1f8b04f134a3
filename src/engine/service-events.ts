/**
 * Services that invoke functions asynchronously: an S3 bucket's event notifications, an SNS
 * topic's subscriptions, EventBridge rules that match an event or fire on a schedule, and a
 * function destination. Each produces the event shape the service sends (`event-shapes.ts`)
 * and one asynchronous event per function it invokes, each with its own request ID.
 */
import * as explain from './async-explain';
import { AsyncEvent, scheduleArrival } from './async-event';
import type { AsyncTrigger, DestinationCondition, InvocationRecord, MessageAttribute, ServiceKind } from './async-trace';
import type { EngineState } from './engine-state';
import type { Scheduled } from './event-queue';
import { eventBridgeEvent, s3Event, snsEvent, s3EventName } from './event-shapes';
import type { EventBridgeEventInput, RuleConfig, S3EventInput, ScheduledEventInput } from './model';
import type { FunctionState } from './records';

/** What happens at a service arrival. */
export type ServiceInput =
  | S3EventInput
  | ScheduledEventInput
  | EventBridgeEventInput
  | {
      readonly type: 'sns';
      readonly at: number;
      readonly topic: string;
      readonly message: string;
      readonly subject?: string;
      readonly source?: string;
      /** Message attributes, for a DLQ message published to a topic. */
      readonly attributes?: Readonly<Record<string, MessageAttribute>> | undefined;
    }
  /** A record sent to an event bus as a destination: the EventBridge event is already built. */
  | { readonly type: 'eventbridge-record'; readonly at: number; readonly eventBus: string; readonly envelope: Record<string, unknown> };

/** The asynchronous invocation that caused a service event, for a DLQ message or a record. */
interface Cause {
  readonly requestId: string;
  readonly functionName: string;
  readonly chainDepth: number;
}

/** A service event due at `time`; its own event queue entry. */
export class ServiceArrival implements Scheduled {
  time = 0;
  seq = 0;
  heapIndex = -1;

  constructor(
    readonly input: ServiceInput,
    /** S3 request ID, SNS message ID or EventBridge event ID. */
    readonly eventId: string,
    readonly cause: Cause | undefined,
  ) {}
}

/** What a failure target or destination passes on: a topic message, a function's record, an event bus event. */
export type Downstream =
  | { readonly kind: 'sns'; readonly topic: string; readonly message: string; readonly attributes: Readonly<Record<string, MessageAttribute>> | undefined }
  | { readonly kind: 'lambda'; readonly functionName: string; readonly record: InvocationRecord; readonly condition: DestinationCondition }
  | { readonly kind: 'eventbridge'; readonly eventBus: string; readonly envelope: Record<string, unknown> };

/** Schedules, at the current time, the events that a DLQ message or a destination record causes. */
export function scheduleDownstream(state: EngineState, from: AsyncEvent, downstream: Downstream): void {
  const cause: Cause = { requestId: from.requestId, functionName: from.fn.config.name, chainDepth: from.chainDepth };
  switch (downstream.kind) {
    case 'sns':
      schedule(state, new ServiceArrival(
        { type: 'sns', at: state.now, topic: downstream.topic, message: downstream.message, attributes: downstream.attributes, source: `sns:${downstream.topic}` },
        state.random.asyncIds.uuid(),
        cause,
      ));
      break;
    case 'eventbridge':
      schedule(state, new ServiceArrival(
        { type: 'eventbridge-record', at: state.now, eventBus: downstream.eventBus, envelope: downstream.envelope },
        String(downstream.envelope['id']),
        cause,
      ));
      break;
    case 'lambda': {
      const fn = state.functions.get(downstream.functionName);
      if (fn === undefined) return;
      const trigger: AsyncTrigger = {
        kind: 'destination',
        fromRequestId: from.requestId,
        fromFunction: from.fn.config.name,
        condition: downstream.condition,
      };
      const event = new AsyncEvent(state.random.asyncIds.uuid(), fn, downstream.record, `destination:${from.fn.config.name}`, trigger, from.chainDepth + 1);
      scheduleArrival(state, event, state.now);
      break;
    }
  }
}

/** Checks a submitted service input against the resources and schedules it; returns its event ID. */
export function submitServiceEvent(state: EngineState, input: ServiceInput): string {
  const { resources } = state;
  switch (input.type) {
    case 's3':
      if (!resources.buckets.has(input.bucket)) throw unknown('bucket', input.bucket, resources.buckets.keys());
      break;
    case 'sns':
      if (!resources.topics.has(input.topic)) throw unknown('topic', input.topic, resources.topics.keys());
      break;
    case 'eventbridge':
      if (!resources.eventBuses.has(input.eventBus ?? 'default')) throw unknown('event bus', input.eventBus ?? 'default', resources.eventBuses.keys());
      break;
    case 'schedule':
      if (!resources.rules.has(input.rule)) throw unknown('rule', input.rule, resources.rules.keys());
      break;
    default:
      break;
  }
  const arrival = new ServiceArrival(input, state.random.asyncIds.uuid(), undefined);
  arrival.time = input.at;
  state.queue.pushInOrder(arrival);
  return arrival.eventId;
}

function schedule(state: EngineState, arrival: ServiceArrival): void {
  arrival.time = state.now;
  state.queue.push(arrival);
}

function unknown(noun: string, name: string, known: Iterable<string>): Error {
  const names = [...known].join(', ') || 'none';
  return new Error(`Simulation.submit: unknown ${noun} "${name}"; the scenario's ${noun}s are: ${names}.`);
}

/** Processes a service event: builds its payload, records it, and queues an event for each function it invokes. */
export function processServiceArrival(state: EngineState, arrival: ServiceArrival): void {
  const { input } = arrival;
  const chainDepth = (arrival.cause?.chainDepth ?? 0) + 1;
  switch (input.type) {
    case 's3': {
      const bucket = state.resources.buckets.get(input.bucket)!;
      const eventName = s3EventName(input.operation);
      const targets = bucket.notifications.filter(
        (n) =>
          n.events.some((e) => e === eventName || e === `${eventName.split(':')[0]}:*`) &&
          input.key.startsWith(n.prefix ?? '') &&
          input.key.endsWith(n.suffix ?? ''),
      );
      const payload = s3Event(state, input, arrival.eventId);
      const arn = `arn:aws:s3:::${input.bucket}`;
      emit(state, arrival, 's3', input.bucket, arn, `${eventName} ${input.key}`, payload,
        targets.map((n) => ({ fn: n.function, event: payload, trigger: { kind: 's3', bucket: input.bucket, eventId: arrival.eventId } })),
        input.source ?? `s3:${input.bucket}`, chainDepth);
      break;
    }
    case 'sns': {
      const topic = state.resources.topics.get(input.topic)!;
      const arn = `arn:aws:sns:${state.settings.region}:${state.settings.accountId}:${input.topic}`;
      const message = snsEvent(state, arn, arrival.eventId, input.message, input.subject, input.attributes, undefined);
      emit(state, arrival, 'sns', input.topic, arn, input.subject ?? firstLine(input.message), message.Records[0]!.Sns,
        topic.subscriptions.map((name) => ({
          fn: name,
          event: snsEvent(state, arn, arrival.eventId, input.message, input.subject, input.attributes, name),
          trigger: { kind: 'sns', topic: input.topic, messageId: arrival.eventId },
        })),
        input.source ?? `sns:${input.topic}`, chainDepth);
      break;
    }
    case 'eventbridge': {
      const bus = input.eventBus ?? 'default';
      const envelope = eventBridgeEvent(state, arrival.eventId, input.source, input.detailType, [], input.detail);
      putEvent(state, arrival, bus, envelope, input.source, input.detailType, chainDepth);
      break;
    }
    case 'eventbridge-record': {
      const envelope = input.envelope;
      putEvent(state, arrival, input.eventBus, envelope, String(envelope['source']), String(envelope['detail-type']), chainDepth);
      break;
    }
    case 'schedule': {
      const rule = state.resources.rules.get(input.rule)!;
      const arn = ruleArn(state, rule);
      const payload = eventBridgeEvent(state, arrival.eventId, 'aws.events', 'Scheduled Event', [arn], {});
      emit(state, arrival, 'schedule', rule.name, arn, rule.schedule ?? 'Scheduled Event', payload,
        rule.targets.map((name) => ({ fn: name, event: payload, trigger: { kind: 'schedule', rule: rule.name, eventId: arrival.eventId } })),
        input.source ?? `schedule:${rule.name}`, chainDepth);
      break;
    }
  }
}

function putEvent(
  state: EngineState,
  arrival: ServiceArrival,
  bus: string,
  envelope: Record<string, unknown>,
  source: string,
  detailType: string,
  chainDepth: number,
): void {
  const rules = [...state.resources.rules.values()].filter(
    (rule) => (rule.eventBus ?? 'default') === bus && rule.pattern !== undefined && matches(rule, source, detailType),
  );
  const arn = `arn:aws:events:${state.settings.region}:${state.settings.accountId}:event-bus/${bus}`;
  const targets = rules.flatMap((rule) =>
    rule.targets.map((name) => ({ fn: name, event: envelope, trigger: { kind: 'eventbridge', eventBus: bus, rule: rule.name, eventId: arrival.eventId } as AsyncTrigger })),
  );
  emit(state, arrival, 'eventbridge', bus, arn, `${source} ${detailType}`, envelope, targets, `eventbridge:${bus}`, chainDepth, rules.map((rule) => rule.name));
}

function matches(rule: RuleConfig, source: string, detailType: string): boolean {
  const pattern = rule.pattern!;
  if (pattern.source !== undefined && !pattern.source.includes(source)) return false;
  if (pattern.detailType !== undefined && !pattern.detailType.includes(detailType)) return false;
  return true;
}

export function ruleArn(state: EngineState, rule: RuleConfig): string {
  const bus = rule.eventBus ?? 'default';
  const path = bus === 'default' ? rule.name : `${bus}/${rule.name}`;
  return `arn:aws:events:${state.settings.region}:${state.settings.accountId}:rule/${path}`;
}

interface Target {
  readonly fn: string;
  readonly event: unknown;
  readonly trigger: AsyncTrigger;
}

function emit(
  state: EngineState,
  arrival: ServiceArrival,
  service: ServiceKind,
  resource: string,
  resourceArn: string,
  label: string,
  payload: unknown,
  targets: readonly Target[],
  source: string,
  chainDepth: number,
  matchedRules?: readonly string[],
): void {
  const events: AsyncEvent[] = [];
  for (const target of targets) {
    const fn: FunctionState | undefined = state.functions.get(target.fn);
    if (fn === undefined) continue;
    events.push(new AsyncEvent(state.random.asyncIds.uuid(), fn, target.event, source, target.trigger, chainDepth));
  }
  const { cause } = arrival;
  state.trace.push({
    type: 'service-event',
    time: state.now,
    service,
    resource,
    resourceArn,
    eventId: arrival.eventId,
    label,
    payload,
    targets: events.map((event) => ({ functionName: event.fn.config.name, requestId: event.requestId })),
    ...(cause ? { causedBy: { requestId: cause.requestId, functionName: cause.functionName } } : {}),
    explanation: explain.serviceEvent(service, resource, events.map((event) => event.fn.config.name), matchedRules),
  });
  for (const event of events) scheduleArrival(state, event, state.now);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
