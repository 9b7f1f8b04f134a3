/**
 * Named selectors over the run for the app's own views (invocation list, inspector, progress
 * and the sandbox banner).
 */
import type { TracePrefix } from '../engine/trace';
import type { Scenario } from '../scenario/schema';
import type { AppState } from './index';
import { ASYNC_RETRY_ATTEMPTS } from '../engine/async-limits';
import { INVOCATION_LIST_LIMIT } from './invocation-list';
import { latestInvocations, requestCounts } from './invocations';

const EMPTY_TRACE: TracePrefix = { events: [], length: 0 };

export const selectTrace = (state: AppState): TracePrefix => state.snapshot?.trace ?? EMPTY_TRACE;
export const selectRunStatus = (state: AppState) => state.runStatus;
export const selectSelection = (state: AppState) => state.selection;
export const selectSandboxError = (state: AppState): string | undefined => state.snapshot?.error;

export const selectLatestInvocations = (state: AppState) => latestInvocations(selectTrace(state), INVOCATION_LIST_LIMIT);

/** How fast Lambda adds environments in the run shown: `per-function` or the older `account-burst`. */
export type RunScaling = Scenario['settings']['account']['scaling'];
export const selectRunScaling = (state: AppState): RunScaling => (state.runScenario ?? state.scenario).settings.account.scaling;

/** Whether handler code is running or a request is still waiting for its response. */
export function selectBusy(state: AppState): boolean {
  if (state.runStatus === 'executing') return true;
  if ((state.snapshot?.pendingSequential ?? 0) > 0) return true;
  const counts = requestCounts(selectTrace(state));
  return counts.ended < counts.received;
}

/** The most attempts an asynchronous event of `functionName` gets in the run shown: its retries plus one. */
export function selectMaxAttempts(state: AppState, functionName: string): number {
  const scenario = state.runScenario ?? state.scenario;
  const fn = scenario.functions.find((candidate) => candidate.name === functionName);
  return (fn?.async?.maximumRetryAttempts ?? ASYNC_RETRY_ATTEMPTS.default) + 1;
}
