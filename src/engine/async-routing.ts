/**
 * Where an asynchronous event ends. Success sends an invocation record to the on-success
 * destination, if there is one. Failure (retries exhausted, maximum age reached, or reserved
 * concurrency 0) sends a record to the on-failure destination and the original event to the
 * dead-letter queue, each that is configured; with neither, Lambda drops the event. A record
 * or message for a topic, a function or an event bus goes on from there as a new event.
 */
import { DLQ_ERROR_MESSAGE_BYTES } from './async-limits';
import * as explain from './async-explain';
import type { AsyncEvent } from './async-event';
import type { AsyncOutcome, DeadLetterMessage, DestinationCondition, InvocationRecord, TargetRef } from './async-trace';
import type { EngineState } from './engine-state';
import type { TargetConfig } from './model';
import * as logs from './platform-logs';
import { scheduleDownstream } from './service-events';

/** Records the success of an event and sends its record to the on-success destination. */
export function routeSuccess(state: EngineState, event: AsyncEvent, responseJson: string | undefined): void {
  const destination = event.fn.config.async?.onSuccess;
  const routed: TargetRef[] = [];
  if (destination !== undefined) {
    const record = invocationRecord(state, event, 'Success', {
      statusCode: 200,
      functionError: undefined,
      payload: responseJson === undefined ? null : (JSON.parse(responseJson) as unknown),
    });
    routed.push(deliverRecord(state, event, destination, 'Success', record));
  }
  done(state, event, 'success', routed);
}

/** Sends a failed or expired event to its failure targets, or drops it when it has none. */
export function routeFailure(state: EngineState, event: AsyncEvent, condition: Exclude<DestinationCondition, 'Success'>, outcome: AsyncOutcome): void {
  const config = event.fn.config.async;
  const failure = event.lastFailure!;
  const name = event.fn.config.name;
  const routed: TargetRef[] = [];
  if (config?.onFailure !== undefined) {
    const record = invocationRecord(state, event, condition, failure);
    routed.push(deliverRecord(state, event, config.onFailure, condition, record));
  }
  if (config?.deadLetter !== undefined) {
    const target = targetRef(state, config.deadLetter);
    const message = deadLetterMessage(event);
    state.trace.push({
      type: 'dlq-message',
      time: state.now,
      requestId: event.requestId,
      functionName: name,
      target,
      message,
      explanation: explain.deadLetter(name, target, outcome, config.onFailure !== undefined),
    });
    if (target.kind === 'sns') {
      scheduleDownstream(state, event, { kind: 'sns', topic: target.name, message: message.body, attributes: message.messageAttributes });
    }
    routed.push(target);
  }
  if (routed.length === 0) {
    state.trace.push({
      type: 'async-dropped',
      time: state.now,
      requestId: event.requestId,
      functionName: name,
      reason: 'no-failure-target',
      event: event.event,
      explanation: explain.dropped(name, outcome),
    });
  }
  done(state, event, outcome, routed);
}

function done(state: EngineState, event: AsyncEvent, outcome: AsyncOutcome, routedTo: readonly TargetRef[]): void {
  state.trace.push({
    type: 'async-done',
    time: state.now,
    requestId: event.requestId,
    functionName: event.fn.config.name,
    outcome,
    attempts: event.attempts,
    routedTo,
    queueDepth: event.fn.asyncQueue.depth,
  });
}

