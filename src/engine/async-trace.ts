/**
 * Trace events of asynchronous invocation: an event's way through its function's internal
 * queue, its attempts and retries, its expiry, and where it ends (the on-success or
 * on-failure destination, the dead-letter queue, or nowhere). Also the events that services
 * produce (S3 notifications, SNS messages, EventBridge events and schedules) before they
 * invoke functions. Every event that changes a function's queue carries the queue's depth
 * after the change, so a depth lane can be drawn from the trace alone (`queueDepthSeries`).
 *
 * Each routing decision carries `explanation`: one or two sentences with the AWS rule behind
 * it, for the inspector.
 */
import type { TargetKind } from './model';
import type { ThrottleReason } from './trace';

/** A queue, topic, function or event bus that received a message or a record. */
export interface TargetRef {
  readonly kind: TargetKind;
  readonly name: string;
  readonly arn: string;
}

/** What produced an asynchronous event. */
export type AsyncTrigger =
  /** An `Invoke` call with `InvocationType: Event`. */
  | { readonly kind: 'invoke' }
  | { readonly kind: 's3'; readonly bucket: string; readonly eventId: string }
  | { readonly kind: 'sns'; readonly topic: string; readonly messageId: string }
  | { readonly kind: 'eventbridge'; readonly eventBus: string; readonly rule: string; readonly eventId: string }
  | { readonly kind: 'schedule'; readonly rule: string; readonly eventId: string }
  /** A function destination: the record of another asynchronous invocation. */
  | {
      readonly kind: 'destination';
      readonly fromRequestId: string;
      readonly fromFunction: string;
      readonly condition: DestinationCondition;
    };

/** Why a destination received a record: `condition` in the record's `requestContext`. */
export type DestinationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

/**
 * The invocation record Lambda sends to a destination, as AWS documents it. SQS and SNS
 * receive it as the message body, a function as its event, EventBridge as `detail`.
 */
export interface InvocationRecord {
  readonly version: '1.0';
  /** ISO 8601 time the record was written. */
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    /** The function's ARN with the `$LATEST` qualifier. */
    readonly functionArn: string;
    readonly condition: DestinationCondition;
    /** Attempts that ran. */
    readonly approximateInvokeCount: number;
  };
  /** The event as the function received it. */
  readonly requestPayload: unknown;
  readonly responseContext: {
    /** 200 when the function ran (also when it failed), 429 when it was throttled to expiry. */
    readonly statusCode: number;
    readonly executedVersion: '$LATEST';
    /** `Unhandled` when the last attempt failed in the function. */
    readonly functionError?: 'Unhandled';
  };
  /** The function's response, or its error object; absent when no attempt ran. */
  readonly responsePayload?: unknown;
}

/** One message attribute as SQS stores it. */
export interface MessageAttribute {
  readonly DataType: 'String' | 'Number';
  readonly StringValue: string;
}

/** What a dead-letter queue receives: the original event unchanged, with three attributes. */
export interface DeadLetterMessage {
  /** The original event as JSON text, unchanged. */
  readonly body: string;
  readonly messageAttributes: {
    readonly RequestID: MessageAttribute;
    /** The HTTP status of the last attempt: 200 when the function ran and failed. */
    readonly ErrorCode: MessageAttribute;
    /** The error message, cut to its first 1 KB. */
    readonly ErrorMessage: MessageAttribute;
  };
}

/**
 * An asynchronous event entered its function's internal queue. Lambda answered the sender
 * with HTTP 202 before this; the event now waits for the function to have capacity.
 */
export interface AsyncEventQueued {
  readonly type: 'async-queued';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly source: string;
  readonly trigger: AsyncTrigger;
  readonly event: unknown;
  /** Events in the function's queue after this one entered: waiting to run or waiting for a retry. */
  readonly queueDepth: number;
}

/** Lambda took an event from the queue and starts an attempt; invoke-start follows once it has an environment. */
export interface AsyncAttemptStarted {
  readonly type: 'async-attempt';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  /** 1 for the first attempt, up to 3 with two retries. */
  readonly attempt: number;
  /** Time since the event entered the queue, in ms. */
  readonly ageMs: number;
  readonly queueDepth: number;
}

