/**
 * Shape checks for what a worker sends back. The worker runs untrusted code in the same realm
 * as the sandbox runtime, so a result is treated as input: anything that is not a well-formed
 * `InitResult` or `InvokeResult` is rejected before it reaches the engine.
 */
import type { InitResult, InvokeResult } from '../engine/execution';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function logLinesProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return '`logs` is not an array';
  const index = value.findIndex(
    (line: unknown) => !isRecord(line) || typeof line.time !== 'number' || !Number.isFinite(line.time) || typeof line.text !== 'string',
  );
  return index === -1 ? undefined : `logs[${index}] is not a { time, text } line`;
}

function lambdaErrorProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '`error` is not an object';
  if (typeof value.errorType !== 'string') return '`error.errorType` is not a string';
  if (typeof value.errorMessage !== 'string') return '`error.errorMessage` is not a string';
  if (!Array.isArray(value.trace) || !value.trace.every((line) => typeof line === 'string')) {
    return '`error.trace` is not an array of strings';
  }
  return undefined;
}

/** Returns a description of what is wrong with `value` as an `InitResult`, or undefined. */
export function initResultProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the result is not an object';
  if (value.kind !== 'init') return '`kind` is not "init"';
  if (!isFiniteNonNegative(value.userInitMs)) return '`userInitMs` is not a non-negative number';
  if (value.error !== undefined) {
    const problem = lambdaErrorProblem(value.error);
    if (problem) return problem;
  }
  return logLinesProblem(value.logs);
}

const OUTCOMES: ReadonlySet<unknown> = new Set(['success', 'error', 'timeout']);

/** Returns a description of what is wrong with `value` as an `InvokeResult`, or undefined. */
export function invokeResultProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the result is not an object';
  if (value.kind !== 'invoke') return '`kind` is not "invoke"';
  if (!OUTCOMES.has(value.outcome)) return '`outcome` is not success, error or timeout';
  if (!isFiniteNonNegative(value.durationMs)) return '`durationMs` is not a non-negative number';
  if (value.responseJson !== undefined && typeof value.responseJson !== 'string') {
    return '`responseJson` is not a string';
  }
  if (value.outcome !== 'success' || value.error !== undefined) {
    const problem = lambdaErrorProblem(value.error);
    if (problem) return problem;
  }
  return logLinesProblem(value.logs);
}

export function isInitResult(value: unknown): value is InitResult {
  return initResultProblem(value) === undefined;
}

export function isInvokeResult(value: unknown): value is InvokeResult {
  return invokeResultProblem(value) === undefined;
}
