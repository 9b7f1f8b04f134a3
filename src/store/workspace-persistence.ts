/**
 * Saving the workspace in the browser (localStorage) as it changes, and restoring it on load.
 * The storage is passed in, so tests use an in-memory one. A saved document that does not
 * match the current shape is ignored field by field: each bad field falls back to its default.
 *
 * Format 1 held a single function at the top level; it is read as a workspace with that one
 * function and the default account settings.
 */
import { RUNTIME_IDS, type RuntimeId } from '../engine/runtimes';
import { findEventTemplate } from '../scenario/templates';
import {
  ACCOUNT_FIELDS,
  BURST_OPTIONS,
  DEFAULT_ACCOUNT,
  DEFAULT_FUNCTION_NAME,
  IDLE_RECLAIM_OPTIONS,
  SETTINGS_FIELDS,
  checkAccountField,
  checkSettingsField,
  createFunctionDraft,
  parseWorkspaceScenario,
  unusedFunctionName,
  type AccountDraft,
  type FunctionDraft,
  type ScalingChoice,
  type SettingsField,
  type ValidSettings,
  type WorkspaceDocument,
} from './workspace-model';
import { DEFAULT_WORKSPACE, documentOf, type WorkspaceSlice } from './workspace-slice';
import { restoreAsync, restoreResources } from './async-persistence';
import { restoreScenarioFields } from './scenario-fields';

export const WORKSPACE_STORAGE_KEY = 'lambda-playground:workspace';
const FORMAT_VERSION = 2;

/** The part of the Web Storage API the workspace uses. */
export type WorkspaceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function serializeWorkspace(document: WorkspaceDocument): string {
  return JSON.stringify({ formatVersion: FORMAT_VERSION, ...documentOf(document) });
}

/** Reads the workspace saved under `key`, or undefined when nothing (usable) is saved. */
export function readSavedWorkspace(storage: WorkspaceStorage, key = WORKSPACE_STORAGE_KEY): WorkspaceDocument | undefined {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    console.warn('workspace: reading the saved workspace failed; starting from the example.', error);
    return undefined;
  }
  if (text === null) return undefined;
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    console.warn('workspace: the saved workspace is not valid JSON; starting from the example.');
    return undefined;
  }
  if (!isRecord(saved)) return undefined;
  if (saved.formatVersion === 1) return restoreDocument(migrateFromVersion1(saved));
  if (saved.formatVersion === FORMAT_VERSION) return restoreDocument(saved);
  return undefined;
}

/** Format 1's single top-level function as the `functions` list of format 2. */
function migrateFromVersion1(saved: Record<string, unknown>): Record<string, unknown> {
  const { code, runtime, architecture, fieldText, validSettings, ...rest } = saved;
  return { ...rest, functions: [{ id: 'fn-1', code, runtime, architecture, fieldText, validSettings }], selectedFunctionId: 'fn-1' };
}

function restoreDocument(saved: Record<string, unknown>): WorkspaceDocument {
  const fallback = DEFAULT_WORKSPACE;
  const functions: FunctionDraft[] = [];
  if (Array.isArray(saved.functions)) {
    for (const item of saved.functions) {
      if (isRecord(item)) functions.push(restoreFunction(item, functions));
    }
  }
  if (functions.length === 0) functions.push(...fallback.functions);

  const templateId =
    typeof saved.eventTemplateId === 'string' && findEventTemplate(saved.eventTemplateId)
      ? saved.eventTemplateId
      : fallback.eventTemplateId;
  const selectedFunctionId = functions.find((draft) => draft.id === saved.selectedFunctionId)?.id ?? functions[0]!.id;

  const document: WorkspaceDocument = {
    functions,
    selectedFunctionId,
    account: restoreAccount(isRecord(saved.account) ? saved.account : {}),
    eventTemplateId: templateId,
    eventText: typeof saved.eventText === 'string' ? saved.eventText : fallback.eventText,
    resources: restoreResources(saved.resources),
    scenarioFields: restoreScenarioFields(saved.scenarioFields),
  };
  return consistent(document);
}

