/**
 * The workspace as data: the functions being edited, the account's concurrency settings, and
 * the rules that turn typed text into the settings a run uses.
 *
 * Every settings field keeps the text as typed next to its last valid value. A typed value
 * takes effect only when it passes its own check and the whole scenario stays valid with it,
 * so cross-field rules (reserved concurrency must leave the unreserved minimum; provisioned
 * concurrency cannot exceed reserved) come from the scenario schema, with its messages.
 */
import { ACCOUNT_BURST_SCALING, ACCOUNT_CONCURRENCY, MEMORY_MB, TIMEOUT_S } from '../engine/limits';
import { DEFAULT_RUNTIME, type Architecture, type RuntimeId } from '../engine/runtimes';
import {
  functionNameSchema,
  memoryMbSchema,
  scenarioSchema,
  timeoutSecondsSchema,
  type Scenario,
  type ScenarioInput,
} from '../scenario/schema';
import { EXAMPLE_HANDLER_CODE } from '../scenario/templates';
import { isNumberText, notANumberMessage } from './field-messages';
import { isDefaultAsync, type AsyncDraft, type TargetChoice } from './async-model';
import { EMPTY_RESOURCES, resourcesInputOf, targetExists, type ResourcesDraft } from './resources-model';
import { scenarioFieldsInput, type ScenarioFields } from './scenario-fields';

/** The function settings typed as text. */
export type SettingsField = 'name' | 'memoryMb' | 'timeoutSeconds' | 'reservedConcurrency' | 'provisionedConcurrency';
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'name',
  'memoryMb',
  'timeoutSeconds',
  'reservedConcurrency',
  'provisionedConcurrency',
];

/** The account settings typed as text. */
export type AccountField = 'concurrencyLimit' | 'unreservedMinimum';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['concurrencyLimit', 'unreservedMinimum'];

export interface ValidSettings {
  readonly name: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Undefined: the function has no reserved concurrency and uses the unreserved pool. */
  readonly reservedConcurrency: number | undefined;
  readonly provisionedConcurrency: number;
}

/** One function as edited; `id` is local to the workspace and survives renaming. */
export interface FunctionDraft {
  readonly id: string;
  readonly code: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly fieldText: Readonly<Record<SettingsField, string>>;
  /** The last valid value of each settings field. */
  readonly validSettings: ValidSettings;
  /** Asynchronous invocation settings; AWS's defaults when absent. */
  readonly async?: AsyncDraft | undefined;
}

/**
 * How fast Lambda adds environments: `per-function`, the rule since 26 November 2023 (1,000
 * per function per 10 s), or `account-burst`, the older account-wide burst plus 500 a minute.
 */
export type ScalingChoice =
  | { readonly kind: 'per-function' }
  | { readonly kind: 'account-burst'; readonly burst: number };

/**
 * How long an idle environment lives before Lambda reclaims it. AWS documents none of these;
 * each is a published measurement: 5 to 7 minutes (January 2021, the default), exactly 10
 * minutes (July to August 2019), and 25 to 65 minutes (June 2019).
 */
export type IdleReclaimChoice = 'measured-2021' | 'fixed-2019' | 'early-2019';

export const IDLE_RECLAIM_OPTIONS: readonly {
  readonly value: IdleReclaimChoice;
  readonly label: string;
  readonly minutes: { readonly min: number; readonly max: number };
}[] = [
  { value: 'measured-2021', label: '5 to 7 min (measured 2021)', minutes: { min: 5, max: 7 } },
  { value: 'fixed-2019', label: '10 min (measured mid-2019)', minutes: { min: 10, max: 10 } },
  { value: 'early-2019', label: '25 to 65 min (measured early 2019)', minutes: { min: 25, max: 65 } },
];

export interface ValidAccountSettings {
  readonly concurrencyLimit: number;
  readonly unreservedMinimum: number;
  readonly scaling: ScalingChoice;
  /** Idle lifetime of environments; `measured-2021` when absent. */
  readonly idleReclaim?: IdleReclaimChoice | undefined;
  /** Whether INIT counts in Billed Duration, as since 1 August 2025; true when absent. */
  readonly initBilled?: boolean | undefined;
}

export interface AccountDraft {
  readonly fieldText: Readonly<Record<AccountField, string>>;
  readonly validSettings: ValidAccountSettings;
}

