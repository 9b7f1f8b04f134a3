/**
 * A function's asynchronous invocation settings as edited: the retry attempts and maximum
 * event age typed as text beside their last valid values, and the dead-letter queue and the
 * destinations chosen from the scenario's resources. The ranges and messages are the
 * scenario schema's.
 */
import { ASYNC_EVENT_AGE_S, ASYNC_RETRY_ATTEMPTS } from '../engine/async-limits';
import type { TargetKind } from '../engine/model';
import { asyncConfigSchema } from '../scenario/async-schema';
import { isNumberText, notANumberMessage } from './field-messages';

export type AsyncField = 'maximumRetryAttempts' | 'maximumEventAgeSeconds';
export const ASYNC_FIELDS: readonly AsyncField[] = ['maximumRetryAttempts', 'maximumEventAgeSeconds'];

export interface TargetChoice {
  readonly kind: TargetKind;
  /** Name of the queue, topic, function or event bus. */
  readonly name: string;
}

export interface DeadLetterChoice extends TargetChoice {
  readonly kind: 'sqs' | 'sns';
}

export type TargetRole = 'deadLetterQueue' | 'onSuccess' | 'onFailure';

export interface AsyncDraft {
  readonly fieldText: Readonly<Record<AsyncField, string>>;
  readonly validSettings: Readonly<Record<AsyncField, number>>;
  readonly deadLetterQueue?: DeadLetterChoice | undefined;
  readonly onSuccess?: TargetChoice | undefined;
  readonly onFailure?: TargetChoice | undefined;
}

export const DEFAULT_ASYNC: AsyncDraft = {
  fieldText: {
    maximumRetryAttempts: String(ASYNC_RETRY_ATTEMPTS.default),
    maximumEventAgeSeconds: formatEventAge(ASYNC_EVENT_AGE_S.default),
  },
  validSettings: {
    maximumRetryAttempts: ASYNC_RETRY_ATTEMPTS.default,
    maximumEventAgeSeconds: ASYNC_EVENT_AGE_S.default,
  },
};

export type AsyncCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, min: 60, m: 60, s: 1 };
const AGE_PART = /(\d+)\s*(h|min|m|s)\b/g;

/** Formats seconds as the console does, e.g. 5400 as "1 h 30 min", 90 as "1 min 30 s". */
export function formatEventAge(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest ? `${rest} s` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

/**
 * Reads a maximum event age typed as whole seconds ("3600") or in hours, minutes and seconds
 * ("1h 30min", "2 h", "90 s"). Returns the seconds, or the text when it is neither, so that
 * the schema's message quotes it.
 */
export function parseEventAge(text: string): number | string {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const rest = trimmed.replace(AGE_PART, '').trim();
  const parts = [...trimmed.matchAll(AGE_PART)];
  if (parts.length === 0 || rest !== '') return text.trim();
  return parts.reduce((total, part) => total + Number(part[1]) * UNIT_SECONDS[part[2]!]!, 0);
}

const RETRY_FIX = `Enter a whole number from ${ASYNC_RETRY_ATTEMPTS.min} to ${ASYNC_RETRY_ATTEMPTS.max}.`;
const AGE_FIX = `Enter whole seconds from ${ASYNC_EVENT_AGE_S.min} to ${ASYNC_EVENT_AGE_S.max.toLocaleString('en-US')}, or hours and minutes such as "1h 30min".`;

/** Checks one typed asynchronous setting against the schema's range. */
export function checkAsyncField(field: AsyncField, text: string): AsyncCheck {
  const trimmed = text.trim();
  let input: unknown;
  if (field === 'maximumRetryAttempts') {
    if (trimmed === '') return { ok: false, message: `Maximum retry attempts is empty. ${RETRY_FIX}` };
    if (!isNumberText(trimmed)) return { ok: false, message: notANumberMessage('Maximum retry attempts', trimmed, RETRY_FIX) };
    input = Number(trimmed);
  } else {
    if (trimmed === '') return { ok: false, message: `Maximum event age is empty. ${AGE_FIX}` };
    input = isNumberText(trimmed) ? Number(trimmed) : parseEventAge(trimmed);
    if (typeof input === 'string') return { ok: false, message: notANumberMessage('Maximum event age', trimmed, AGE_FIX) };
  }
  const parsed = asyncConfigSchema.shape[field].safeParse(input);
  if (parsed.success && parsed.data !== undefined) return { ok: true, value: parsed.data };
  const message = parsed.success ? 'The value is invalid.' : (parsed.error.issues[0]?.message ?? 'The value is invalid.');
  return { ok: false, message };
}

/** Applies typed text to a draft: the valid value changes only when the text passes its check. */
export function withAsyncFieldText(draft: AsyncDraft, field: AsyncField, text: string): AsyncDraft {
  const check = checkAsyncField(field, text);
  return {
    ...draft,
    fieldText: { ...draft.fieldText, [field]: text },
    validSettings: check.ok ? { ...draft.validSettings, [field]: check.value } : draft.validSettings,
  };
}

/** Messages for the fields whose text is not in effect. */
export function asyncErrorsOf(draft: AsyncDraft): Partial<Record<AsyncField, string>> {
  const errors: Partial<Record<AsyncField, string>> = {};
  for (const field of ASYNC_FIELDS) {
    const check = checkAsyncField(field, draft.fieldText[field]);
    if (!check.ok) errors[field] = check.message;
  }
  return errors;
}

/** Returns whether the draft equals AWS's defaults, so the scenario needs no `async` object. */
export function isDefaultAsync(draft: AsyncDraft): boolean {
  return (
    draft.validSettings.maximumRetryAttempts === ASYNC_RETRY_ATTEMPTS.default &&
    draft.validSettings.maximumEventAgeSeconds === ASYNC_EVENT_AGE_S.default &&
    !draft.deadLetterQueue &&
    !draft.onSuccess &&
    !draft.onFailure
  );
}

export { ASYNC_EVENT_AGE_S, ASYNC_RETRY_ATTEMPTS };
