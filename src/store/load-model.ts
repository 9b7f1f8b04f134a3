/**
 * The load generator's form as data: the text typed for each field, and the traffic entry it
 * describes. Times in the form are seconds (the scenario uses ms), counted from the moment the
 * load starts.
 */
import type { Invoker } from '../engine/trace';
import { trafficEntrySchema, type TrafficEntry } from '../scenario/schema';
import { trafficRequestCount } from '../scenario/traffic';
import { notANumberMessage } from './field-messages';

export type LoadPattern = 'at-once' | 'constant' | 'ramp' | 'spike';

export type LoadField =
  | 'count'
  | 'ratePerSecond'
  | 'durationSeconds'
  | 'fromRatePerSecond'
  | 'toRatePerSecond'
  | 'spikeAfterSeconds'
  | 'spikeRatePerSecond'
  | 'spikeDurationSeconds';

export interface LoadForm {
  readonly pattern: LoadPattern;
  /** Workspace id of the target function; the selected function when it no longer exists. */
  readonly functionId: string | undefined;
  readonly invoker: Invoker;
  readonly fieldText: Readonly<Record<LoadField, string>>;
}

/** The fields each pattern uses, in the order the form shows them. */
export const PATTERN_FIELDS: Readonly<Record<LoadPattern, readonly LoadField[]>> = {
  'at-once': ['count'],
  constant: ['ratePerSecond', 'durationSeconds'],
  ramp: ['fromRatePerSecond', 'toRatePerSecond', 'durationSeconds'],
  spike: ['ratePerSecond', 'durationSeconds', 'spikeAfterSeconds', 'spikeRatePerSecond', 'spikeDurationSeconds'],
};

export const DEFAULT_LOAD_FORM: LoadForm = {
  pattern: 'at-once',
  functionId: undefined,
  invoker: 'direct',
  fieldText: {
    count: '20',
    ratePerSecond: '50',
    durationSeconds: '10',
    fromRatePerSecond: '0',
    toRatePerSecond: '200',
    spikeAfterSeconds: '4',
    spikeRatePerSecond: '500',
    spikeDurationSeconds: '1',
  },
};

/**
 * Most requests one load may send in the browser. Each request runs real handler code, and
 * the browser keeps every trace event; the headless runner allows more.
 */
export const MAX_LOAD_REQUESTS = 100_000;
const MAX_AT_ONCE = 10_000;
const MAX_RATE = 100_000;
const MAX_DURATION_S = 3_600;

const LABELS: Readonly<Record<LoadField, string>> = {
  count: 'Request count',
  ratePerSecond: 'Rate',
  durationSeconds: 'Duration',
  fromRatePerSecond: 'Start rate',
  toRatePerSecond: 'End rate',
  spikeAfterSeconds: 'Spike start',
  spikeRatePerSecond: 'Spike rate',
  spikeDurationSeconds: 'Spike duration',
};

type Check = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Checks one field's text; the message names the field, the text as typed and the range. */
export function checkLoadField(field: LoadField, text: string, pattern: LoadPattern): Check {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  const value = Number(cleaned);
  const label = LABELS[field];
  const isNumber = cleaned !== '' && Number.isFinite(value);
  const rule = loadFieldRule(field, pattern);
  if (isNumber && rule.accepts(value)) return { ok: true, value };
  if (cleaned !== '' && !isNumber) return { ok: false, message: notANumberMessage(label, text, rule.fix) };
  return { ok: false, message: `${label} "${text.trim()}" is invalid. ${rule.fix}` };
}

interface LoadFieldRule {
  readonly accepts: (value: number) => boolean;
  /** What to enter instead, as a sentence. */
  readonly fix: string;
}

