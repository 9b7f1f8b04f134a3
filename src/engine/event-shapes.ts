/**
 * The events services send to Lambda, in the shapes AWS documents (and `@types/aws-lambda`
 * types; a test in src/scenario checks them against those types): S3 notification `Records`,
 * SNS `Records` with `Sns.Message`, and EventBridge events, scheduled ones included. IDs come
 * from the run's seeded source, so the same scenario gives the same events.
 */
import type { MessageAttribute } from './async-trace';
import type { EngineState } from './engine-state';
import type { S3EventInput } from './model';
import * as logs from './platform-logs';

export function s3EventName(operation: S3EventInput['operation']): 'ObjectCreated:Put' | 'ObjectRemoved:Delete' {
  return operation === 'put' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete';
}

/** Object keys in S3 events are URL-encoded, with `+` for a space. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

function hex(state: EngineState, digits: number): string {
  let text = '';
  while (text.length < digits) text += state.random.asyncIds.nextUint32().toString(16).padStart(8, '0');
  return text.slice(0, digits);
}

/**
 * An S3 event notification (event version 2.1). A delete has no size or ETag.
 * NOTE: the newest S3 docs show event version 2.6 for some event types; 2.1 is what Lambda
 * examples and `ObjectCreated:Put` carry.
 */
export function s3Event(state: EngineState, input: S3EventInput, requestId: string) {
  const { region, epochMs } = state.settings;
  state.s3Sequence++;
  const sequencer = (epochMs * 1000 + state.s3Sequence).toString(16).toUpperCase().padStart(18, '0');
  const object =
    input.operation === 'put'
      ? { key: encodeKey(input.key), size: input.size ?? 0, eTag: hex(state, 32), sequencer }
      : { key: encodeKey(input.key), sequencer };
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: logs.isoTime(epochMs, state.now),
        eventName: s3EventName(input.operation),
        userIdentity: { principalId: `AWS:${state.settings.accountId}` },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': requestId.replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': hex(state, 64) },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: `${input.bucket}-notification`,
          bucket: { name: input.bucket, ownerIdentity: { principalId: state.settings.accountId }, arn: `arn:aws:s3:::${input.bucket}` },
          object,
        },
      },
    ],
  };
}

/**
 * The SNS event a subscribed function receives; `subscriber` names the function, whose
 * subscription ARN appears in the record (undefined for the message as the topic holds it).
 * DLQ attributes become SNS message attributes (`Type` and `Value`).
 */
export function snsEvent(
  state: EngineState,
  topicArn: string,
  messageId: string,
  message: string,
  subject: string | undefined,
  attributes: Readonly<Record<string, MessageAttribute>> | undefined,
  subscriber: string | undefined,
) {
  const messageAttributes: Record<string, { Type: string; Value: string }> = {};
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    messageAttributes[name] = { Type: attribute.DataType, Value: attribute.StringValue };
  }
  const { region } = state.settings;
  const sns = {
    SignatureVersion: '1',
    Timestamp: logs.isoTime(state.settings.epochMs, state.now),
    Signature: 'SIMULATED',
    SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-simulated.pem`,
    MessageId: messageId,
    Message: message,
    MessageAttributes: messageAttributes,
    Type: 'Notification',
    UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}`,
    TopicArn: topicArn,
  };
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${subscriber === undefined ? 'subscription' : subscriptionId(topicArn, subscriber)}`,
        EventSource: 'aws:sns',
        // A message published without a subject has none in the event.
        Sns: subject === undefined ? sns : { ...sns, Subject: subject },
      },
    ],
  };
}

/** A stable subscription ID for a function's subscription to a topic, in UUID form. */
function subscriptionId(topicArn: string, functionName: string): string {
  let hash = 0x811c9dc5;
  const text = `${topicArn}|${functionName}`;
  const words: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ round, 0x01000193) >>> 0;
    words.push(hash.toString(16).padStart(8, '0'));
  }
  const digits = words.join('');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20, 32)}`;
}

/** An EventBridge event; `time` has whole seconds, as EventBridge writes it. */
export function eventBridgeEvent(
  state: EngineState,
  id: string,
  source: string,
  detailType: string,
  resources: readonly string[],
  detail: unknown,
) {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source,
    account: state.settings.accountId,
    time: logs.isoTime(state.settings.epochMs, state.now).replace(/\.\d{3}Z$/, 'Z'),
    region: state.settings.region,
    resources: [...resources],
    detail,
  };
}
