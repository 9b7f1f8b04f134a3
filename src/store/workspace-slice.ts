/**
 * What the person is editing: the functions (code and settings), the account's concurrency
 * settings, and the test event.
 *
 * The selected function is mirrored at the top level (`code`, `fieldText`, `functionSpec` …)
 * for the views that show one function. Derived values (`functionSpec`, `scenario`, the parsed
 * event) are kept as state rather than derived on read, so that their identity changes only
 * when their value does; a new `scenario` is what marks a fresh run.
 */
import type { StateCreator } from 'zustand';
import type { Architecture, RuntimeId } from '../engine/runtimes';
import { findJsonSyntaxError } from '../scenario/json-error';
import type { FunctionSpec, Scenario } from '../scenario/schema';
import { DEFAULT_EVENT_TEMPLATE_ID, EXAMPLE_HANDLER_CODE, findEventTemplate } from '../scenario/templates';
import type { AppState } from './index';
import {
  DEFAULT_ACCOUNT,
  DEFAULT_FUNCTION_NAME,
  createFunctionDraft,
  reconcile,
  scenarioOfWorkspace,
  unusedFunctionId,
  unusedFunctionName,
  type AccountErrors,
  type AccountField,
  type FieldErrors,
  type FunctionDraft,
  type IdleReclaimChoice,
  type ScalingChoice,
  type SettingsField,
  type ValidSettings,
  type WorkspaceDocument,
} from './workspace-model';

export {
  ACCOUNT_FIELDS,
  BURST_OPTIONS,
  DEFAULT_FUNCTION_NAME,
  IDLE_RECLAIM_OPTIONS,
  SETTINGS_FIELDS,
  checkAccountField,
  checkSettingsField,
  type AccountField,
  type FunctionDraft,
  type IdleReclaimChoice,
  type ScalingChoice,
  type SettingsField,
  type ValidAccountSettings,
  type ValidSettings,
  type WorkspaceDocument,
} from './workspace-model';

/** A syntax error the editor found in the code; lines and columns count from 1. */
export interface CodeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type EventParse =
  | { readonly ok: true; readonly event: unknown }
  | { readonly ok: false; readonly message: string };

export interface WorkspaceSlice extends WorkspaceDocument {
  // The selected function, mirrored for the views that show one function.
  readonly code: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly fieldText: Readonly<Record<SettingsField, string>>;
  readonly validSettings: ValidSettings;
  /** Messages for the selected function's fields whose text is invalid, by field. */
  readonly fieldErrors: FieldErrors;
  /** The selected function as it runs: its code and the valid settings in effect. */
  readonly functionSpec: FunctionSpec;

  /** Messages for every function's invalid fields, by function id. */
  readonly functionErrors: Readonly<Record<string, FieldErrors>>;
  readonly accountErrors: AccountErrors;
  /** The scenario a run of the workspace starts from: every function and the account settings. */
  readonly scenario: Scenario;
  readonly eventParse: EventParse;
  readonly codeProblems: readonly CodeProblem[];

  setCode(code: string): void;
  setSettingsField(field: SettingsField, text: string): void;
  setRuntime(runtime: RuntimeId): void;
  setArchitecture(architecture: Architecture): void;
  setAccountField(field: AccountField, text: string): void;
  setScaling(scaling: ScalingChoice): void;
  setIdleReclaim(choice: IdleReclaimChoice): void;
  setInitBilled(initBilled: boolean): void;
  /** Adds a function with the example handler and selects it. */
  addFunction(): void;
  /** Removes a function; the last one cannot be removed. */
  removeFunction(id: string): void;
  selectFunction(id: string): void;
  selectEventTemplate(id: string): void;
  setEventText(text: string): void;
  setCodeProblems(problems: readonly CodeProblem[]): void;
  resetCodeToExample(): void;
  /** Replaces the whole workspace, e.g. with the one saved in the browser. */
  loadWorkspace(document: WorkspaceDocument): void;
  /** Applies `change` to the saved document and recomputes what depends on it. */
  updateDocument(change: (document: WorkspaceDocument) => WorkspaceDocument): void;
}

const DEFAULT_FUNCTION_ID = 'fn-1';

export const DEFAULT_WORKSPACE: WorkspaceDocument = {
  functions: [createFunctionDraft(DEFAULT_FUNCTION_ID, DEFAULT_FUNCTION_NAME)],
  selectedFunctionId: DEFAULT_FUNCTION_ID,
  account: DEFAULT_ACCOUNT,
  eventTemplateId: DEFAULT_EVENT_TEMPLATE_ID,
  eventText: findEventTemplate(DEFAULT_EVENT_TEMPLATE_ID)?.text ?? '{}',
};