/** Details of the throttle that sent an event back to the queue. */
export interface AsyncThrottle {
  readonly reason: ThrottleReason;
  readonly limit: number;
  readonly concurrency: number;
}

/**
 * An attempt failed and the event went back to the queue to be tried again at `nextAttemptAt`.
 * A function error (or timeout) uses one of the retry attempts; a throttle does not.
 */
export interface AsyncRetryScheduled {
  readonly type: 'async-retry-scheduled';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly reason: 'function-error' | 'throttle';
  /** Attempts that ran so far (a throttled attempt does not run). */
  readonly attempts: number;
  /** The next attempt's number when it will run, for a function error. */
  readonly nextAttempt: number;
  readonly delayMs: number;
  /** Simulated time of the next try, in ms; never after the event's maximum age. */
  readonly nextAttemptAt: number;
  /** Set when `reason` is `throttle`. */
  readonly throttle?: AsyncThrottle;
  readonly queueDepth: number;
  readonly explanation: string;
}

/** The event reached its maximum age before an attempt succeeded; it leaves the queue. */
export interface AsyncEventExpired {
  readonly type: 'async-expired';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly ageMs: number;
  readonly maximumEventAgeMs: number;
  readonly attempts: number;
  readonly queueDepth: number;
  readonly explanation: string;
}

/** Why Lambda discarded an event without a dead-letter queue or destination to keep it. */
export type AsyncDropReason = 'no-failure-target' | 'recursive-loop';

/** Lambda discarded the event: it failed or expired and nothing was configured to receive it. */
export interface AsyncEventDropped {
  readonly type: 'async-dropped';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly reason: AsyncDropReason;
  readonly event: unknown;
  readonly explanation: string;
}

/** The dead-letter queue (an SQS queue or SNS topic) received the original event. */
export interface DeadLetterSent {
  readonly type: 'dlq-message';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly target: TargetRef;
  readonly message: DeadLetterMessage;
  readonly explanation: string;
}

/** A destination received the invocation record. */
export interface DestinationDelivered {
  readonly type: 'destination-delivered';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly target: TargetRef;
  readonly condition: DestinationCondition;
  readonly record: InvocationRecord;
  /**
   * What the target received: the record itself for SQS, SNS and Lambda, the EventBridge
   * event with the record in `detail` for an event bus.
   */
  readonly delivered: unknown;
  readonly explanation: string;
}

/** How an asynchronous event ended. */
export type AsyncOutcome =
  | 'success'
  | 'retries-exhausted'
  | 'event-age-exceeded'
  /** Reserved concurrency 0: the event went straight to its failure target without a run. */
  | 'reserved-zero'
  | 'recursive-loop';

/** The event left the queue for good. Exactly one per `async-queued`. */
export interface AsyncEventDone {
  readonly type: 'async-done';
  readonly time: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly outcome: AsyncOutcome;
  /** Attempts that ran. */
  readonly attempts: number;
  /** Where the record or the event went; empty when it was dropped or had no destination. */
  readonly routedTo: readonly TargetRef[];
  readonly queueDepth: number;
}

/** The service that produced a `service-event`. */
export type ServiceKind = 's3' | 'sns' | 'eventbridge' | 'schedule';

/**
 * A service produced an event: S3 sent a notification, a message was published to an SNS
 * topic, an event was put on an EventBridge bus, or a scheduled rule fired. `targets` are the
 * asynchronous invocations it caused, one per function, each with its own request ID.
 */
export interface ServiceEventEmitted {
  readonly type: 'service-event';
  readonly time: number;
  readonly service: ServiceKind;
  /** Bucket, topic, event bus or rule name. */
  readonly resource: string;
  readonly resourceArn: string;
  /** S3 `sequencer`-based ID, SNS `MessageId` or EventBridge `id`. */
  readonly eventId: string;
  /** A short label, e.g. `ObjectCreated:Put photos/cat.jpg`. */
  readonly label: string;
  /** The event or message as the service wrote it. */
  readonly payload: unknown;
  readonly targets: readonly { readonly functionName: string; readonly requestId: string }[];
  /** The asynchronous invocation whose DLQ message or destination record this is, if any. */
  readonly causedBy?: { readonly requestId: string; readonly functionName: string };
  readonly explanation: string;
}
