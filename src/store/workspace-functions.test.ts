import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AppState } from './index';
import { readSavedWorkspace, serializeWorkspace, WORKSPACE_STORAGE_KEY, type WorkspaceStorage } from './workspace-persistence';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

function createWorkspaceStore() {
  return createStore<WorkspaceSlice>()((set, get, api) =>
    createWorkspaceSlice(set as never, get as () => AppState, api as never),
  );
}

function memoryStorage(items: Record<string, string> = {}): WorkspaceStorage & { items: Map<string, string> } {
  const map = new Map(Object.entries(items));
  return { items: map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

describe('workspace functions', () => {
  it('adds a function with a unique name and selects it', () => {
    const store = createWorkspaceStore();
    store.getState().addFunction();
    store.getState().addFunction();
    const state = store.getState();
    expect(state.functions.map((draft) => draft.validSettings.name)).toEqual(['hello-lambda', 'function', 'function-2']);
    expect(state.selectedFunctionId).toBe(state.functions[2]!.id);
    expect(state.functionSpec.name).toBe('function-2');
    expect(state.scenario.functions.map((fn) => fn.name)).toEqual(['hello-lambda', 'function', 'function-2']);
  });

  it('edits only the selected function', () => {
    const store = createWorkspaceStore();
    store.getState().addFunction();
    store.getState().setCode('export const handler = async () => 2;');
    store.getState().setSettingsField('memoryMb', '512');
    const [first, second] = store.getState().scenario.functions;
    expect(first!.memoryMb).toBe(128);
    expect(second!.memoryMb).toBe(512);
    expect(second!.code).toBe('export const handler = async () => 2;');

    store.getState().selectFunction(store.getState().functions[0]!.id);
    expect(store.getState().code).not.toBe('export const handler = async () => 2;');
    expect(store.getState().fieldText.memoryMb).toBe('128');
  });

  it('renames through the name field', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('name', 'orders');
    expect(store.getState().functions[0]!.validSettings.name).toBe('orders');
    expect(store.getState().scenario.functions[0]!.name).toBe('orders');
  });

  it('rejects a duplicate name with the schema message', () => {
    const store = createWorkspaceStore();
    store.getState().addFunction();
    store.getState().setSettingsField('name', 'hello-lambda');
    const state = store.getState();
    expect(state.fieldErrors.name).toBe('Function name "hello-lambda" is used twice. Give each function its own name.');
    expect(state.fieldText.name).toBe('hello-lambda');
    expect(state.functionSpec.name).toBe('function');
  });

  it('removes a function and selects its neighbour', () => {
    const store = createWorkspaceStore();
    store.getState().addFunction();
    const added = store.getState().selectedFunctionId;
    store.getState().removeFunction(added);
    expect(store.getState().functions).toHaveLength(1);
    expect(store.getState().selectedFunctionId).toBe(store.getState().functions[0]!.id);
  });

  it('keeps the last function', () => {
    const store = createWorkspaceStore();
    store.getState().removeFunction(store.getState().selectedFunctionId);
    expect(store.getState().functions).toHaveLength(1);
  });

  it('keeps the scenario identity when its value is unchanged', () => {
    const store = createWorkspaceStore();
    const before = store.getState().scenario;
    store.getState().addFunction();
    const withTwo = store.getState().scenario;
    expect(withTwo).not.toBe(before);
    store.getState().selectFunction(store.getState().functions[0]!.id);
    store.getState().setSettingsField('memoryMb', '12');
    expect(store.getState().scenario).toBe(withTwo);
  });
});

describe('workspace concurrency settings', () => {
  it('applies reserved and provisioned concurrency', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '5');
    store.getState().setSettingsField('provisionedConcurrency', '2');
    const spec = store.getState().scenario.functions[0]!;
    expect(spec.reservedConcurrency).toBe(5);
    expect(spec.provisionedConcurrency).toBe(2);
    expect(store.getState().fieldErrors).toEqual({});
  });

  it('reads an empty reserved field as no reservation and accepts 0', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '0');
    expect(store.getState().scenario.functions[0]!.reservedConcurrency).toBe(0);
    store.getState().setSettingsField('reservedConcurrency', '');
    expect(store.getState().scenario.functions[0]!.reservedConcurrency).toBeUndefined();
  });

  it('rejects reserved concurrency that leaves less than the unreserved minimum', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '950');
    const state = store.getState();
    expect(state.fieldErrors.reservedConcurrency).toMatch(
      /^Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of \[100\]\./,
    );
    expect(state.fieldText.reservedConcurrency).toBe('950');
    expect(state.scenario.functions[0]!.reservedConcurrency).toBeUndefined();
  });

  it('applies a rejected value once the account allows it', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '950');
    store.getState().setAccountField('concurrencyLimit', '2,000');
    const state = store.getState();
    expect(state.fieldErrors.reservedConcurrency).toBeUndefined();
    expect(state.scenario.functions[0]!.reservedConcurrency).toBe(950);
    expect(state.scenario.settings.account.concurrencyLimit).toBe(2000);
  });

  it('rejects provisioned concurrency above reserved', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '5');
    store.getState().setSettingsField('provisionedConcurrency', '6');
    expect(store.getState().fieldErrors.provisionedConcurrency).toMatch(
      /^Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function\./,
    );
    expect(store.getState().scenario.functions[0]!.provisionedConcurrency).toBe(0);
  });

  it('rejects text that is not a whole number', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', 'ten');
    expect(store.getState().fieldErrors.reservedConcurrency).toBe(
      'Reserved concurrency "ten" is not a number. Enter a whole number, 0 or more, or leave it empty for none.',
    );
    store.getState().setSettingsField('provisionedConcurrency', '1.5');
    expect(store.getState().fieldErrors.provisionedConcurrency).toBe(
      'Provisioned concurrency "1.5" is not a whole number. Enter 0 or more, or leave it empty for none.',
    );
  });

  it('rejects an account limit that breaks a reservation, on the limit field', () => {
    const store = createWorkspaceStore();
    store.getState().setSettingsField('reservedConcurrency', '800');
    store.getState().setAccountField('concurrencyLimit', '500');
    const state = store.getState();
    expect(state.accountErrors.concurrencyLimit).toMatch(/^Specified ReservedConcurrentExecutions/);
    expect(state.account.fieldText.concurrencyLimit).toBe('500');
    expect(state.scenario.settings.account.concurrencyLimit).toBe(1000);
  });

  it('rejects an unreserved minimum above the limit', () => {
    const store = createWorkspaceStore();
    store.getState().setAccountField('unreservedMinimum', '1,500');
    expect(store.getState().accountErrors.unreservedMinimum).toBe(
      'Unreserved minimum 1,500 is greater than the account concurrency limit 1,000. Set it to at most the limit.',
    );
  });

  it('requires the account limit', () => {
    const store = createWorkspaceStore();
    store.getState().setAccountField('concurrencyLimit', ' ');
    expect(store.getState().accountErrors.concurrencyLimit).toBe(
      'The account concurrency limit is required. Enter a whole number, e.g. 1000.',
    );
  });

  it('switches the scaling model', () => {
    const store = createWorkspaceStore();
    store.getState().setScaling({ kind: 'account-burst', burst: 3000 });
    expect(store.getState().scenario.settings.account.scaling).toBe('account-burst');
    expect(store.getState().scenario.settings.account.burstConcurrency).toBe(3000);
  });

  it('sets idle lifetime and INIT billing', () => {
    const store = createWorkspaceStore();
    expect(store.getState().scenario.settings.idleReclaimMinutes).toEqual({ min: 5, max: 7 });
    expect(store.getState().scenario.settings.initBilled).toBe(true);

    store.getState().setIdleReclaim('fixed-2019');
    store.getState().setInitBilled(false);

    expect(store.getState().scenario.settings.idleReclaimMinutes).toEqual({ min: 10, max: 10 });
    expect(store.getState().scenario.settings.initBilled).toBe(false);
  });

  it('keeps idle lifetime and INIT billing across a reload', () => {
    const first = createWorkspaceStore();
    first.getState().setIdleReclaim('early-2019');
    first.getState().setInitBilled(false);
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: serializeWorkspace(first.getState()) });

    const second = createWorkspaceStore();
    second.getState().loadWorkspace(readSavedWorkspace(storage)!);

    expect(second.getState().scenario.settings.idleReclaimMinutes).toEqual({ min: 25, max: 65 });
    expect(second.getState().scenario.settings.initBilled).toBe(false);
  });
});

