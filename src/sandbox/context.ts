/**
 * The `context` argument, with the fields and field order of each runtime's RIC: Node.js 22
 * builds it on the callback context (`callbackWaitsForEmptyEventLoop`, `succeed`, `fail`,
 * `done`), Node.js 24 has no callbacks and adds `xRayTraceId` and `w3c`.
 */
import type { Context } from 'aws-lambda';
import type { EnvironmentSpec } from '../protocol/sandbox-api';

export interface InvocationDetails {
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
  /** Milliseconds left before the function times out, on the virtual clock. */
  readonly remainingMs: () => number;
}

/** The Node.js 22 callback functions and the flag that `context` exposes. */
export interface CallbackControls {
  waitsForEmptyEventLoop: boolean;
  readonly succeed: (result?: unknown) => void;
  readonly fail: (error?: unknown) => void;
  readonly done: (error?: unknown, result?: unknown) => void;
}

function environmentData(env: EnvironmentSpec) {
  return {
    functionVersion: '$LATEST',
    functionName: env.functionName,
    memoryLimitInMB: String(env.memoryMb),
    logGroupName: env.logGroupName,
    logStreamName: env.logStreamName,
  };
}

/** Wraps `target` in an unnamed function, as the RIC's once-only wrappers print in logs. */
function anonymous(target: (...args: never[]) => void): (...args: unknown[]) => void {
  return function (...args: unknown[]) {
    (target as (...args: unknown[]) => void)(...args);
  };
}

export function createNode22Context(
  env: EnvironmentSpec,
  details: InvocationDetails,
  controls: CallbackControls,
): Context {
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return controls.waitsForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      controls.waitsForEmptyEventLoop = value;
    },
    succeed: anonymous(controls.succeed),
    fail: anonymous(controls.fail),
    done: anonymous(controls.done),
  };
  const { functionVersion, functionName, memoryLimitInMB, logGroupName, logStreamName } =
    environmentData(env);
  return Object.assign(context, {
    functionVersion,
    functionName,
    memoryLimitInMB,
    logGroupName,
    logStreamName,
    clientContext: undefined,
    identity: undefined,
    invokedFunctionArn: details.invokedFunctionArn,
    awsRequestId: details.awsRequestId,
    tenantId: undefined,
    getRemainingTimeInMillis: function () {
      return details.remainingMs();
    },
  }) as unknown as Context;
}

export function createNode24Context(env: EnvironmentSpec, details: InvocationDetails): Context {
  const w3cFields = Object.freeze({});
  const { functionVersion, functionName, memoryLimitInMB, logGroupName, logStreamName } =
    environmentData(env);
  return {
    clientContext: undefined,
    identity: undefined,
    invokedFunctionArn: details.invokedFunctionArn,
    awsRequestId: details.awsRequestId,
    tenantId: undefined,
    xRayTraceId: undefined,
    getRemainingTimeInMillis: function () {
      return details.remainingMs();
    },
    w3c: function () {
      return w3cFields;
    },
    functionName,
    functionVersion,
    memoryLimitInMB,
    logGroupName,
    logStreamName,
  } as unknown as Context;
}