/** The part of the workspace that is saved and restored. */
export interface WorkspaceDocument {
  /** At least one function. */
  readonly functions: readonly FunctionDraft[];
  /** The function the editor and the settings show. */
  readonly selectedFunctionId: string;
  readonly account: AccountDraft;
  readonly eventTemplateId: string;
  readonly eventText: string;
  /** Queues, topics, buckets and rules; none when absent. */
  readonly resources?: ResourcesDraft | undefined;
  /** Scenario fields without a control in the editor, from a scenario opened from a link; defaults when absent. */
  readonly scenarioFields?: ScenarioFields | undefined;
}

export type FieldErrors = Readonly<Partial<Record<SettingsField, string>>>;
export type AccountErrors = Readonly<Partial<Record<AccountField, string>>>;

export interface WorkspaceErrors {
  /** Messages for the function fields whose text is not in effect, by function id. */
  readonly functionErrors: Readonly<Record<string, FieldErrors>>;
  readonly accountErrors: AccountErrors;
}

export const DEFAULT_FUNCTION_NAME = 'hello-lambda';
export const BURST_OPTIONS: readonly number[] = ACCOUNT_BURST_SCALING.burstOptions;

export function createFunctionDraft(id: string, name: string, code = EXAMPLE_HANDLER_CODE): FunctionDraft {
  return {
    id,
    code,
    runtime: DEFAULT_RUNTIME,
    architecture: 'x86_64',
    fieldText: {
      name,
      memoryMb: String(MEMORY_MB.default),
      timeoutSeconds: String(TIMEOUT_S.default),
      reservedConcurrency: '',
      provisionedConcurrency: '0',
    },
    validSettings: {
      name,
      memoryMb: MEMORY_MB.default,
      timeoutSeconds: TIMEOUT_S.default,
      reservedConcurrency: undefined,
      provisionedConcurrency: 0,
    },
  };
}

export const DEFAULT_ACCOUNT: AccountDraft = {
  fieldText: {
    concurrencyLimit: String(ACCOUNT_CONCURRENCY.limit),
    unreservedMinimum: String(ACCOUNT_CONCURRENCY.unreservedMinimum),
  },
  validSettings: {
    concurrencyLimit: ACCOUNT_CONCURRENCY.limit,
    unreservedMinimum: ACCOUNT_CONCURRENCY.unreservedMinimum,
    scaling: { kind: 'per-function' },
  },
};

export function idleReclaimMinutes(choice: IdleReclaimChoice | undefined): { min: number; max: number } {
  const option = IDLE_RECLAIM_OPTIONS.find((candidate) => candidate.value === choice) ?? IDLE_RECLAIM_OPTIONS[0]!;
  return { ...option.minutes };
}

export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Removes the digit grouping the range messages use, e.g. "10,240". */
const cleanNumber = (text: string) => text.trim().replace(/[,_\s]/g, '');

/** Returns a number when the text is one, else the trimmed text, so the schema's message quotes it. */
function numberInput(text: string): number | string {
  const cleaned = cleanNumber(text);
  const value = Number(cleaned);
  return cleaned !== '' && Number.isFinite(value) ? value : text.trim();
}

function firstMessage(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'The value is invalid.';
}

/**
 * Checks the text of one function field on its own. The cross-field rules are checked with
 * the whole scenario by `reconcile`.
 */
export function checkSettingsField(field: SettingsField, text: string): FieldCheck<string | number | undefined> {
  switch (field) {
    case 'name': {
      const parsed = functionNameSchema.safeParse(text.trim());
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstMessage(parsed.error) };
    }
    case 'memoryMb':
    case 'timeoutSeconds': {
      const cleaned = cleanNumber(text);
      if (cleaned !== '' && !isNumberText(text)) {
        return field === 'memoryMb'
          ? { ok: false, message: notANumberMessage('Memory', text, `Enter whole MB from ${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)}.`) }
          : { ok: false, message: notANumberMessage('Timeout', text, `Enter whole seconds from ${TIMEOUT_S.min} to ${TIMEOUT_S.max}.`) };
      }
      const schema = field === 'memoryMb' ? memoryMbSchema : timeoutSecondsSchema;
      const parsed = schema.safeParse(cleaned === '' ? undefined : Number(cleaned));
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstMessage(parsed.error) };
    }
    case 'reservedConcurrency':
      // Empty means no reservation; the range is the schema's to check.
      return cleanNumber(text) === '' ? { ok: true, value: undefined } : wholeNumber('Reserved concurrency', text, 0, 'or leave it empty for none');
    case 'provisionedConcurrency':
      return cleanNumber(text) === '' ? { ok: true, value: 0 } : wholeNumber('Provisioned concurrency', text, 0, 'or leave it empty for none');
  }
}

