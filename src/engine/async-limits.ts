/**
 * Lambda's numbers for asynchronous invocation (the asynchronous invocation and error handling
 * pages of the Lambda Developer Guide, and `PutFunctionEventInvokeConfig`).
 */

/** Retries after a function error or timeout: 0 to 2, default 2. */
export const ASYNC_RETRY_ATTEMPTS = { min: 0, max: 2, default: 2 } as const;

/** How long Lambda keeps an event: 60 s to 6 hours, default 6 hours. */
export const ASYNC_EVENT_AGE_S = { min: 60, max: 21_600, default: 21_600 } as const;

/**
 * Delay before each retry after a function error: about one minute before the second
 * attempt and about two minutes before the third.
 * NOTE: AWS says "about"; the playground waits exactly 60 s and 120 s, without jitter.
 */
export const FUNCTION_ERROR_RETRY_DELAYS_MS: readonly number[] = [60_000, 120_000];

/**
 * Backoff after a throttle or a system error: it starts at 1 s and doubles up to 5 minutes,
 * for as long as the event is younger than its maximum age.
 */
export const THROTTLE_BACKOFF_MS = { first: 1_000, max: 300_000 } as const;

/**
 * Recursive loop detection: Lambda stops an event chain (through SQS, SNS, S3 or Lambda
 * itself) after it has invoked functions 16 times.
 */
export const RECURSIVE_LOOP_LIMIT = 16;

/** The DLQ's `ErrorMessage` attribute holds the first 1 KB of the error message. */
export const DLQ_ERROR_MESSAGE_BYTES = 1024;
