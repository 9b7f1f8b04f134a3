import { describe, expect, it } from 'vitest';
import { billedDurationMs, firstInvokeCostMs } from './billing';
import { RUNTIMES } from './runtimes';

describe('billedDurationMs', () => {
  it('rounds up to the next millisecond', () => {
    expect(billedDurationMs(12.01, undefined, true)).toBe(13);
    expect(billedDurationMs(12, undefined, true)).toBe(12);
  });

  it('bills at least 1 ms', () => {
    expect(billedDurationMs(0, undefined, true)).toBe(1);
    expect(billedDurationMs(0.2, undefined, false)).toBe(1);
  });

  it('adds Init Duration only when INIT is billed', () => {
    expect(billedDurationMs(1513, 304, true)).toBe(1817);
    expect(billedDurationMs(1513, 304, false)).toBe(1513);
    expect(billedDurationMs(10.5, 140.2, true)).toBe(151);
  });

  it('ignores float noise at a whole millisecond', () => {
    expect(billedDurationMs(3.2 + 996.8, undefined, true)).toBe(1000);
    expect(billedDurationMs(0.1 + 0.2, 999.7, true)).toBe(1000);
  });
});

describe('firstInvokeCostMs', () => {
  const node22 = RUNTIMES['nodejs22.x'];

  it('matches the profile at 128 and 1024 MB', () => {
    expect(firstInvokeCostMs(node22, 128)).toBeCloseTo(12.1, 10);
    expect(firstInvokeCostMs(node22, 1024)).toBeCloseTo(3.2, 10);
  });

  it('falls inversely with memory in between', () => {
    const at256 = firstInvokeCostMs(node22, 256);
    const at512 = firstInvokeCostMs(node22, 512);
    expect(at256).toBeLessThan(12.1);
    expect(at512).toBeLessThan(at256);
    expect(at512).toBeGreaterThan(3.2);
    // The weight of the 128 MB excess is (1024/m - 1) / 7: 3/7 at 256 MB and 1/7 at 512 MB.
    expect(at256 - at512).toBeCloseTo((12.1 - 3.2) * (2 / 7), 10);
  });

  it('stays flat above 1024 MB', () => {
    expect(firstInvokeCostMs(node22, 4096)).toBeCloseTo(3.2, 10);
    expect(firstInvokeCostMs(node22, 10_240)).toBeCloseTo(3.2, 10);
  });
});