export function checkAccountField(field: AccountField, text: string): FieldCheck<number> {
  const label = field === 'concurrencyLimit' ? 'The account concurrency limit' : 'The unreserved minimum';
  if (cleanNumber(text) === '') return { ok: false, message: `${label} is required. Enter a whole number, e.g. ${DEFAULT_ACCOUNT.fieldText[field]}.` };
  // The simulation rejects an account limit below 1: such an account could run nothing.
  return wholeNumber(label, text, field === 'concurrencyLimit' ? 1 : 0);
}

/** Checks a whole number of at least `min`; the message names the value, what is wrong and the range. */
function wholeNumber(label: string, text: string, min: number, alternative?: string): FieldCheck<number> {
  const value = numberInput(text);
  const range = `${min} or more${alternative ? `, ${alternative}` : ''}`;
  if (typeof value !== 'number') return { ok: false, message: notANumberMessage(label, text, `Enter a whole number, ${range}.`) };
  if (!Number.isInteger(value)) return { ok: false, message: `${label} "${text.trim()}" is not a whole number. Enter ${range}.` };
  if (value < min) return { ok: false, message: `${label} "${text.trim()}" is below ${min}. Enter ${range}.` };
  return { ok: true, value };
}

/** Builds the scenario document of the workspace, as the schema reads it. */
export function scenarioInputOf(document: WorkspaceDocument): ScenarioInput {
  const account = document.account.validSettings;
  const resources = document.resources ?? EMPTY_RESOURCES;
  const functionNames = new Set(document.functions.map((draft) => draft.validSettings.name));
  const target = <T extends TargetChoice>(choice: T | undefined) =>
    choice && targetExists(resources, functionNames, choice.kind, choice.name) ? { type: choice.kind, name: choice.name } : undefined;
  const asyncInputOf = (draft: FunctionDraft) => {
    if (!draft.async || isDefaultAsync(draft.async)) return {};
    const deadLetterQueue = target(draft.async.deadLetterQueue) as { type: 'sqs' | 'sns'; name: string } | undefined;
    const onSuccess = target(draft.async.onSuccess);
    const onFailure = target(draft.async.onFailure);
    return {
      async: {
        ...draft.async.validSettings,
        ...(deadLetterQueue ? { deadLetterQueue } : {}),
        ...(onSuccess ? { onSuccess } : {}),
        ...(onFailure ? { onFailure } : {}),
      },
    };
  };
  const { settings: fieldSettings, ...fields } = scenarioFieldsInput(document.scenarioFields);
  return {
    version: 1,
    ...fields,
    settings: {
      ...fieldSettings,
      account: {
        concurrencyLimit: account.concurrencyLimit,
        unreservedMinimum: account.unreservedMinimum,
        scaling: account.scaling.kind,
        ...(account.scaling.kind === 'account-burst' ? { burstConcurrency: account.scaling.burst as 500 | 1000 | 3000 } : {}),
      },
      idleReclaimMinutes: idleReclaimMinutes(account.idleReclaim),
      initBilled: account.initBilled ?? true,
    },
    functions: document.functions.map((draft) => ({
      name: draft.validSettings.name,
      runtime: draft.runtime,
      architecture: draft.architecture,
      handler: 'index.handler',
      memoryMb: draft.validSettings.memoryMb,
      timeoutSeconds: draft.validSettings.timeoutSeconds,
      code: draft.code,
      ...(draft.validSettings.reservedConcurrency === undefined ? {} : { reservedConcurrency: draft.validSettings.reservedConcurrency }),
      provisionedConcurrency: draft.validSettings.provisionedConcurrency,
      ...asyncInputOf(draft),
    })),
    ...resourcesInputOf(resources, functionNames),
  };
}

type ParseResult = ReturnType<typeof scenarioSchema.safeParse>;

export function parseWorkspaceScenario(document: WorkspaceDocument): ParseResult {
  return scenarioSchema.safeParse(scenarioInputOf(document));
}

/** Builds the scenario a run of the workspace starts from. Throws when the valid settings do not form one. */
export function scenarioOfWorkspace(document: WorkspaceDocument): Scenario {
  const parsed = parseWorkspaceScenario(document);
  if (!parsed.success) throw new Error(`workspace: the valid settings do not form a scenario: ${firstMessage(parsed.error)}`);
  return parsed.data;
}

