import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { EXAMPLE_HANDLER_CODE } from '../scenario/templates';
import type { AppState } from './index';
import {
  readSavedWorkspace,
  saveWorkspaceOnChange,
  serializeWorkspace,
  WORKSPACE_STORAGE_KEY,
  type WorkspaceStorage,
} from './workspace-persistence';
import { createWorkspaceSlice, selectInvokeBlocker, type WorkspaceSlice } from './workspace-slice';

function createWorkspaceStore() {
  return createStore<WorkspaceSlice>()((set, get, api) =>
    createWorkspaceSlice(set as never, get as () => AppState, api as never),
  );
}

class MemoryStorage implements WorkspaceStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('workspace settings fields', () => {
  it('starts with the AWS defaults', () => {
    const spec = createWorkspaceStore().getState().functionSpec;
    expect(spec.memoryMb).toBe(128);
    expect(spec.timeoutSeconds).toBe(3);
    expect(spec.code).toBe(EXAMPLE_HANDLER_CODE);
  });

  it('keeps the last valid memory while the text is invalid', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('memoryMb', '512');
    store.getState().setSettingsField('memoryMb', '64');
    const state = store.getState();
    expect(state.fieldText.memoryMb).toBe('64');
    expect(state.fieldErrors.memoryMb).toBe('Memory 64 MB is out of range. Choose from 128 to 10,240 MB.');
    expect(state.functionSpec.memoryMb).toBe(512);
  });

  it('clears the error when the text becomes valid', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('timeoutSeconds', '901');
    expect(store.getState().fieldErrors.timeoutSeconds).toBe('Timeout 901 s is out of range. Choose from 1 to 900 seconds.');
    store.getState().setSettingsField('timeoutSeconds', '900');
    expect(store.getState().fieldErrors.timeoutSeconds).toBeUndefined();
    expect(store.getState().functionSpec.timeoutSeconds).toBe(900);
  });

  it('accepts digit grouping in numbers', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('memoryMb', '10,240');
    expect(store.getState().functionSpec.memoryMb).toBe(10_240);
  });

  it('rejects empty and fractional numbers', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('memoryMb', '');
    expect(store.getState().fieldErrors.memoryMb).toMatch(/^Memory must be a number of MB/);
    store.getState().setSettingsField('memoryMb', '200.5');
    expect(store.getState().fieldErrors.memoryMb).toMatch(/not a whole number/);
    expect(store.getState().functionSpec.memoryMb).toBe(128);
  });

  it('keeps the function spec identity when nothing changes', () => {
    const store = createWorkspaceStore();
    const before = store.getState().functionSpec;
    store.getState().setSettingsField('memoryMb', '128');
    store.getState().setSettingsField('memoryMb', '12');
    store.getState().setEventText('{"a": 1}');
    expect(store.getState().functionSpec).toBe(before);
    store.getState().setRuntime('nodejs22.x');
    expect(store.getState().functionSpec).not.toBe(before);
    expect(store.getState().functionSpec.runtime).toBe('nodejs22.x');
  });

  it('rejects an invalid function name', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('name', 'my function');
    expect(store.getState().fieldErrors.name).toMatch(/is invalid/);
    expect(store.getState().functionSpec.name).toBe('hello-lambda');
  });
});

describe('workspace test event', () => {
  it('blocks invoking on invalid JSON and keeps the text', () => {
    const store = createWorkspaceStore();
    store.getState().setEventText('{"a": }');
    const state = store.getState();
    expect(state.eventText).toBe('{"a": }');
    expect(state.eventParse.ok).toBe(false);
    expect(selectInvokeBlocker(state)).toMatch(/^The test event is not valid JSON at line 1, column 7: .+\. Fix the JSON to invoke\.$/);
  });

  it('loads a template', () => {
    const store = createWorkspaceStore();
    store.getState().selectEventTemplate('blank');
    expect(store.getState().eventText).toBe('{}');
    expect(store.getState().eventParse).toEqual({ ok: true, event: {} });
    expect(selectInvokeBlocker(store.getState())).toBeUndefined();
  });

  it('blocks invoking on a syntax error in the code', () => {
    const store = createWorkspaceStore();
    store.getState().setCodeProblems([{ line: 3, column: 7, message: "')' expected." }]);
    expect(selectInvokeBlocker(store.getState())).toBe(
      "The code has a syntax error on line 3, column 7: ')' expected. Fix it to invoke.",
    );
  });

  it('blocks invoking on empty code', () => {
    const store = createWorkspaceStore();
    store.getState().setCode('  \n');
    expect(selectInvokeBlocker(store.getState())).toMatch(/^The code is empty/);
  });
});

describe('workspace persistence', () => {
  it('round-trips the edited workspace', () => {
    const storage = new MemoryStorage();
    const first = createWorkspaceStore();
    first.getState().setCode('export const handler = async () => 42;\n');
    first.getState().setRuntime('nodejs22.x');
    first.getState().setArchitecture('arm64');
    first.getState().setSettingsField('memoryMb', '1024');
    first.getState().setSettingsField('memoryMb', '99999');
    first.getState().selectEventTemplate('sqs');
    first.getState().setEventText('{"broken": ');
    storage.setItem(WORKSPACE_STORAGE_KEY, serializeWorkspace(first.getState()));

    const saved = readSavedWorkspace(storage);
    expect(saved).toBeDefined();
    const second = createWorkspaceStore();
    second.getState().loadWorkspace(saved!);
    const state = second.getState();
    expect(state.code).toBe('export const handler = async () => 42;\n');
    expect(state.functionSpec.runtime).toBe('nodejs22.x');
    expect(state.functionSpec.architecture).toBe('arm64');
    expect(state.functionSpec.memoryMb).toBe(1024);
    expect(state.fieldText.memoryMb).toBe('99999');
    expect(state.fieldErrors.memoryMb).toMatch(/out of range/);
    expect(state.eventTemplateId).toBe('sqs');
    expect(state.eventText).toBe('{"broken": ');
    expect(state.eventParse.ok).toBe(false);
  });

  it('ignores a corrupt or foreign save', () => {
    const storage = new MemoryStorage();
    storage.setItem(WORKSPACE_STORAGE_KEY, '{not json');
    expect(readSavedWorkspace(storage)).toBeUndefined();
    storage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ formatVersion: 99, code: 'x' }));
    expect(readSavedWorkspace(storage)).toBeUndefined();
  });

  it('falls back per field on bad values', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      WORKSPACE_STORAGE_KEY,
      JSON.stringify({ formatVersion: 1, code: 'kept', runtime: 'python3.13', validSettings: { memoryMb: 5 } }),
    );
    const saved = readSavedWorkspace(storage)!;
    expect(saved.functions).toHaveLength(1);
    expect(saved.functions[0]!.code).toBe('kept');
    expect(saved.functions[0]!.runtime).toBe('nodejs24.x');
    expect(saved.functions[0]!.validSettings.memoryMb).toBe(128);
  });

  it('saves after changes, not after unrelated updates', () => {
    const storage = new MemoryStorage();
    const store = createWorkspaceStore();
    const saver = saveWorkspaceOnChange(store, storage, 10_000);
    store.getState().setCodeProblems([]);
    saver.flush();
    expect(storage.items.size).toBe(0);
    store.getState().setCode('export const handler = () => 1;');
    saver.flush();
    expect(readSavedWorkspace(storage)?.functions[0]!.code).toBe('export const handler = () => 1;');
    saver.stop();
  });
});
