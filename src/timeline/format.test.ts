import { describe, expect, it } from 'vitest';
import { formatDuration, formatPlayhead, formatTick, shortRequestId } from './format';

describe('formatDuration', () => {
  it.each([
    [0.25, '0.25 ms'],
    [142, '142 ms'],
    [142.4, '142 ms'],
    [1250, '1.25 s'],
    [12_340, '12.3 s'],
    [372_000, '6 min 12 s'],
    [300_000, '5 min'],
    [359_800, '6 min'],
    [3_900_000, '1 h 5 min'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatPlayhead', () => {
  it.each([
    [0, '+0m 00.000s'],
    [62_345, '+1m 02.345s'],
    [599_999.6, '+10m 00.000s'],
    [-5, '+0m 00.000s'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatPlayhead(ms)).toBe(text);
  });
});

describe('formatTick', () => {
  it.each([
    [0, 100, '0'],
    [250, 50, '250 ms'],
    [1500, 500, '1.5 s'],
    [2000, 1000, '2 s'],
    [120_000, 60_000, '2 min'],
    [150_000, 30_000, '2 min 30 s'],
    [0.5, 0.1, '0.5 ms'],
  ])('%s ms at step %s reads %s', (ms, step, text) => {
    expect(formatTick(ms, step)).toBe(text);
  });
});

it('shortRequestId keeps eight characters', () => {
  expect(shortRequestId('8f2c1e0a-1b2c-4d5e-8f90-123456789abc')).toBe('8f2c1e0a');
});