function deliverRecord(
  state: EngineState,
  event: AsyncEvent,
  destination: TargetConfig,
  condition: DestinationCondition,
  record: InvocationRecord,
): TargetRef {
  const target = targetRef(state, destination);
  let delivered: unknown = record;
  if (target.kind === 'eventbridge') {
    delivered = {
      version: '0',
      id: state.random.asyncIds.uuid(),
      'detail-type': `Lambda Function Invocation Result - ${condition === 'Success' ? 'Success' : 'Failure'}`,
      source: 'lambda',
      account: state.settings.accountId,
      time: logs.isoTime(state.settings.epochMs, state.now).replace(/\.\d{3}Z$/, 'Z'),
      region: state.settings.region,
      resources: [event.fn.functionArn, target.arn],
      detail: record,
    };
  }
  state.trace.push({
    type: 'destination-delivered',
    time: state.now,
    requestId: event.requestId,
    functionName: event.fn.config.name,
    target,
    condition,
    record,
    delivered,
    explanation: explain.destination(event.fn.config.name, target, condition),
  });
  switch (target.kind) {
    case 'sns':
      scheduleDownstream(state, event, { kind: 'sns', topic: target.name, message: JSON.stringify(record), attributes: undefined });
      break;
    case 'lambda':
      scheduleDownstream(state, event, { kind: 'lambda', functionName: target.name, record, condition });
      break;
    case 'eventbridge':
      scheduleDownstream(state, event, { kind: 'eventbridge', eventBus: target.name, envelope: delivered as Record<string, unknown> });
      break;
    case 'sqs':
      break;
  }
  return target;
}

function invocationRecord(
  state: EngineState,
  event: AsyncEvent,
  condition: DestinationCondition,
  response: { readonly statusCode: number; readonly functionError: 'Unhandled' | undefined; readonly payload: unknown },
): InvocationRecord {
  const responseContext =
    response.functionError === undefined
      ? { statusCode: response.statusCode, executedVersion: '$LATEST' as const }
      : { statusCode: response.statusCode, executedVersion: '$LATEST' as const, functionError: response.functionError };
  const record = {
    version: '1.0' as const,
    timestamp: logs.isoTime(state.settings.epochMs, state.now),
    requestContext: {
      requestId: event.requestId,
      functionArn: `${event.fn.functionArn}:$LATEST`,
      condition,
      approximateInvokeCount: event.attempts,
    },
    requestPayload: event.event,
    responseContext,
  };
  // NOTE: AWS documents no record for an event that never ran (throttled until it expired, or
  // reserved concurrency 0); the playground leaves out `responsePayload` and reports status 429.
  return response.payload === undefined ? record : { ...record, responsePayload: response.payload };
}

/**
 * The original event with Lambda's three attributes.
 * NOTE: AWS documents `ErrorCode` only as a 3-digit HTTP code. The playground writes 200 after
 * a function error (Lambda invoked the function, which failed) and 429 when the event never
 * ran because of throttles or reserved concurrency 0.
 */
function deadLetterMessage(event: AsyncEvent): DeadLetterMessage {
  const failure = event.lastFailure!;
  return {
    body: JSON.stringify(event.event === undefined ? null : event.event),
    messageAttributes: {
      RequestID: { DataType: 'String', StringValue: event.requestId },
      ErrorCode: { DataType: 'Number', StringValue: String(failure.statusCode) },
      ErrorMessage: { DataType: 'String', StringValue: firstBytes(failure.errorMessage, DLQ_ERROR_MESSAGE_BYTES) },
    },
  };
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `limit` bytes. */
export function firstBytes(text: string, limit: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > limit) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The ARN-carrying reference to a queue, topic, function or event bus. */
export function targetRef(state: EngineState, target: TargetConfig): TargetRef {
  const { region, accountId } = state.settings;
  switch (target.kind) {
    case 'sqs':
      return { kind: 'sqs', name: target.name, arn: `arn:aws:sqs:${region}:${accountId}:${target.name}` };
    case 'sns':
      return { kind: 'sns', name: target.name, arn: `arn:aws:sns:${region}:${accountId}:${target.name}` };
    case 'lambda':
      return { kind: 'lambda', name: target.name, arn: logs.functionArn(region, accountId, target.name) };
    case 'eventbridge':
      return { kind: 'eventbridge', name: target.name, arn: `arn:aws:events:${region}:${accountId}:event-bus/${target.name}` };
  }
}