/** Parses the test event text; an error message gives the line and column of the fault. */
export function parseEventText(text: string): EventParse {
  if (text.trim() === '') {
    return { ok: false, message: 'The test event is empty. Enter a JSON value, e.g. {} for an empty event.' };
  }
  try {
    return { ok: true, event: JSON.parse(text) as unknown };
  } catch (error) {
    // JSON.parse's own message differs between engines and may quote the whole text.
    const located = findJsonSyntaxError(text);
    const where = located ? ` at line ${located.line}, column ${located.column}: ${located.message}` : `: ${(error as Error).message}`;
    return { ok: false, message: `The test event is not valid JSON${where}. Fix the JSON to invoke.` };
  }
}

/** Returns the selected function's draft, or the first one when the selection is stale. */
export function selectedDraft(document: WorkspaceDocument): FunctionDraft {
  return document.functions.find((draft) => draft.id === document.selectedFunctionId) ?? document.functions[0]!;
}

/** `next` when it has the same fields as `previous`, else `previous`: keeps identity when nothing changed. */
function sameOr<T extends object>(previous: T | undefined, next: T): T {
  if (!previous) return next;
  const keys = Object.keys(next) as (keyof T)[];
  const same = keys.length === Object.keys(previous).length && keys.every((key) => previous[key] === next[key]);
  return same ? previous : next;
}

const EMPTY_ERRORS: FieldErrors = {};

/**
 * The workspace part of the store for `document`: its typed values applied where valid, the
 * selected function mirrored, and derived values computed. `previous` lends its objects where
 * their value is unchanged.
 */
function workspaceStateOf(document: WorkspaceDocument, previous?: WorkspaceSlice) {
  const resolved = reconcile(document);
  const next = resolved.document;
  const selected = selectedDraft(next);

  let scenario = scenarioOfWorkspace(next);
  if (previous && JSON.stringify(previous.scenario) === JSON.stringify(scenario)) scenario = previous.scenario;
  const spec = scenario.functions.find((fn) => fn.name === selected.validSettings.name)!;

  return {
    functions: next.functions,
    selectedFunctionId: selected.id,
    account: next.account,
    eventTemplateId: next.eventTemplateId,
    eventText: next.eventText,
    resources: next.resources,
    scenarioFields: next.scenarioFields,
    code: selected.code,
    runtime: selected.runtime,
    architecture: selected.architecture,
    fieldText: selected.fieldText,
    validSettings: selected.validSettings,
    fieldErrors: sameOr(previous?.fieldErrors, resolved.functionErrors[selected.id] ?? EMPTY_ERRORS),
    functionSpec: sameOr(previous?.functionSpec, spec),
    functionErrors: resolved.functionErrors,
    accountErrors: sameOr(previous?.accountErrors, resolved.accountErrors),
    scenario,
  };
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  /** Applies a change to the document and recomputes what depends on it. */
  const update = (change: (document: WorkspaceDocument) => WorkspaceDocument) => {
    const state = get();
    set(workspaceStateOf(change(documentOf(state)), state));
  };

  /** Replaces the selected function's draft with `change` applied to it. */
  const updateSelected = (change: (draft: FunctionDraft) => FunctionDraft) =>
    update((document) => {
      const selected = selectedDraft(document);
      return { ...document, functions: document.functions.map((draft) => (draft === selected ? change(draft) : draft)) };
    });

  return {
    ...workspaceStateOf(DEFAULT_WORKSPACE),
    eventParse: parseEventText(DEFAULT_WORKSPACE.eventText),
    codeProblems: [],

    setCode: (code) => {
      if (code !== get().code) updateSelected((draft) => ({ ...draft, code }));
    },

    setSettingsField: (field, text) => {
      if (text !== get().fieldText[field]) updateSelected((draft) => ({ ...draft, fieldText: { ...draft.fieldText, [field]: text } }));
    },

    setRuntime: (runtime) => {
      if (runtime !== get().runtime) updateSelected((draft) => ({ ...draft, runtime }));
    },

    setArchitecture: (architecture) => {
      if (architecture !== get().architecture) updateSelected((draft) => ({ ...draft, architecture }));
    },

    setAccountField: (field, text) => {
      if (text === get().account.fieldText[field]) return;
      update((document) => ({
        ...document,
        account: { ...document.account, fieldText: { ...document.account.fieldText, [field]: text } },
      }));
    },

    setScaling: (scaling) =>
      update((document) => ({
        ...document,
        account: { ...document.account, validSettings: { ...document.account.validSettings, scaling } },
      })),

    setIdleReclaim: (idleReclaim) =>
      update((document) => ({
        ...document,
        account: { ...document.account, validSettings: { ...document.account.validSettings, idleReclaim } },
      })),

    setInitBilled: (initBilled) =>
      update((document) => ({
        ...document,
        account: { ...document.account, validSettings: { ...document.account.validSettings, initBilled } },
      })),

    addFunction: () => {
      update((document) => {
        const draft = createFunctionDraft(
          unusedFunctionId(document.functions),
          unusedFunctionName(document.functions, 'function'),
        );
        return { ...document, functions: [...document.functions, draft], selectedFunctionId: draft.id };
      });
      set({ codeProblems: [] });
    },

    removeFunction: (id) => {
      const { functions, selectedFunctionId } = get();
      if (functions.length <= 1 || !functions.some((draft) => draft.id === id)) return;
      const index = functions.findIndex((draft) => draft.id === id);
      const remaining = functions.filter((draft) => draft.id !== id);
      const selected = selectedFunctionId === id ? remaining[Math.max(0, index - 1)]!.id : selectedFunctionId;
      update((document) => ({ ...document, functions: remaining, selectedFunctionId: selected }));
      if (selected !== selectedFunctionId) set({ codeProblems: [] });
    },

    selectFunction: (id) => {
      if (id === get().selectedFunctionId || !get().functions.some((draft) => draft.id === id)) return;
      update((document) => ({ ...document, selectedFunctionId: id }));
      // The editor checks the newly shown code again.
      set({ codeProblems: [] });
    },

    selectEventTemplate: (id) => {
      const template = findEventTemplate(id);
      if (!template) return;
      set({ eventTemplateId: id, eventText: template.text, eventParse: parseEventText(template.text) });
    },

    setEventText: (eventText) => {
      if (eventText !== get().eventText) set({ eventText, eventParse: parseEventText(eventText) });
    },

    setCodeProblems: (codeProblems) => set({ codeProblems }),

    resetCodeToExample: () => {
      if (get().code !== EXAMPLE_HANDLER_CODE) updateSelected((draft) => ({ ...draft, code: EXAMPLE_HANDLER_CODE }));
    },

    loadWorkspace: (document) =>
      set({ ...workspaceStateOf(document), eventParse: parseEventText(document.eventText), codeProblems: [] }),

    updateDocument: update,
  };
};