function loadFieldRule(field: LoadField, pattern: LoadPattern): LoadFieldRule {
  switch (field) {
    case 'count':
      return {
        accepts: (value) => Number.isInteger(value) && value >= 1 && value <= MAX_AT_ONCE,
        fix: `Send from 1 to ${formatNumber(MAX_AT_ONCE)} requests at once.`,
      };
    case 'ratePerSecond':
    case 'fromRatePerSecond':
    case 'toRatePerSecond':
    case 'spikeRatePerSecond': {
      // A ramp may start or end at 0, and a spike's base rate may be 0.
      const zeroAllowed = field === 'fromRatePerSecond' || field === 'toRatePerSecond' || (field === 'ratePerSecond' && pattern === 'spike');
      return {
        accepts: (value) => value <= MAX_RATE && (zeroAllowed ? value >= 0 : value > 0),
        fix: `Enter requests per second ${zeroAllowed ? 'from 0' : 'above 0'} up to ${formatNumber(MAX_RATE)}.`,
      };
    }
    case 'durationSeconds':
    case 'spikeDurationSeconds':
      return {
        accepts: (value) => value > 0 && value <= MAX_DURATION_S,
        fix: `Enter seconds above 0 up to ${formatNumber(MAX_DURATION_S)} (one hour).`,
      };
    case 'spikeAfterSeconds':
      return {
        accepts: (value) => value >= 0 && value <= MAX_DURATION_S,
        fix: 'Enter the seconds from the start of the load to the spike, 0 or more.',
      };
  }
}

export type LoadEntryResult =
  | { readonly ok: true; readonly entry: TrafficEntry; readonly requests: number }
  | { readonly ok: false; readonly message: string };

/**
 * Builds the traffic entry the form describes, starting at `atMs`, for `functionName` with
 * `event`; or the first reason it cannot be sent.
 */
export function loadEntryOf(form: LoadForm, functionName: string, event: unknown, atMs: number): LoadEntryResult {
  const values: Partial<Record<LoadField, number>> = {};
  for (const field of PATTERN_FIELDS[form.pattern]) {
    const check = checkLoadField(field, form.fieldText[field], form.pattern);
    if (!check.ok) return check;
    values[field] = check.value;
  }
  const v = values as Record<LoadField, number>;
  const common = { at: atMs, function: functionName, type: 'sync' as const, event, source: 'load generator', invoker: form.invoker };

  let input: unknown;
  switch (form.pattern) {
    case 'at-once':
      input = { ...common, pattern: 'at-once', count: v.count };
      break;
    case 'constant':
      input = { ...common, pattern: 'constant', ratePerSecond: v.ratePerSecond, durationMs: v.durationSeconds * 1000 };
      break;
    case 'ramp':
      input = {
        ...common,
        pattern: 'ramp',
        fromRatePerSecond: v.fromRatePerSecond,
        toRatePerSecond: v.toRatePerSecond,
        durationMs: v.durationSeconds * 1000,
      };
      break;
    case 'spike':
      if (v.spikeAfterSeconds + v.spikeDurationSeconds > v.durationSeconds) {
        return {
          ok: false,
          message: `The spike from ${v.spikeAfterSeconds} s for ${v.spikeDurationSeconds} s ends after the load's ${v.durationSeconds} s. Start it earlier, shorten it, or lengthen the load.`,
        };
      }
      input = {
        ...common,
        pattern: 'spike',
        ratePerSecond: v.ratePerSecond,
        durationMs: v.durationSeconds * 1000,
        spikeAt: atMs + v.spikeAfterSeconds * 1000,
        spikeRatePerSecond: v.spikeRatePerSecond,
        spikeDurationMs: v.spikeDurationSeconds * 1000,
      };
      break;
  }

  const parsed = trafficEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The load is invalid.' };
  const requests = trafficRequestCount(parsed.data);
  if (requests === 0) return { ok: false, message: 'This load sends no requests. Raise the rate or the duration.' };
  if (requests > MAX_LOAD_REQUESTS) {
    return {
      ok: false,
      message: `This load sends ${formatNumber(requests)} requests, more than the ${formatNumber(MAX_LOAD_REQUESTS)} the browser runs at once. Lower the rate or the duration.`,
    };
  }
  return { ok: true, entry: parsed.data, requests };
}
