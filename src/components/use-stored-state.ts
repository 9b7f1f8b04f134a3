import { useEffect, useState } from 'react';

/**
 * A piece of view state (a panel's height, whether a chart is open) kept in localStorage
 * under `key`, so it survives reloads. `parse` returns undefined for a stored value it does
 * not accept, and then `initial` applies. Storage that cannot be read or written (a private
 * window, a full quota) leaves the state working for this page only.
 */
export function useStoredState<T>(key: string, initial: T, parse: (value: unknown) => T | undefined) {
  const [value, setValue] = useState<T>(() => readStored(key, parse) ?? initial);

  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // The value still applies to this page; only its memory across reloads is lost.
    }
  }, [key, value]);

  return [value, setValue] as const;
}

function readStored<T>(key: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    const text = window.localStorage.getItem(key);
    return text === null ? undefined : parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export const parseBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

export const parseFiniteNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
