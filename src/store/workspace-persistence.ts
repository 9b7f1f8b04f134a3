/**
 * Saving the workspace in the browser (localStorage) as it changes, and restoring it on load.
 * The storage is passed in, so tests use an in-memory one. A saved document that does not
 * match the current shape is ignored field by field: each bad field falls back to its default.
 */
import { RUNTIME_IDS, type RuntimeId } from '../engine/runtimes';
import { findEventTemplate } from '../scenario/templates';
import {
  DEFAULT_WORKSPACE,
  checkSettingsField,
  documentOf,
  type ValidSettings,
  type WorkspaceDocument,
  type WorkspaceSlice,
} from './workspace-slice';

export const WORKSPACE_STORAGE_KEY = 'lambda-playground:workspace';
const FORMAT_VERSION = 1;

/** The part of the Web Storage API the workspace uses. */
export type WorkspaceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function serializeWorkspace(document: WorkspaceDocument): string {
  return JSON.stringify({ formatVersion: FORMAT_VERSION, ...documentOf(document) });
}

/** Reads the saved workspace, or undefined when nothing (usable) is saved. */
export function readSavedWorkspace(storage: WorkspaceStorage): WorkspaceDocument | undefined {
  let text: string | null;
  try {
    text = storage.getItem(WORKSPACE_STORAGE_KEY);
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
  if (!isRecord(saved) || saved.formatVersion !== FORMAT_VERSION) return undefined;
  return restoreDocument(saved);
}

function restoreDocument(saved: Record<string, unknown>): WorkspaceDocument {
  const fallback = DEFAULT_WORKSPACE;
  const savedText = isRecord(saved.fieldText) ? saved.fieldText : {};
  const savedValid = isRecord(saved.validSettings) ? saved.validSettings : {};

  const textOf = (field: keyof ValidSettings) =>
    typeof savedText[field] === 'string' ? savedText[field] : fallback.fieldText[field];
  // A valid value counts only if it passes the same check as typed text.
  const validOf = <K extends keyof ValidSettings>(field: K): ValidSettings[K] => {
    const value = savedValid[field];
    if (value === undefined || value === null) return fallback.validSettings[field];
    const check = checkSettingsField(field, String(value));
    return check.ok && typeof check.value === typeof fallback.validSettings[field]
      ? (check.value as ValidSettings[K])
      : fallback.validSettings[field];
  };

  const templateId =
    typeof saved.eventTemplateId === 'string' && findEventTemplate(saved.eventTemplateId)
      ? saved.eventTemplateId
      : fallback.eventTemplateId;

  return {
    code: typeof saved.code === 'string' ? saved.code : fallback.code,
    runtime: RUNTIME_IDS.includes(saved.runtime as RuntimeId) ? (saved.runtime as RuntimeId) : fallback.runtime,
    architecture: saved.architecture === 'arm64' || saved.architecture === 'x86_64' ? saved.architecture : fallback.architecture,
    fieldText: { name: textOf('name'), memoryMb: textOf('memoryMb'), timeoutSeconds: textOf('timeoutSeconds') },
    validSettings: { name: validOf('name'), memoryMb: validOf('memoryMb'), timeoutSeconds: validOf('timeoutSeconds') },
    eventTemplateId: templateId,
    eventText: typeof saved.eventText === 'string' ? saved.eventText : fallback.eventText,
  };
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
    state.code !== previous.code ||
    state.runtime !== previous.runtime ||
    state.architecture !== previous.architecture ||
    state.fieldText !== previous.fieldText ||
    state.validSettings !== previous.validSettings ||
    state.eventTemplateId !== previous.eventTemplateId ||
    state.eventText !== previous.eventText
  );
}
