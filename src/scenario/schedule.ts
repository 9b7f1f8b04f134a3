/**
 * EventBridge schedule expressions: `rate(value unit)` and the six-field
 * `cron(minutes hours day-of-month month day-of-week year)`, in UTC with one-minute
 * granularity. Cron fields are read by croner, set to AWS's conventions: a year field,
 * weekdays numbered 1 (Sunday) to 7 (Saturday), `?` in day-of-month or day-of-week, and
 * `L`, `W` and `#`.
 */
import { Cron } from 'croner';

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.*)\)$/;
const UNIT_MS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export type ParsedSchedule =
  | { readonly kind: 'rate'; readonly periodMs: number }
  | { readonly kind: 'cron'; readonly cron: Cron };

/** Parses an expression; returns the problem as a message naming the expression and the fix. */
export function parseSchedule(expression: string): ParsedSchedule | string {
  const rate = RATE.exec(expression);
  if (rate) return parseRate(expression, Number(rate[1]), rate[2]!);
  const cron = CRON.exec(expression);
  if (cron) return parseCron(expression, cron[1]!);
  if (expression.startsWith('rate(')) {
    return `Schedule "${expression}" is invalid. Write rate(value unit) with a whole number and minute(s), hour(s) or day(s), e.g. rate(5 minutes).`;
  }
  return `Schedule "${expression}" is neither rate(...) nor cron(...). Write e.g. rate(5 minutes) or cron(0 12 * * ? *).`;
}

/** Returns the problem with `expression`, or undefined when it is valid. */
export function checkScheduleExpression(expression: string): string | undefined {
  const parsed = parseSchedule(expression);
  return typeof parsed === 'string' ? parsed : undefined;
}

/**
 * Simulated times (ms from the start) at which a schedule fires, from the start up to and
 * including `untilMs`, at most `limit` of them. `epochMs` is the wall-clock time of the start.
 * NOTE: AWS starts a rate schedule when the rule is created and does not say whether the
 * first event comes at once; the playground fires the first one a period after the start.
 */
export function scheduleFireTimes(expression: string, epochMs: number, untilMs: number, limit: number): number[] {
  const parsed = parseSchedule(expression);
  if (typeof parsed === 'string') throw new Error(parsed);
  const times: number[] = [];
  if (parsed.kind === 'rate') {
    for (let at = parsed.periodMs; at <= untilMs && times.length < limit; at += parsed.periodMs) times.push(at);
    return times;
  }
  // croner steps in whole seconds and returns times after the one given, so start a second early.
  let cursor = new Date(epochMs - 1000);
  while (times.length < limit) {
    const next = parsed.cron.nextRun(cursor);
    if (next === null) break;
    const at = next.getTime() - epochMs;
    if (at > untilMs) break;
    if (at >= 0) times.push(at);
    cursor = next;
  }
  return times;
}

function parseRate(expression: string, value: number, unit: string): ParsedSchedule | string {
  if (!(value >= 1)) return `Schedule "${expression}" is invalid. The rate must be a whole number of 1 or more.`;
  const singular = unit.replace(/s$/, '');
  if (value === 1 && unit !== singular) {
    return `Schedule "${expression}" is invalid. A rate of 1 takes the singular unit: rate(1 ${singular}).`;
  }
  if (value > 1 && unit === singular) {
    return `Schedule "${expression}" is invalid. A rate above 1 takes the plural unit: rate(${value} ${singular}s).`;
  }
  return { kind: 'rate', periodMs: value * UNIT_MS[singular]! };
}

function parseCron(expression: string, body: string): ParsedSchedule | string {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    return `Schedule "${expression}" has ${fields.length} fields; an EventBridge cron expression has 6: minutes hours day-of-month month day-of-week year, e.g. cron(0 12 * * ? *).`;
  }
  const dayOfMonth = fields[2]!;
  const dayOfWeek = fields[4]!;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return `Schedule "${expression}" is invalid. Exactly one of day-of-month and day-of-week must be "?", e.g. cron(0 12 * * ? *) or cron(0 12 ? * MON-FRI *).`;
  }
  try {
    const cron = new Cron(`0 ${fields.join(' ')}`, {
      mode: '7-part',
      alternativeWeekdays: true,
      sloppyRanges: true,
      timezone: 'Etc/UTC',
      paused: true,
    });
    return { kind: 'cron', cron };
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern: /, '');
    return `Schedule "${expression}" is invalid: ${detail}. Fields are minutes (0-59), hours (0-23), day-of-month (1-31), month (1-12 or JAN-DEC), day-of-week (1-7 or SUN-SAT) and year.`;
  }
}
