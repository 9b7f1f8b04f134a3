/**
 * A `Date` that reads the environment's virtual clock and behaves as on Lambda, where `TZ` is
 * UTC and the locale is en-US, whatever the host's time zone and locale are.
 */
import { withDefaultLocale, withDefaultTimeZone } from './intl';

const NativeDate = Date;

/** A time zone or UTC offset at the end of a date string: then the host's zone plays no part. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT)\b[+-]?\d*)\s*(?:\([^)]*\))?\s*$/i;
/** ISO date-only forms, which JavaScript already reads as UTC. */
const ISO_DATE_ONLY = /^[+-]?\d{4,6}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * The host's local-time getters, captured before `installUtcLocalTime` can replace them, because
 * `parseAsUtc` needs the host's own reading of a parsed date.
 */
const HOST_LOCAL_GETTERS = [
  NativeDate.prototype.getFullYear,
  NativeDate.prototype.getMonth,
  NativeDate.prototype.getDate,
  NativeDate.prototype.getHours,
  NativeDate.prototype.getMinutes,
  NativeDate.prototype.getSeconds,
  NativeDate.prototype.getMilliseconds,
];

/**
 * Parses `text` as the native `Date.parse` would in the UTC time zone: a date-time without a zone
 * is read as UTC rather than as host local time.
 * NOTE: a zone given as a name such as `EST` is read as UTC.
 */
function parseAsUtc(text: string): number {
  const parsed = NativeDate.parse(text);
  if (Number.isNaN(parsed) || HAS_ZONE.test(text.trim()) || ISO_DATE_ONLY.test(text.trim())) {
    return parsed;
  }
  const local = new NativeDate(parsed);
  const [year, month, day, hours, minutes, seconds, ms] = HOST_LOCAL_GETTERS.map((get) => get.call(local));
  return NativeDate.UTC(year!, month!, day!, hours!, minutes!, seconds!, ms!);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function utcDateString(date: Date): string {
  const year = date.getUTCFullYear();
  const shownYear = year < 0 ? `-${pad(-year, 6)}` : pad(year, 4);
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${shownYear}`;
}

function utcTimeString(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${time} GMT+0000 (Coordinated Universal Time)`;
}

type LocaleOptions = Intl.DateTimeFormatOptions | undefined;
const withUtc = (options: LocaleOptions) => withDefaultTimeZone(options) as Intl.DateTimeFormatOptions;

/** Creates the `Date` constructor for one environment; `nowMs` returns its wall-clock time. */
export function createVirtualDate(nowMs: () => number): DateConstructor {
  class VirtualDate extends NativeDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(nowMs());
      } else if (args.length === 1) {
        const [value] = args;
        super(typeof value === 'string' ? parseAsUtc(value) : (value as number));
      } else {
        super(NativeDate.UTC(...(args.map(Number) as [number, number])));
      }
    }

    static override now(): number {
      return nowMs();
    }

    static override parse(text: string): number {
      return parseAsUtc(String(text));
    }

    override getFullYear() { return this.getUTCFullYear(); }
    override getMonth() { return this.getUTCMonth(); }
    override getDate() { return this.getUTCDate(); }
    override getDay() { return this.getUTCDay(); }
    override getHours() { return this.getUTCHours(); }
    override getMinutes() { return this.getUTCMinutes(); }
    override getSeconds() { return this.getUTCSeconds(); }
    override getMilliseconds() { return this.getUTCMilliseconds(); }
    override getTimezoneOffset() { return Number.isNaN(this.getTime()) ? NaN : 0; }
    override setFullYear(...args: [number, number?, number?]) { return this.setUTCFullYear(...args); }
    override setMonth(...args: [number, number?]) { return this.setUTCMonth(...args); }
    override setDate(date: number) { return this.setUTCDate(date); }
    override setHours(...args: [number, number?, number?, number?]) { return this.setUTCHours(...args); }
    override setMinutes(...args: [number, number?, number?]) { return this.setUTCMinutes(...args); }
    override setSeconds(...args: [number, number?]) { return this.setUTCSeconds(...args); }
    override setMilliseconds(ms: number) { return this.setUTCMilliseconds(ms); }

    override toString() {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      return `${utcDateString(this)} ${utcTimeString(this)}`;
    }
    override toDateString() {
      return Number.isNaN(this.getTime()) ? 'Invalid Date' : utcDateString(this);
    }
    override toTimeString() {
      return Number.isNaN(this.getTime()) ? 'Invalid Date' : utcTimeString(this);
    }
    override toLocaleString(locales?: Intl.LocalesArgument, options?: LocaleOptions) {
      return super.toLocaleString(withDefaultLocale(locales), withUtc(options));
    }
    override toLocaleDateString(locales?: Intl.LocalesArgument, options?: LocaleOptions) {
      return super.toLocaleDateString(withDefaultLocale(locales), withUtc(options));
    }
    override toLocaleTimeString(locales?: Intl.LocalesArgument, options?: LocaleOptions) {
      return super.toLocaleTimeString(withDefaultLocale(locales), withUtc(options));
    }
  }
  Object.defineProperty(VirtualDate, 'name', { value: 'Date' });

  // `Date()` called without `new` returns the current time as a string.
  return new Proxy(VirtualDate, {
    apply: () => new VirtualDate().toString(),
  }) as unknown as DateConstructor;
}

/** `Date.prototype` methods that read or write local time, which `VirtualDate` reads as UTC. */
const LOCAL_TIME_METHODS = [
  'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds',
  'getMilliseconds', 'getTimezoneOffset', 'setFullYear', 'setMonth', 'setDate', 'setHours',
  'setMinutes', 'setSeconds', 'setMilliseconds', 'toString', 'toDateString', 'toTimeString',
] as const;

/**
 * Makes every `Date` of this realm read local time as UTC, as `VirtualDate` does. Handler code can
 * still get a native `Date`, from `structuredClone` for one, so the sandbox worker calls this on
 * its own realm (see locale-defaults.ts).
 */
export function installUtcLocalTime(): void {
  const utcPrototype = Object.getPrototypeOf(new (createVirtualDate(() => 0))()) as Record<string, unknown>;
  for (const name of LOCAL_TIME_METHODS) {
    Object.defineProperty(NativeDate.prototype, name, {
      value: utcPrototype[name],
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
}
