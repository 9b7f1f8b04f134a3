import { describe, expect, it } from 'vitest';
import { checkAsyncField } from './async-model';
import { checkLoadField } from './load-model';
import { checkAccountField, checkSettingsField } from './workspace-model';

describe('not-a-number field messages', () => {
  it('quote the typed text for memory and timeout', () => {
    expect(checkSettingsField('memoryMb', '512?')).toEqual({ ok: false, message: 'Memory "512?" is not a number. Enter whole MB from 128 to 10,240.' });
    expect(checkSettingsField('timeoutSeconds', 'ten')).toEqual({ ok: false, message: 'Timeout "ten" is not a number. Enter whole seconds from 1 to 900.' });
  });

  it('quote the typed text for concurrency fields', () => {
    const messages = [
      checkSettingsField('reservedConcurrency', '5x'),
      checkSettingsField('provisionedConcurrency', '5x'),
      checkAccountField('concurrencyLimit', '5x'),
      checkAccountField('unreservedMinimum', '5x'),
    ].map((check) => (check.ok ? '' : check.message));
    for (const message of messages) expect(message).toMatch(/"5x" is not a number\. Enter a whole number, [01] or more/);
  });

  it('name a negative count as below the minimum', () => {
    expect(checkSettingsField('reservedConcurrency', '-3')).toEqual({
      ok: false,
      message: 'Reserved concurrency "-3" is below 0. Enter 0 or more, or leave it empty for none.',
    });
    expect(checkAccountField('concurrencyLimit', '-1')).toEqual({
      ok: false,
      message: 'The account concurrency limit "-1" is below 1. Enter 1 or more.',
    });
    expect(checkAccountField('concurrencyLimit', '0')).toEqual({
      ok: false,
      message: 'The account concurrency limit "0" is below 1. Enter 1 or more.',
    });
  });

  it('quote the typed text for async and load fields', () => {
    const retries = checkAsyncField('maximumRetryAttempts', 'two');
    const age = checkAsyncField('maximumEventAgeSeconds', 'soon');
    const count = checkLoadField('count', '20?', 'at-once');
    const rate = checkLoadField('ratePerSecond', 'fast', 'constant');
    expect(retries.ok ? '' : retries.message).toBe('Maximum retry attempts "two" is not a number. Enter a whole number from 0 to 2.');
    expect(age.ok ? '' : age.message).toMatch(/^Maximum event age "soon" is not a number\. Enter whole seconds from 60 to 21,600/);
    expect(count.ok ? '' : count.message).toBe('Request count "20?" is not a number. Send from 1 to 10,000 requests at once.');
    expect(rate.ok ? '' : rate.message).toBe('Rate "fast" is not a number. Enter requests per second above 0 up to 100,000.');
  });

  it('keep the schema range messages for numbers', () => {
    expect(checkSettingsField('memoryMb', '64')).toEqual({ ok: false, message: 'Memory 64 MB is out of range. Choose from 128 to 10,240 MB.' });
    const age = checkAsyncField('maximumEventAgeSeconds', '1.5');
    expect(age.ok ? '' : age.message).toMatch(/^Maximum event age 1\.5 s is out of range/);
    const count = checkLoadField('count', '0', 'at-once');
    expect(count.ok ? '' : count.message).toBe('Request count "0" is invalid. Send from 1 to 10,000 requests at once.');
  });

  it('never show NaN', () => {
    for (const text of ['abc', '512?', '1e', '--1']) {
      const check = checkSettingsField('memoryMb', text);
      expect(check.ok ? '' : check.message).not.toContain('NaN');
    }
  });
});