/** A field of the workspace: one function's setting or an account setting. */
type FieldRef =
  | { readonly scope: 'function'; readonly index: number; readonly field: SettingsField }
  | { readonly scope: 'account'; readonly field: AccountField };

function allFields(document: WorkspaceDocument): FieldRef[] {
  const refs: FieldRef[] = [];
  document.functions.forEach((_, index) => {
    for (const field of SETTINGS_FIELDS) refs.push({ scope: 'function', index, field });
  });
  for (const field of ACCOUNT_FIELDS) refs.push({ scope: 'account', field });
  return refs;
}

function checkRef(document: WorkspaceDocument, ref: FieldRef): FieldCheck<string | number | undefined> {
  return ref.scope === 'function'
    ? checkSettingsField(ref.field, document.functions[ref.index]!.fieldText[ref.field])
    : checkAccountField(ref.field, document.account.fieldText[ref.field]);
}

function validValueOf(document: WorkspaceDocument, ref: FieldRef): string | number | undefined {
  return ref.scope === 'function'
    ? document.functions[ref.index]!.validSettings[ref.field]
    : document.account.validSettings[ref.field];
}

function withValidValue(document: WorkspaceDocument, ref: FieldRef, value: string | number | undefined): WorkspaceDocument {
  if (ref.scope === 'account') {
    const account = { ...document.account, validSettings: { ...document.account.validSettings, [ref.field]: value } };
    return { ...document, account };
  }
  const functions = document.functions.map((draft, index) =>
    index === ref.index ? { ...draft, validSettings: { ...draft.validSettings, [ref.field]: value } } : draft,
  );
  return { ...document, functions };
}

/** Returns whether a schema issue's path points at `ref`. */
function pointsAt(path: readonly PropertyKey[], ref: FieldRef): boolean {
  if (ref.scope === 'function') return path[0] === 'functions' && path[1] === ref.index && path[2] === ref.field;
  return path[0] === 'settings' && path.includes(ref.field);
}

/**
 * Applies every typed value that can take effect and returns the document with its valid
 * values updated, and a message for each field whose text is not in effect. A value that
 * failed before is tried again, because a change elsewhere (a higher account limit) may
 * allow it now.
 */
export function reconcile(document: WorkspaceDocument): { document: WorkspaceDocument } & WorkspaceErrors {
  let current = document;
  const messages = new Map<FieldRef, string>();
  let pending = allFields(document);

  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const stillPending: FieldRef[] = [];
    for (const ref of pending) {
      const check = checkRef(current, ref);
      if (!check.ok) {
        messages.set(ref, check.message);
        stillPending.push(ref);
        continue;
      }
      if (check.value === validValueOf(current, ref)) {
        messages.delete(ref);
        continue;
      }
      const candidate = withValidValue(current, ref, check.value);
      const parsed = parseWorkspaceScenario(candidate);
      if (parsed.success) {
        current = candidate;
        messages.delete(ref);
        progress = true;
        continue;
      }
      const issue = parsed.error.issues.find((i) => pointsAt(i.path, ref)) ?? parsed.error.issues[0];
      messages.set(ref, issue?.message ?? 'The value is invalid.');
      stillPending.push(ref);
    }
    pending = stillPending;
  }

  const functionErrors: Record<string, Partial<Record<SettingsField, string>>> = {};
  const accountErrors: Partial<Record<AccountField, string>> = {};
  for (const [ref, message] of messages) {
    if (ref.scope === 'account') {
      accountErrors[ref.field] = message;
    } else {
      const id = current.functions[ref.index]!.id;
      (functionErrors[id] ??= {})[ref.field] = message;
    }
  }
  return { document: current, functionErrors, accountErrors };
}

/** A name not used by any function of `functions`: `base`, else `base-2`, `base-3` … */
export function unusedFunctionName(functions: readonly FunctionDraft[], base: string): string {
  const used = new Set(functions.flatMap((draft) => [draft.validSettings.name, draft.fieldText.name.trim()]));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}-${n}`;
    if (!used.has(name)) return name;
  }
}

/** An id not used by any function of `functions`. */
export function unusedFunctionId(functions: readonly FunctionDraft[]): string {
  const used = new Set(functions.map((draft) => draft.id));
  for (let n = functions.length + 1; ; n++) {
    const id = `fn-${n}`;
    if (!used.has(id)) return id;
  }
}
