/**
 * Locale and time zone defaults as on Lambda, where the Node.js runtime runs with `LANG=en_US.UTF-8`
 * and `TZ=:UTC`, so `Intl` resolves to `en-US` and `UTC` whatever the host's settings are.
 * Locales and time zones that handler code passes explicitly still apply.
 */
import type { RuntimeId } from './errors';

export const LAMBDA_LOCALE = 'en-US';
export const LAMBDA_TIME_ZONE = 'UTC';

const NativeIntl = Intl;
const getCanonicalLocales = Intl.getCanonicalLocales;
const supportedLocalesOf = Intl.NumberFormat.supportedLocalesOf;

type Locales = Intl.LocalesArgument;

/**
 * Returns the locales argument to pass on to a native `Intl` call: `en-US` where the native call
 * would fall back to the host's default locale (no locale given, an empty list, or no supported
 * locale in the list), else `locales` unchanged. An invalid tag throws the native RangeError.
 */
export function withDefaultLocale(locales: Locales): Locales {
  if (locales === undefined) return LAMBDA_LOCALE;
  const requested = getCanonicalLocales(locales as string | readonly string[]);
  if (requested.length === 0) return LAMBDA_LOCALE;
  // Only when the list has no supported locale does the native lookup reach the host default,
  // and then `en-US` at the end of the list is what it picks.
  if (supportedLocalesOf(requested).length === 0) return [...requested, LAMBDA_LOCALE];
  return locales;
}

/**
 * Returns date-time options with `timeZone: 'UTC'` when `options` sets no time zone. The other
 * options are read through the prototype chain, as the native constructor reads them. `null`
 * is passed on so that the native call throws its usual TypeError.
 */
export function withDefaultTimeZone(options: unknown): unknown {
  if (options === undefined) return { timeZone: LAMBDA_TIME_ZONE };
  if (options === null) return options;
  const object = Object(options) as { timeZone?: unknown };
  if (object.timeZone !== undefined) return options;
  return Object.create(object, { timeZone: { value: LAMBDA_TIME_ZONE, enumerable: true } });
}

/** Constructors whose first argument is a locales list and second an options object. */
const LOCALE_CONSTRUCTORS = [
  'Collator',
  'DateTimeFormat',
  'DisplayNames',
  'ListFormat',
  'NumberFormat',
  'PluralRules',
  'RelativeTimeFormat',
  'Segmenter',
] as const;

type Constructor = (new (...args: unknown[]) => object) & ((...args: unknown[]) => object);

/**
 * Wraps a native `Intl` constructor so that its defaults are Lambda's. The wrapper is a Proxy, so
 * `prototype`, `supportedLocalesOf`, `instanceof` and subclassing behave as with the native one,
 * and calling `DateTimeFormat`, `NumberFormat` or `Collator` without `new` still works.
 * NOTE: `new Intl.PluralRules().resolvedOptions().locale` is `en` here and `en-US` on Lambda,
 * because V8 reports the default locale as given but resolves an explicit `en-US` to `en`.
 */
function withLambdaDefaults(native: Constructor, name: string): Constructor {
  const adjust = (args: unknown[]): unknown[] => {
    const [locales, options, ...rest] = args;
    const adjusted = name === 'DateTimeFormat' ? withDefaultTimeZone(options) : options;
    return [withDefaultLocale(locales as Locales), adjusted, ...rest];
  };
  const wrapper: Constructor = new Proxy(native, {
    apply: (target, thisArg, args: unknown[]) => Reflect.apply(target, thisArg, adjust(args)),
    construct: (target, args: unknown[], newTarget) =>
      Reflect.construct(target, adjust(args), newTarget === wrapper ? target : newTarget),
  });
  return wrapper;
}

/**
 * Creates the `Intl` that handler code sees: the host's `Intl` with its constructors wrapped so
 * that they default to `en-US` and UTC. `DurationFormat`, which Node.js 22 lacks, is left out
 * on nodejs22.x.
 * NOTE: on a host without `Intl.DurationFormat` (Node.js 20 and 22) nodejs24.x handlers lack it
 * too, so a runner on such a host and the browser differ for handlers that use it.
 */
export function createIntl(runtime: RuntimeId): typeof Intl {
  const intl = Object.create(Object.prototype) as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(NativeIntl)) {
    if (key === 'DurationFormat' && runtime !== 'nodejs24.x') continue;
    Object.defineProperty(intl, key, Object.getOwnPropertyDescriptor(NativeIntl, key)!);
  }
  const constructors: string[] = [...LOCALE_CONSTRUCTORS];
  if ('DurationFormat' in intl) constructors.push('DurationFormat');
  for (const name of constructors) {
    const native = (NativeIntl as unknown as Record<string, Constructor | undefined>)[name];
    if (native) intl[name] = withLambdaDefaults(native, name);
  }
  return intl as unknown as typeof Intl;
}
