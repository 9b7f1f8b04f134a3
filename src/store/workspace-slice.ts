/**
 * What the person is editing: the function's code and settings, and the test event.
 *
 * Every settings field keeps the text as typed next to the last valid value, so an invalid
 * entry shows its message while the function keeps running with the value before it, and
 * nothing typed is lost. The function spec and the parsed event are kept as state (not
 * derived on read) so that their identity changes only when their value does.
 */
import type { StateCreator } from 'zustand';
import { MEMORY_MB, TIMEOUT_S } from '../engine/limits';
import { DEFAULT_RUNTIME, type Architecture, type RuntimeId } from '../engine/runtimes';
import { findJsonSyntaxError } from '../scenario/json-error';
import {
  functionNameSchema,
  memoryMbSchema,
  timeoutSecondsSchema,
  type FunctionSpec,
} from '../scenario/schema';
import {
  DEFAULT_EVENT_TEMPLATE_ID,
  EXAMPLE_HANDLER_CODE,
  findEventTemplate,
} from '../scenario/templates';
import type { AppState } from './index';

/** The settings fields typed as text. */
export type SettingsField = 'name' | 'memoryMb' | 'timeoutSeconds';

/** A syntax error the editor found in the code; lines and columns count from 1. */
export interface CodeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type EventParse =
  | { readonly ok: true; readonly event: unknown }
  | { readonly ok: false; readonly message: string };

/** The part of the workspace that is saved and restored. */
export interface WorkspaceDocument {
  readonly code: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly fieldText: Readonly<Record<SettingsField, string>>;
  /** The last valid value of each settings field. */
  readonly validSettings: ValidSettings;
  readonly eventTemplateId: string;
  readonly eventText: string;
}

export interface ValidSettings {
  readonly name: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

export interface WorkspaceSlice extends WorkspaceDocument {
  /** The function as it runs: the code and the valid settings in effect. */
  readonly functionSpec: FunctionSpec;
  /** Messages for the settings fields whose text is invalid, by field. */
  readonly fieldErrors: Readonly<Partial<Record<SettingsField, string>>>;
  readonly eventParse: EventParse;
  readonly codeProblems: readonly CodeProblem[];

  setCode(code: string): void;
  setSettingsField(field: SettingsField, text: string): void;
  setRuntime(runtime: RuntimeId): void;
  setArchitecture(architecture: Architecture): void;
  selectEventTemplate(id: string): void;
  setEventText(text: string): void;
  setCodeProblems(problems: readonly CodeProblem[]): void;
  resetCodeToExample(): void;
  /** Replaces the whole workspace, e.g. with the one saved in the browser. */
  loadWorkspace(document: WorkspaceDocument): void;
}

export const DEFAULT_FUNCTION_NAME = 'hello-lambda';

export const DEFAULT_WORKSPACE: WorkspaceDocument = {
  code: EXAMPLE_HANDLER_CODE,
  runtime: DEFAULT_RUNTIME,
  architecture: 'x86_64',
  fieldText: {
    name: DEFAULT_FUNCTION_NAME,
    memoryMb: String(MEMORY_MB.default),
    timeoutSeconds: String(TIMEOUT_S.default),
  },
  validSettings: {
    name: DEFAULT_FUNCTION_NAME,
    memoryMb: MEMORY_MB.default,
    timeoutSeconds: TIMEOUT_S.default,
  },
  eventTemplateId: DEFAULT_EVENT_TEMPLATE_ID,
  eventText: findEventTemplate(DEFAULT_EVENT_TEMPLATE_ID)?.text ?? '{}',
};

type FieldCheck = { ok: true; value: string | number } | { ok: false; message: string };

/** Checks the text of a settings field against the scenario schema. */
export function checkSettingsField(field: SettingsField, text: string): FieldCheck {
  if (field === 'name') {
    const parsed = functionNameSchema.safeParse(text.trim());
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstMessage(parsed.error) };
  }
  // Accept the digit grouping the range messages use, e.g. "10,240".
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  const input = cleaned === '' ? undefined : Number(cleaned);
  const schema = field === 'memoryMb' ? memoryMbSchema : timeoutSecondsSchema;
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstMessage(parsed.error) };
}

function firstMessage(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'The value is invalid.';
}

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

function toFunctionSpec(document: WorkspaceDocument): FunctionSpec {
  return {
    name: document.validSettings.name,
    runtime: document.runtime,
    architecture: document.architecture,
    handler: 'index.handler',
    memoryMb: document.validSettings.memoryMb,
    timeoutSeconds: document.validSettings.timeoutSeconds,
    code: document.code,
  };
}

function fieldErrorsOf(fieldText: WorkspaceDocument['fieldText']): Partial<Record<SettingsField, string>> {
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const field of ['name', 'memoryMb', 'timeoutSeconds'] as const) {
    const check = checkSettingsField(field, fieldText[field]);
    if (!check.ok) errors[field] = check.message;
  }
  return errors;
}

/** The full slice state for a document: its derived fields computed once. */
function stateOf(document: WorkspaceDocument) {
  return {
    ...document,
    functionSpec: toFunctionSpec(document),
    fieldErrors: fieldErrorsOf(document.fieldText),
    eventParse: parseEventText(document.eventText),
    codeProblems: [] as readonly CodeProblem[],
  };
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  /** Applies a change to the document and recomputes the function spec when it differs. */
  const updateFunction = (change: Partial<WorkspaceDocument>, extra: Partial<WorkspaceSlice> = {}) => {
    const next = { ...documentOf(get()), ...change };
    set({ ...change, ...extra, functionSpec: toFunctionSpec(next) });
  };

  return {
    ...stateOf(DEFAULT_WORKSPACE),

    setCode: (code) => {
      if (code !== get().code) updateFunction({ code });
    },

    setSettingsField: (field, text) => {
      const state = get();
      const fieldText = { ...state.fieldText, [field]: text };
      const fieldErrors = { ...state.fieldErrors };
      const check = checkSettingsField(field, text);
      if (!check.ok) {
        fieldErrors[field] = check.message;
        set({ fieldText, fieldErrors });
        return;
      }
      delete fieldErrors[field];
      if (state.validSettings[field] === check.value) {
        set({ fieldText, fieldErrors });
        return;
      }
      updateFunction({ fieldText, validSettings: { ...state.validSettings, [field]: check.value } }, { fieldErrors });
    },

    setRuntime: (runtime) => {
      if (runtime !== get().runtime) updateFunction({ runtime });
    },

    setArchitecture: (architecture) => {
      if (architecture !== get().architecture) updateFunction({ architecture });
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
      if (get().code !== EXAMPLE_HANDLER_CODE) updateFunction({ code: EXAMPLE_HANDLER_CODE });
    },

    loadWorkspace: (document) => set(stateOf(document)),
  };
};

/** The saved part of the workspace state. */
export function documentOf(state: WorkspaceDocument): WorkspaceDocument {
  return {
    code: state.code,
    runtime: state.runtime,
    architecture: state.architecture,
    fieldText: state.fieldText,
    validSettings: state.validSettings,
    eventTemplateId: state.eventTemplateId,
    eventText: state.eventText,
  };
}

// Named selectors.

export const selectFunctionSpec = (state: WorkspaceSlice) => state.functionSpec;
export const selectEventParse = (state: WorkspaceSlice) => state.eventParse;

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
export { MEMORY_MB, TIMEOUT_S } from '../engine/limits';
