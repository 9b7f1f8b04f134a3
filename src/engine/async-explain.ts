/**
 * Plain-language explanations of asynchronous routing decisions for the inspector, each with
 * the AWS rule behind it.
 */
import type { AsyncOutcome, DestinationCondition, ServiceKind, TargetRef } from './async-trace';
import type { LimitReached } from './concurrency';
import type { InvokeOutcome } from './execution';

/** Formats a delay for a sentence. Plain arithmetic, not `toLocaleString`: it runs for every retry. */
const seconds = (ms: number) => {
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000} min`;
  return `${Math.round(ms) / 1000} s`;
};

const TARGET_NOUNS: Readonly<Record<TargetRef['kind'], string>> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  lambda: 'function',
  eventbridge: 'event bus',
};

const describeTarget = (target: TargetRef) => `${TARGET_NOUNS[target.kind]} "${target.name}"`;

export function throttleRetry(fn: string, limit: LimitReached, delayMs: number, cutByAge: boolean): string {
  const when = cutByAge ? 'at its maximum age, which comes sooner' : `in ${seconds(delayMs)}`;
  return `Function "${fn}" had no capacity (${limit.reason}: ${limit.concurrency} of ${limit.limit}), so Lambda returned the event to its queue and tries again ${when}. Throttles use none of the retry attempts; the wait starts at 1 s and doubles up to 5 minutes until the event's maximum age, and Lambda reads no further events from this queue until capacity frees up.`;
}

export function errorRetry(
  fn: string,
  outcome: InvokeOutcome,
  attempts: number,
  maximumRetryAttempts: number,
  delayMs: number,
  cutByAge: boolean,
): string {
  const what = outcome === 'timeout' ? 'timed out' : 'failed with a function error';
  const when = cutByAge ? 'at its maximum age, which comes before the retry' : `in ${seconds(delayMs)}`;
  return `Attempt ${attempts} of function "${fn}" ${what}, and ${maximumRetryAttempts - attempts + 1} of its ${maximumRetryAttempts} retry attempts are left, so Lambda tries again ${when}. Lambda waits about 1 minute before the second attempt and about 2 minutes before the third.`;
}

export function expired(fn: string, maximumEventAgeMs: number, attempts: number): string {
  const ran = attempts === 0 ? 'without a single attempt running' : `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return `The event reached function "${fn}"'s maximum event age of ${seconds(maximumEventAgeMs)} ${ran}. Lambda keeps an event in its queue no longer than that (60 s to 6 hours, 6 hours by default) and then treats it as failed with condition EventAgeExceeded.`;
}

const OUTCOME_REASONS: Readonly<Record<AsyncOutcome, string>> = {
  success: 'succeeded',
  'retries-exhausted': 'failed every attempt',
  'event-age-exceeded': 'reached its maximum age',
  'reserved-zero': 'was not run, because the function has reserved concurrency 0, which sends asynchronous events to the failure targets at once without retries',
  'recursive-loop': 'was stopped by recursive loop detection',
};

export function deadLetter(fn: string, target: TargetRef, outcome: AsyncOutcome, alsoDestination: boolean): string {
  const both = alsoDestination ? ' The on-failure destination received the invocation record as well; each target gets its own format.' : '';
  return `The event ${OUTCOME_REASONS[outcome]}, so Lambda sent it unchanged to function "${fn}"'s dead-letter queue, ${describeTarget(target)}, with the message attributes RequestID, ErrorCode and ErrorMessage (its first 1 KB).${both}`;
}

export function destination(fn: string, target: TargetRef, condition: DestinationCondition): string {
  const which = condition === 'Success' ? 'on-success' : 'on-failure';
  const why =
    condition === 'Success'
      ? 'An asynchronous invocation succeeded'
      : condition === 'RetriesExhausted'
        ? 'The event failed every attempt (RetriesExhausted)'
        : 'The event reached its maximum age (EventAgeExceeded)';
  const onward =
    target.kind === 'lambda'
      ? ' A function destination is invoked asynchronously with the record as its event.'
      : target.kind === 'eventbridge'
        ? ' An event bus receives it as the detail of an event with source "lambda".'
        : '';
  return `${why}, so Lambda sent an invocation record to function "${fn}"'s ${which} destination, ${describeTarget(target)}.${onward} Destinations apply to asynchronous invocations only; a synchronous failure reaches neither them nor the dead-letter queue.`;
}

export function dropped(fn: string, outcome: AsyncOutcome): string {
  return `The event ${OUTCOME_REASONS[outcome]}, and function "${fn}" has neither an on-failure destination nor a dead-letter queue, so Lambda discarded it.`;
}

export function recursiveLoop(fn: string, limit: number): string {
  return `This event is part of a chain that has already invoked functions ${limit} times, so Lambda's recursive loop detection stopped it before it reached function "${fn}" and discarded it.`;
}

export function serviceEvent(service: ServiceKind, resource: string, functions: readonly string[], rules?: readonly string[]): string {
  const invoked =
    functions.length === 0
      ? 'No function is configured for it, so nothing was invoked.'
      : `It invokes ${functions.map((name) => `"${name}"`).join(', ')} asynchronously: Lambda queues each event and the service gets no function result.`;
  switch (service) {
    case 's3':
      return `Bucket "${resource}" sent an event notification for the object. ${invoked}`;
    case 'sns':
      return `A message was published to topic "${resource}", which delivers it to every subscribed function. ${invoked}`;
    case 'eventbridge': {
      const matched = rules === undefined || rules.length === 0 ? 'No rule matched it.' : `Rules that matched: ${rules.join(', ')}.`;
      return `Event bus "${resource}" received an event. ${matched} ${invoked}`;
    }
    case 'schedule':
      return `Scheduled rule "${resource}" fired, in UTC. ${invoked}`;
  }
}
