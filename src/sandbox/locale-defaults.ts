/**
 * Makes the locale-sensitive methods of the built-in prototypes default to `en-US` and UTC, as on
 * Lambda: `Number`, `BigInt` and `Date`'s `toLocaleString` family, and `String`'s
 * `localeCompare`, `toLocaleUpperCase` and `toLocaleLowerCase`. `Array` and typed arrays need no
 * patch, because their `toLocaleString` calls each element's own. `Date`'s local-time methods
 * read UTC, as they do on `VirtualDate`.
 *
 * Handler code reaches these methods through every number, string and date, so the prelude
 * cannot shadow them. They are patched on the prototypes instead, which is safe only inside a
 * sandbox worker: a worker is its own realm, with intrinsics that belong to it alone, so the app
 * page and the sandbox page keep their native methods.
 */
import { withDefaultLocale, withDefaultTimeZone } from './intl';
import { installUtcLocalTime } from './virtual-date';

type Locales = Intl.LocalesArgument;

/** Replaces `prototype[name]`, keeping the native method's `length` and property attributes. */
function replaceMethod(prototype: object, name: string, method: (...args: never[]) => unknown): void {
  const native = (prototype as Record<string, { length: number }>)[name]!;
  Object.defineProperty(method, 'length', { value: native.length });
  Object.defineProperty(prototype, name, { value: method, writable: true, enumerable: false, configurable: true });
}

let installed = false;

/** Patches the prototypes of this realm once; later calls do nothing. Call it only in a sandbox worker. */
export function installLocaleDefaults(): void {
  if (installed) return;
  installed = true;

  const numberToLocaleString = Number.prototype.toLocaleString;
  const bigintToLocaleString = BigInt.prototype.toLocaleString;
  const dateToLocaleString = Date.prototype.toLocaleString;
  const dateToLocaleDateString = Date.prototype.toLocaleDateString;
  const dateToLocaleTimeString = Date.prototype.toLocaleTimeString;
  const localeCompare = String.prototype.localeCompare;
  const toLocaleUpperCase = String.prototype.toLocaleUpperCase;
  const toLocaleLowerCase = String.prototype.toLocaleLowerCase;

  // Method shorthand gives functions that, like the native methods, are not constructors.
  const numberMethods = {
    toLocaleString(this: number, locales?: Locales, options?: Intl.NumberFormatOptions): string {
      return numberToLocaleString.call(this, withDefaultLocale(locales), options);
    },
  };
  const bigintMethods = {
    toLocaleString(this: bigint, locales?: Locales, options?: BigIntToLocaleStringOptions): string {
      return bigintToLocaleString.call(this, withDefaultLocale(locales), options);
    },
  };
  const dateMethods = {
    toLocaleString(this: Date, locales?: Locales, options?: unknown): string {
      return dateToLocaleString.call(this, withDefaultLocale(locales), withDefaultTimeZone(options) as Intl.DateTimeFormatOptions);
    },
    toLocaleDateString(this: Date, locales?: Locales, options?: unknown): string {
      return dateToLocaleDateString.call(this, withDefaultLocale(locales), withDefaultTimeZone(options) as Intl.DateTimeFormatOptions);
    },
    toLocaleTimeString(this: Date, locales?: Locales, options?: unknown): string {
      return dateToLocaleTimeString.call(this, withDefaultLocale(locales), withDefaultTimeZone(options) as Intl.DateTimeFormatOptions);
    },
  };
  const stringMethods = {
    localeCompare(this: string, that: string, locales?: Locales, options?: Intl.CollatorOptions): number {
      return localeCompare.call(this, that, withDefaultLocale(locales), options);
    },
    toLocaleUpperCase(this: string, locales?: Locales): string {
      return toLocaleUpperCase.call(this, withDefaultLocale(locales));
    },
    toLocaleLowerCase(this: string, locales?: Locales): string {
      return toLocaleLowerCase.call(this, withDefaultLocale(locales));
    },
  };

  replaceMethod(Number.prototype, 'toLocaleString', numberMethods.toLocaleString);
  replaceMethod(BigInt.prototype, 'toLocaleString', bigintMethods.toLocaleString);
  for (const [name, method] of Object.entries(dateMethods)) replaceMethod(Date.prototype, name, method);
  for (const [name, method] of Object.entries(stringMethods)) replaceMethod(String.prototype, name, method);
  installUtcLocalTime();
}
