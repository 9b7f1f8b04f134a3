/**
 * Helpers for the sandbox tests: an in-process runtime with the Node loader, and requests with
 * sensible defaults.
 */
import type { EnvironmentSpec, InitRequest, InvokeRequest } from '../protocol/sandbox-api';
import { dataUrlLoader, setImmediateMacrotask } from './loader.node';
import { createSandboxRuntime, type SandboxRuntime } from './runtime';

/** 2024-01-01T00:00:00Z, the wall-clock time of simulated time 0 in the tests. */
export const TEST_EPOCH_MS = Date.UTC(2024, 0, 1);

export function createTestRuntime(): SandboxRuntime {
  return createSandboxRuntime({ loader: dataUrlLoader, macrotask: setImmediateMacrotask });
}

export function envSpec(code: string, overrides: Partial<EnvironmentSpec> = {}): EnvironmentSpec {
  return {
    envId: 'fn#1',
    functionName: 'fn',
    code,
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    memoryMb: 128,
    timeoutMs: 3000,
    region: 'us-east-1',
    accountId: '123456789012',
    seed: 42,
    epochMs: TEST_EPOCH_MS,
    logGroupName: '/aws/lambda/fn',
    logStreamName: '2024/01/01/[$LATEST]0123456789abcdef',
    ...overrides,
  };
}

export function initRequest(env: EnvironmentSpec, startTime = 0): InitRequest {
  return { kind: 'init', executionId: 1, env, startTime };
}

let requests = 0;

export function invokeRequest(
  envId: string,
  startTime: number,
  overrides: Partial<InvokeRequest> = {},
): InvokeRequest {
  requests += 1;
  return {
    kind: 'invoke',
    executionId: 100 + requests,
    envId,
    requestId: `req-${requests}`,
    event: {},
    startTime,
    timeoutMs: 3000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    ...overrides,
  };
}

/** Returns the message part of CloudWatch lines: everything after `<time>\t<requestId>\t<LEVEL>\t`. */
export function messages(logs: readonly { text: string }[]): string[] {
  return logs.map((line) => line.text.split('\t').slice(3).join('\t'));
}
