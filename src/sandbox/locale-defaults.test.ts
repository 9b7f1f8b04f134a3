/**
 * These tests patch this test file's own realm, as the sandbox worker patches its realm; Vitest
 * runs each test file in a process of its own. The host's locale cannot change inside a running
 * process, so host-locale.test.ts checks the defaults under a de-DE host.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installLocaleDefaults } from './locale-defaults';
import { createVirtualDate } from './virtual-date';

let savedTimeZone: string | undefined;
beforeAll(() => installLocaleDefaults());
beforeEach(() => {
  savedTimeZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

const epoch = new Date(0);

describe('installLocaleDefaults', () => {
  it('formats dates in UTC by default', () => {
    expect(epoch.toLocaleString()).toBe('1/1/1970, 12:00:00 AM');
    expect(epoch.toLocaleDateString()).toBe('1/1/1970');
    expect(epoch.toLocaleTimeString()).toBe('12:00:00 AM');
  });

  it('reads local time as UTC', () => {
    expect(epoch.getHours()).toBe(0);
    expect(epoch.getTimezoneOffset()).toBe(0);
    expect(epoch.toString()).toBe('Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)');
    const date = new Date(0);
    date.setHours(5);
    expect(date.toISOString()).toBe('1970-01-01T05:00:00.000Z');
  });

  it('leaves VirtualDate parsing zone-less text as UTC', () => {
    const VirtualDate = createVirtualDate(() => 0);
    expect(VirtualDate.parse('2026-01-01 10:00')).toBe(Date.UTC(2026, 0, 1, 10));
    expect(new VirtualDate('2026-01-01 10:00').getHours()).toBe(10);
  });

  it('keeps an explicit time zone and locale', () => {
    expect(epoch.toLocaleString('en-US', { timeZone: 'America/New_York' })).toBe('12/31/1969, 7:00:00 PM');
    expect(epoch.toLocaleDateString('de-DE')).toBe('1.1.1970');
    expect((1234567.891).toLocaleString('de-DE')).toBe('1.234.567,891');
    expect((1234567n).toLocaleString('de-DE')).toBe('1.234.567');
  });

  it('formats numbers and bigints in en-US', () => {
    expect((1234567.891).toLocaleString()).toBe('1,234,567.891');
    expect((1234567n).toLocaleString()).toBe('1,234,567');
    expect((0.5).toLocaleString(undefined, { style: 'percent' })).toBe('50%');
  });

  it('reaches arrays and typed arrays through their elements', () => {
    expect([1234.5, epoch].toLocaleString()).toBe('1,234.5,1/1/1970, 12:00:00 AM');
    expect(new Float64Array([1234.5]).toLocaleString('de-DE')).toBe('1.234,5');
  });

  it('patches the string methods', () => {
    expect(['b', 'ä', 'a', 'z'].sort((x, y) => x.localeCompare(y))).toEqual(['a', 'ä', 'b', 'z']);
    expect('a'.localeCompare('B', undefined, { sensitivity: 'base' })).toBe(-1);
    expect('i'.toLocaleUpperCase()).toBe('I');
    expect('i'.toLocaleUpperCase('tr')).toBe('İ');
    expect('I'.toLocaleLowerCase('tr')).toBe('ı');
  });

  it('keeps the native methods shape', () => {
    expect(Number.prototype.toLocaleString.length).toBe(0);
    expect(Number.prototype.toLocaleString.name).toBe('toLocaleString');
    expect(String.prototype.localeCompare.length).toBe(1);
    expect(Object.getOwnPropertyDescriptor(Date.prototype, 'toLocaleString')?.enumerable).toBe(false);
    expect(() => new (Number.prototype.toLocaleString as unknown as new () => object)()).toThrow(TypeError);
  });

  it('keeps the native errors', () => {
    expect(() => String.prototype.localeCompare.call(null as unknown as string, 'a')).toThrow(TypeError);
    expect(() => Number.prototype.toLocaleString.call('1' as unknown as number)).toThrow(TypeError);
    expect(() => (1).toLocaleString('not a tag!')).toThrow(RangeError);
  });
});
