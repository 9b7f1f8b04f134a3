/** Builds hand-written traces for the timeline's tests, with the engine's event shapes. */
import type { InvokeOutcome } from '../../engine/execution';
import type { ThrottleReason, TraceEvent } from '../../engine/trace';

/** Flags of an invoke-start event beyond `cold`. */
export interface InvokeFlags {
  readonly provisioned?: boolean;
  readonly spillover?: boolean;
}

export class TraceBuilder {
  readonly events: TraceEvent[] = [];

  constructor(private readonly functionName = 'fn') {}

  request(time: number, requestId: string): this {
    this.events.push({
      type: 'request-received',
      time,
      requestId,
      functionName: this.functionName,
      invocationType: 'RequestResponse',
      event: {},
      source: 'test',
    });
    return this;
  }

  /** A cold start: platform work, INIT, then the invocation, ending at `start + platform + init + duration`. */
  cold(time: number, envId: string, requestId: string, timing: { platform: number; init: number; duration: number; outcome?: InvokeOutcome }): this {
    const functionName = this.functionName;
    const initStart = time + timing.platform;
    const initEnd = initStart + timing.init;
    this.request(time, requestId);
    this.events.push(
      { type: 'env-created', time, envId, functionName, requestId },
      { type: 'init-start', time: initStart, envId, functionName },
      { type: 'init-end', time: initEnd, envId, functionName, initDurationMs: timing.init, userInitMs: 0, logs: [] },
    );
    return this.invoke(initEnd, envId, requestId, timing.duration, true, timing.outcome);
  }

  /** A warm invocation of an existing environment. */
  warm(time: number, envId: string, requestId: string, duration: number, outcome: InvokeOutcome = 'success'): this {
    this.request(time, requestId);
    return this.invoke(time, envId, requestId, duration, false, outcome);
  }

  invokeStart(time: number, envId: string, requestId: string, cold: boolean, flags: InvokeFlags = {}): this {
    this.events.push({ type: 'invoke-start', time, envId, functionName: this.functionName, requestId, cold, ...flags });
    return this;
  }

  invoke(
    time: number,
    envId: string,
    requestId: string,
    duration: number,
    cold: boolean,
    outcome: InvokeOutcome = 'success',
    flags: InvokeFlags = {},
  ): this {
    this.invokeStart(time, envId, requestId, cold, flags);
    this.events.push({
      type: 'invoke-end',
      time: time + duration,
      envId,
      functionName: this.functionName,
      requestId,
      outcome,
      cold,
      durationMs: duration,
      billedDurationMs: Math.ceil(duration),
      memoryMb: 128,
      logs: [],
    });
    return this;
  }

  /** A provisioned environment placed at `time` and initialised ahead of traffic. */
  provisioned(time: number, envId: string, timing: { platform: number; init: number }): this {
    const functionName = this.functionName;
    this.events.push({ type: 'env-created', time, envId, functionName, provisioned: true });
    this.initStart(time + timing.platform, envId);
    return this.initEnd(time + timing.platform + timing.init, envId, timing.init);
  }

  /** A request that Lambda throttled on arrival. */
  throttle(time: number, requestId: string, reason: ThrottleReason = 'ReservedFunctionConcurrentInvocationLimitExceeded', limit = 5): this {
    this.request(time, requestId);
    this.events.push({
      type: 'throttled',
      time,
      requestId,
      functionName: this.functionName,
      invoker: 'direct',
      reason,
      errorType: 'TooManyRequestsException',
      statusCode: 429,
      responseJson: JSON.stringify({ Reason: reason, Type: 'User', message: 'Rate Exceeded.' }),
      limit,
      concurrency: limit,
    });
    return this;
  }

  initStart(time: number, envId: string): this {
    this.events.push({ type: 'init-start', time, envId, functionName: this.functionName });
    return this;
  }

  initEnd(time: number, envId: string, initDurationMs: number, failed = false): this {
    this.events.push({
      type: 'init-end',
      time,
      envId,
      functionName: this.functionName,
      initDurationMs,
      userInitMs: 0,
      logs: [],
      ...(failed ? { error: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: 'SyntaxError', trace: [] } } : {}),
    });
    return this;
  }

  reset(time: number, envId: string, reason: 'timeout' | 'init-error' = 'timeout'): this {
    this.events.push({ type: 'env-reset', time, envId, functionName: this.functionName, reason });
    return this;
  }

  reclaim(time: number, envId: string, idleMs: number): this {
    this.events.push({ type: 'env-reclaimed', time, envId, functionName: this.functionName, idleMs });
    return this;
  }

  /** The events sorted by time, stable for equal times, as the engine records them. */
  build(): TraceEvent[] {
    return this.events.map((event, index) => ({ event, index }))
      .sort((a, b) => a.event.time - b.event.time || a.index - b.index)
      .map(({ event }) => event);
  }
}