function restoreFunction(saved: Record<string, unknown>, earlier: readonly FunctionDraft[]): FunctionDraft {
  const id = typeof saved.id === 'string' && !earlier.some((draft) => draft.id === saved.id) ? saved.id : `fn-${earlier.length + 1}`;
  const fallback = createFunctionDraft(id, unusedFunctionName(earlier, DEFAULT_FUNCTION_NAME));
  const savedText = isRecord(saved.fieldText) ? saved.fieldText : {};
  const savedValid = isRecord(saved.validSettings) ? saved.validSettings : {};

  const fieldText = {} as Record<SettingsField, string>;
  const validSettings = { ...fallback.validSettings } as Record<SettingsField, unknown>;
  for (const field of SETTINGS_FIELDS) {
    fieldText[field] = typeof savedText[field] === 'string' ? savedText[field] : fallback.fieldText[field];
    // A valid value counts only if it passes the same check as typed text.
    const value = savedValid[field];
    if (value === undefined || value === null) continue;
    const check = checkSettingsField(field, String(value));
    if (check.ok && typeof check.value === typeof value) validSettings[field] = check.value;
  }
  // Names must stay unique; a clash falls back to a fresh name.
  if (earlier.some((draft) => draft.validSettings.name === validSettings.name)) validSettings.name = fallback.validSettings.name;

  return {
    id,
    code: typeof saved.code === 'string' ? saved.code : fallback.code,
    runtime: RUNTIME_IDS.includes(saved.runtime as RuntimeId) ? (saved.runtime as RuntimeId) : fallback.runtime,
    architecture: saved.architecture === 'arm64' || saved.architecture === 'x86_64' ? saved.architecture : fallback.architecture,
    fieldText,
    validSettings: validSettings as unknown as ValidSettings,
    async: restoreAsync(saved.async),
  };
}

function restoreAccount(saved: Record<string, unknown>): AccountDraft {
  const fallback = DEFAULT_ACCOUNT;
  const savedText = isRecord(saved.fieldText) ? saved.fieldText : {};
  const savedValid = isRecord(saved.validSettings) ? saved.validSettings : {};
  const fieldText = { ...fallback.fieldText };
  const validSettings = { ...fallback.validSettings };
  for (const field of ACCOUNT_FIELDS) {
    if (typeof savedText[field] === 'string') fieldText[field] = savedText[field];
    const value = savedValid[field];
    if (typeof value === 'number' && checkAccountField(field, String(value)).ok) validSettings[field] = value;
  }
  validSettings.scaling = restoreScaling(savedValid.scaling);
  const idleReclaim = IDLE_RECLAIM_OPTIONS.find((option) => option.value === savedValid.idleReclaim)?.value;
  const initBilled = typeof savedValid.initBilled === 'boolean' ? savedValid.initBilled : undefined;
  return { fieldText, validSettings: { ...validSettings, idleReclaim, initBilled } };
}

function restoreScaling(saved: unknown): ScalingChoice {
  if (isRecord(saved) && saved.kind === 'account-burst' && typeof saved.burst === 'number' && BURST_OPTIONS.includes(saved.burst)) {
    return { kind: 'account-burst', burst: saved.burst };
  }
  return { kind: 'per-function' };
}

/**
 * The document with valid values that form a valid scenario together. Values valid one by one
 * may still break a rule together (reserved concurrency above what the account allows); the
 * concurrency values then fall back to their defaults, and their typed text is kept and tried
 * again when the workspace loads.
 */
function consistent(document: WorkspaceDocument): WorkspaceDocument {
  if (parseWorkspaceScenario(document).success) return document;
  const reset: WorkspaceDocument = {
    ...document,
    account: { ...document.account, validSettings: DEFAULT_ACCOUNT.validSettings },
    functions: document.functions.map((draft) => ({
      ...draft,
      validSettings: { ...draft.validSettings, reservedConcurrency: undefined, provisionedConcurrency: 0 },
    })),
  };
  if (parseWorkspaceScenario(reset).success) return reset;
  console.warn('workspace: the saved workspace does not form a valid scenario; starting from the example.');
  return DEFAULT_WORKSPACE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface SubscribableStore {
  getState(): WorkspaceSlice;
  subscribe(listener: (state: WorkspaceSlice, previous: WorkspaceSlice) => void): () => void;
}

export interface WorkspaceSaver {
  /** Writes a pending change at once, e.g. before the page unloads. */
  flush(): void;
  stop(): void;
}

/**
 * Saves the workspace `delayMs` after the last change to it. Changes to other parts of the
 * store (the run, the playhead) do not trigger a save.
 */
export function saveWorkspaceOnChange(store: SubscribableStore, storage: WorkspaceStorage, delayMs = 400): WorkspaceSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;

  const write = () => {
    timer = undefined;
    try {
      storage.setItem(WORKSPACE_STORAGE_KEY, serializeWorkspace(store.getState()));
    } catch (error) {
      // Warn once: a full or disabled storage fails on every keystroke.
      if (!warned) console.warn('workspace: saving the workspace in the browser failed; changes are kept in this tab only.', error);
      warned = true;
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (!documentChanged(state, previous)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });

  return {
    flush: () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      write();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      unsubscribe();
    },
  };
}

function documentChanged(state: WorkspaceDocument, previous: WorkspaceDocument): boolean {
  return (
    state.functions !== previous.functions ||
    state.selectedFunctionId !== previous.selectedFunctionId ||
    state.account !== previous.account ||
    state.eventTemplateId !== previous.eventTemplateId ||
    state.eventText !== previous.eventText ||
    state.resources !== previous.resources ||
    state.scenarioFields !== previous.scenarioFields
  );
}