describe('workspace saved formats', () => {
  it('round-trips several functions and the account', () => {
    const first = createWorkspaceStore();
    first.getState().addFunction();
    first.getState().setSettingsField('reservedConcurrency', '5');
    first.getState().setSettingsField('provisionedConcurrency', '9');
    first.getState().setAccountField('concurrencyLimit', '10');
    first.getState().setAccountField('unreservedMinimum', '5');
    first.getState().setScaling({ kind: 'account-burst', burst: 500 });
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: serializeWorkspace(first.getState()) });

    const second = createWorkspaceStore();
    second.getState().loadWorkspace(readSavedWorkspace(storage)!);
    const state = second.getState();
    expect(state.functions.map((draft) => draft.id)).toEqual(first.getState().functions.map((draft) => draft.id));
    expect(state.selectedFunctionId).toBe(first.getState().selectedFunctionId);
    expect(state.scenario).toEqual(first.getState().scenario);
    expect(state.fieldText.provisionedConcurrency).toBe('9');
    expect(state.fieldErrors.provisionedConcurrency).toMatch(/should not be greater than/);
  });

  it('migrates the single-function format', () => {
    const version1 = {
      formatVersion: 1,
      code: 'export const handler = async () => "v1";\n',
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      fieldText: { name: 'legacy', memoryMb: '2048', timeoutSeconds: '9999' },
      validSettings: { name: 'legacy', memoryMb: 2048, timeoutSeconds: 30 },
      eventTemplateId: 'sqs',
      eventText: '{"v": 1}',
    };
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: JSON.stringify(version1) });
    const store = createWorkspaceStore();
    store.getState().loadWorkspace(readSavedWorkspace(storage)!);

    const state = store.getState();
    expect(state.functions).toHaveLength(1);
    expect(state.code).toBe('export const handler = async () => "v1";\n');
    expect(state.functionSpec).toMatchObject({ name: 'legacy', runtime: 'nodejs22.x', architecture: 'arm64', memoryMb: 2048, timeoutSeconds: 30 });
    expect(state.functionSpec.reservedConcurrency).toBeUndefined();
    expect(state.fieldText.timeoutSeconds).toBe('9999');
    expect(state.fieldErrors.timeoutSeconds).toMatch(/out of range/);
    expect(state.fieldText.reservedConcurrency).toBe('');
    expect(state.account.validSettings.concurrencyLimit).toBe(1000);
    expect(state.eventTemplateId).toBe('sqs');
    expect(state.eventText).toBe('{"v": 1}');
  });

  it('saves a migrated workspace in the new format', () => {
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: JSON.stringify({ formatVersion: 1, code: 'x' }) });
    const migrated = readSavedWorkspace(storage)!;
    const saved = JSON.parse(serializeWorkspace(migrated)) as { formatVersion: number; functions: unknown[] };
    expect(saved.formatVersion).toBe(2);
    expect(saved.functions).toHaveLength(1);
  });

  it('drops saved concurrency values that break the account rules together', () => {
    const store = createWorkspaceStore();
    const document = JSON.parse(serializeWorkspace(store.getState())) as {
      functions: { validSettings: Record<string, unknown>; fieldText: Record<string, string> }[];
      account: { validSettings: Record<string, unknown> };
    };
    document.functions[0]!.validSettings.reservedConcurrency = 900;
    document.functions[0]!.fieldText.reservedConcurrency = '900';
    document.account.validSettings.concurrencyLimit = 10;
    document.account.validSettings.unreservedMinimum = 10;
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: JSON.stringify(document) });

    store.getState().loadWorkspace(readSavedWorkspace(storage)!);
    const state = store.getState();
    expect(state.scenario.settings.account.concurrencyLimit).toBe(1000);
    // The typed text is kept and applied again, because the default account allows it.
    expect(state.scenario.functions[0]!.reservedConcurrency).toBe(900);
  });

  it('renames a saved duplicate function', () => {
    const store = createWorkspaceStore();
    store.getState().addFunction();
    const document = JSON.parse(serializeWorkspace(store.getState())) as { functions: { validSettings: { name: string } }[] };
    document.functions[1]!.validSettings.name = 'hello-lambda';
    const saved = readSavedWorkspace(memoryStorage({ [WORKSPACE_STORAGE_KEY]: JSON.stringify(document) }))!;
    expect(new Set(saved.functions.map((draft) => draft.validSettings.name)).size).toBe(2);
  });
});
