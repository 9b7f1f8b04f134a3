/**
 * Hand-written traces of asynchronous events for the timeline's tests, in the order and shape
 * the engine records them.
 */
import type { TargetRef, TraceEvent } from '../../engine/trace';

export const DLQ: TargetRef = { kind: 'sqs', name: 'dlq', arn: 'arn:aws:sqs:us-east-1:123456789012:dlq' };

/**
 * One event that fails every attempt with the defaults: a cold first attempt at 250 ms, retries
 * 1 and 2 minutes after each failure, then a DLQ message, or a drop when `dlq` is false.
 */
export function failingEventTrace(requestId: string, options: { dlq: boolean; functionName?: string }): TraceEvent[] {
  const functionName = options.functionName ?? 'fail';
  const envId = `${functionName}#1`;
  const events: TraceEvent[] = [
    { type: 'request-received', time: 0, requestId, functionName, invocationType: 'Event', event: {}, source: 'test', invoker: 'direct' },
    { type: 'async-queued', time: 0, requestId, functionName, source: 'test', trigger: { kind: 'invoke' }, event: {}, queueDepth: 1 },
    { type: 'async-attempt', time: 0, requestId, functionName, attempt: 1, ageMs: 0, queueDepth: 0 },
    { type: 'env-created', time: 0, envId, functionName, requestId },
    { type: 'init-start', time: 100, envId, functionName },
    { type: 'init-end', time: 250, envId, functionName, initDurationMs: 150, userInitMs: 0, logs: [] },
  ];
  const attemptStarts = [250, 60_260, 180_270];
  attemptStarts.forEach((start, index) => {
    const attempt = index + 1;
    const end = start + 10;
    if (attempt > 1) events.push({ type: 'async-attempt', time: start, requestId, functionName, attempt, ageMs: start, queueDepth: 0 });
    events.push(
      { type: 'invoke-start', time: start, envId, functionName, requestId, cold: attempt === 1, invocationType: 'Event', attempt },
      {
        type: 'invoke-end',
        time: end,
        envId,
        functionName,
        requestId,
        outcome: 'error',
        cold: attempt === 1,
        durationMs: 10,
        billedDurationMs: 10,
        memoryMb: 128,
        logs: [],
        invocationType: 'Event',
        attempt,
      },
    );
    const next = attemptStarts[index + 1];
    if (next !== undefined) {
      events.push({
        type: 'async-retry-scheduled',
        time: end,
        requestId,
        functionName,
        reason: 'function-error',
        attempts: attempt,
        nextAttempt: attempt + 1,
        delayMs: next - end,
        nextAttemptAt: next,
        queueDepth: 1,
        explanation: 'retry',
      });
    }
  });
  const last = 180_280;
  if (options.dlq) {
    events.push({
      type: 'dlq-message',
      time: last,
      requestId,
      functionName,
      target: DLQ,
      message: {
        body: '{}',
        messageAttributes: {
          RequestID: { DataType: 'String', StringValue: requestId },
          ErrorCode: { DataType: 'Number', StringValue: '200' },
          ErrorMessage: { DataType: 'String', StringValue: 'boom' },
        },
      },
      explanation: 'to the DLQ',
    });
  } else {
    events.push({ type: 'async-dropped', time: last, requestId, functionName, reason: 'no-failure-target', event: {}, explanation: 'dropped' });
  }
  events.push({
    type: 'async-done',
    time: last,
    requestId,
    functionName,
    outcome: 'retries-exhausted',
    attempts: 3,
    routedTo: options.dlq ? [DLQ] : [],
    queueDepth: 0,
  });
  return events;
}
