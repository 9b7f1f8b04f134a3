/**
 * Named selectors over the run slice for the app's own views (invoke controls, invocation
 * list, inspector, progress), so that they depend on the run slice in this one place.
 */
import type { TraceEvent } from '../engine/trace';
import type { AppState } from './index';
import { invocationRecords, requestCounts } from './invocations';

export type RunStatus = 'idle' | 'playing' | 'paused' | 'executing';

export interface RunSelection {
  readonly requestId?: string;
  readonly envId?: string;
}

/**
 * The run slice's part that these views use.
 * TODO: read these straight from AppState once the run slice defines them; until then every
 * field may be missing and the views fall back to an empty, idle run.
 */
interface RunApi {
  readonly runStatus: RunStatus;
  readonly snapshot: { readonly trace: readonly TraceEvent[]; readonly error: string | undefined } | undefined;
  readonly selection: RunSelection | undefined;
  invoke(): void;
  sendConcurrent(count: number): void;
  select(selection: RunSelection): void;
}

const runApi = (state: AppState) => state as AppState & Partial<RunApi>;

const EMPTY_TRACE: readonly TraceEvent[] = [];

export const selectTrace = (state: AppState): readonly TraceEvent[] => runApi(state).snapshot?.trace ?? EMPTY_TRACE;
export const selectRunStatus = (state: AppState): RunStatus => runApi(state).runStatus ?? 'idle';
export const selectSelection = (state: AppState): RunSelection | undefined => runApi(state).selection;
export const selectSandboxError = (state: AppState): string | undefined => runApi(state).snapshot?.error;

export const selectInvocations = (state: AppState) => invocationRecords(selectTrace(state));

/** Whether handler code is running or a request is still waiting for its response. */
export function selectBusy(state: AppState): boolean {
  if (selectRunStatus(state) === 'executing') return true;
  const counts = requestCounts(selectTrace(state));
  return counts.ended < counts.received;
}

/** Sends one synchronous request, as a client that waits for each response. */
export function invoke(state: AppState): void {
  runApi(state).invoke?.();
}

/** Sends `count` synchronous requests at the same moment. */
export function sendConcurrent(state: AppState, count: number): void {
  runApi(state).sendConcurrent?.(count);
}

export function select(state: AppState, selection: RunSelection): void {
  runApi(state).select?.(selection);
}
