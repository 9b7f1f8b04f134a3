import { describe, expect, it } from 'vitest';
import { NotifyThrottle } from './time-slice';

describe('NotifyThrottle', () => {
  it('waits the minimum gap', () => {
    let now = 0;
    const throttle = new NotifyThrottle(2, 4, () => now);
    throttle.run(() => undefined);
    expect(throttle.due).toBe(true);
    throttle.minGapMs = 250;
    now = 100;
    expect(throttle.waitMs).toBe(150);
    now = 250;
    expect(throttle.due).toBe(true);
  });

  it('ignores a tiny minimum gap', () => {
    let now = 0;
    const throttle = new NotifyThrottle(2, 4, () => now);
    throttle.run(() => undefined);
    throttle.minGapMs = 1;
    expect(throttle.due).toBe(true);
  });

  it('keeps a longer cost-based gap', () => {
    let now = 0;
    const throttle = new NotifyThrottle(2, 4, () => now);
    throttle.run(() => {
      now += 10;
    });
    throttle.minGapMs = 5;
    expect(throttle.waitMs).toBe(40);
  });
});