/** The saved part of the workspace state. */
export function documentOf(state: WorkspaceDocument): WorkspaceDocument {
  return {
    functions: state.functions,
    selectedFunctionId: state.selectedFunctionId,
    account: state.account,
    eventTemplateId: state.eventTemplateId,
    eventText: state.eventText,
    ...(state.resources ? { resources: state.resources } : {}),
    ...(state.scenarioFields ? { scenarioFields: state.scenarioFields } : {}),
  };
}

// Named selectors.

export const selectFunctionSpec = (state: WorkspaceSlice) => state.functionSpec;
export const selectEventParse = (state: WorkspaceSlice) => state.eventParse;
export const selectWorkspaceScenario = (state: WorkspaceSlice) => state.scenario;
export const selectFunctions = (state: WorkspaceSlice) => state.functions;
export const selectSelectedFunctionId = (state: WorkspaceSlice) => state.selectedFunctionId;
export const selectAccount = (state: WorkspaceSlice) => state.account;
export const selectAccountErrors = (state: WorkspaceSlice) => state.accountErrors;
export const selectFunctionErrors = (state: WorkspaceSlice) => state.functionErrors;

/**
 * Returns why invoking is not possible right now, as a message naming what to fix, or undefined
 * when the code and the test event are ready.
 */
export function selectInvokeBlocker(state: WorkspaceSlice): string | undefined {
  if (state.code.trim() === '') return 'The code is empty. Write a handler, or use "Reset to example".';
  const problem = state.codeProblems[0];
  if (problem) {
    const message = /[.!?]$/.test(problem.message) ? problem.message : `${problem.message}.`;
    return `The code has a syntax error on line ${problem.line}, column ${problem.column}: ${message} Fix it to invoke.`;
  }
  if (!state.eventParse.ok) return state.eventParse.message;
  return undefined;
}

// Constants the views need, passed through because components do not import the engine or
// the scenario directly.
export { EVENT_TEMPLATES, type EventTemplate } from '../scenario/templates';
export { RUNTIMES, RUNTIME_IDS, type Architecture, type RuntimeId } from '../engine/runtimes';
export { MEMORY_MB, TIMEOUT_S, ACCOUNT_CONCURRENCY } from '../engine/limits';
