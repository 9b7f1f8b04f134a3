/**
 * The load generator: its form, and the action that sends the load it describes into the
 * current run at the playhead. The session records the load as one traffic entry, so a replay
 * sends it again.
 */
import type { StateCreator } from 'zustand';
import type { Invoker } from '../engine/trace';
import type { AppState } from './index';
import { DEFAULT_LOAD_FORM, loadEntryOf, type LoadField, type LoadForm, type LoadPattern } from './load-model';
import { selectedDraft } from './workspace-slice';

export interface LoadSlice {
  readonly loadForm: LoadForm;
  /** Reason the last load could not start, for the form to show. */
  readonly loadError: string | undefined;

  setLoadPattern(pattern: LoadPattern): void;
  setLoadFunction(functionId: string): void;
  setLoadInvoker(invoker: Invoker): void;
  setLoadField(field: LoadField, text: string): void;
  /** Sends the load the form describes, with the test event, from the playhead, and plays. */
  startLoad(): void;
}

export const createLoadSlice: StateCreator<AppState, [], [], LoadSlice> = (set, get) => {
  const updateForm = (change: Partial<LoadForm>) => set({ loadForm: { ...get().loadForm, ...change }, loadError: undefined });

  return {
    loadForm: DEFAULT_LOAD_FORM,
    loadError: undefined,

    setLoadPattern: (pattern) => updateForm({ pattern }),
    setLoadFunction: (functionId) => updateForm({ functionId }),
    setLoadInvoker: (invoker) => updateForm({ invoker }),
    setLoadField: (field, text) => updateForm({ fieldText: { ...get().loadForm.fieldText, [field]: text } }),

    startLoad: () => {
      const state = get();
      if (!state.driver) return;
      if (!state.eventParse.ok) {
        set({ loadError: state.eventParse.message });
        return;
      }
      const target = loadTargetName(state);
      const check = loadEntryOf(state.loadForm, target, state.eventParse.event, state.playheadMs);
      if (!check.ok) {
        set({ loadError: check.message });
        return;
      }
      // Playing first loads a fresh run when the workspace changed; the load starts at the
      // playhead of that run.
      state.play();
      const { playheadMs, driver } = get();
      const shift = playheadMs - check.entry.at;
      const entry = check.entry.pattern === 'spike'
        ? { ...check.entry, at: playheadMs, spikeAt: check.entry.spikeAt + shift }
        : { ...check.entry, at: playheadMs };
      try {
        driver?.session.submitTraffic(entry);
        set({ loadError: undefined, runError: undefined });
      } catch (error) {
        set({ loadError: `The load could not be sent: ${(error as Error).message}` });
      }
    },
  };
};

/** The name of the function the load targets: the chosen one, else the selected one. */
export function loadTargetName(state: AppState): string {
  const chosen = state.functions.find((draft) => draft.id === state.loadForm.functionId);
  return (chosen ?? selectedDraft(state)).validSettings.name;
}

export const selectLoadForm = (state: LoadSlice) => state.loadForm;
export const selectLoadError = (state: LoadSlice) => state.loadError;

export { MAX_LOAD_REQUESTS, PATTERN_FIELDS, checkLoadField, loadEntryOf, type LoadField, type LoadPattern } from './load-model';
