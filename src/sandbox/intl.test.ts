import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIntl, withDefaultLocale, withDefaultTimeZone } from './intl';

// Node re-reads TZ when it is assigned, so these tests see a host zone other than UTC.
let savedTimeZone: string | undefined;
beforeEach(() => {
  savedTimeZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

describe('withDefaultLocale', () => {
  it.each([
    ['no locale', undefined, 'en-US'],
    ['an empty list', [], 'en-US'],
    ['an unsupported locale', 'xx', ['xx', 'en-US']],
    ['a supported locale', 'de-DE', 'de-DE'],
    ['a list with a supported locale', ['xx', 'fr'], ['xx', 'fr']],
  ])('%s', (_case, locales, expected) => {
    expect(withDefaultLocale(locales as Intl.LocalesArgument)).toEqual(expected);
  });

  it('throws the native RangeError for an invalid tag', () => {
    expect(() => withDefaultLocale('not a tag!')).toThrow(RangeError);
  });
});

describe('withDefaultTimeZone', () => {
  it('adds UTC to missing options', () => {
    expect(withDefaultTimeZone(undefined)).toEqual({ timeZone: 'UTC' });
  });

  it('adds UTC when timeZone is undefined', () => {
    const options = withDefaultTimeZone({ timeZone: undefined, hour: 'numeric' }) as Intl.DateTimeFormatOptions;
    expect(options.timeZone).toBe('UTC');
    expect(options.hour).toBe('numeric');
  });

  it('keeps an explicit time zone', () => {
    const options = { timeZone: 'Asia/Tokyo' };
    expect(withDefaultTimeZone(options)).toBe(options);
  });

  it('passes null on for the native TypeError', () => {
    expect(withDefaultTimeZone(null)).toBeNull();
  });
});

describe('createIntl', () => {
  const intl = createIntl('nodejs24.x');
  const epoch = new Date(0);

  it('defaults DateTimeFormat to en-US and UTC', () => {
    const options = new intl.DateTimeFormat().resolvedOptions();
    expect(options.locale).toBe('en-US');
    expect(options.timeZone).toBe('UTC');
  });

  it('defaults DateTimeFormat called without new', () => {
    expect(intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC');
    expect(intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(epoch)).toBe('12:00 AM');
  });

  it('keeps an explicit locale and time zone', () => {
    const format = new intl.DateTimeFormat('de-DE', { timeZone: 'America/New_York', timeStyle: 'short' });
    expect(format.format(epoch)).toBe('19:00');
  });

  it('defaults the other constructors to en-US', () => {
    expect(new intl.NumberFormat().format(1234567.891)).toBe('1,234,567.891');
    expect(new intl.Collator().resolvedOptions().locale).toBe('en-US');
    // ICU has plural rules for `en` only, so an explicit `en-US` resolves to `en`.
    expect(new intl.PluralRules().resolvedOptions().locale).toBe('en');
    expect(new intl.PluralRules(undefined, { type: 'ordinal' }).select(2)).toBe('two');
    expect(new intl.RelativeTimeFormat().format(-1, 'day')).toBe('1 day ago');
    expect(new intl.ListFormat().format(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(new intl.DisplayNames(undefined, { type: 'region' }).of('DE')).toBe('Germany');
    expect(new intl.Segmenter().resolvedOptions().locale).toBe('en-US');
  });

  it('keeps instanceof, statics and subclassing', () => {
    const format = new intl.NumberFormat();
    expect(format).toBeInstanceOf(Intl.NumberFormat);
    expect(format).toBeInstanceOf(intl.NumberFormat);
    expect(intl.NumberFormat.supportedLocalesOf(['de-DE'])).toEqual(['de-DE']);
    expect(intl.getCanonicalLocales('EN-us')).toEqual(['en-US']);
    class Formatter extends intl.DateTimeFormat {}
    const formatter = new Formatter();
    expect(formatter).toBeInstanceOf(Formatter);
    expect(formatter.resolvedOptions().timeZone).toBe('UTC');
  });

  it('is a separate object from the host Intl', () => {
    expect(intl).not.toBe(Intl);
    expect(Object.prototype.toString.call(intl)).toBe('[object Intl]');
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  it('leaves DurationFormat out on nodejs22.x', () => {
    expect('DurationFormat' in createIntl('nodejs22.x')).toBe(false);
  });
});
