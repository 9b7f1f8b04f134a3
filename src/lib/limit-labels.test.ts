import { describe, expect, it } from 'vitest';
import { placeLimitLabels } from './limit-labels';

describe('placeLimitLabels', () => {
  it('keeps distant labels at the right edge', () => {
    expect(placeLimitLabels([{ y: 10, width: 50 }, { y: 40, width: 30 }], 500, 12, 8)).toEqual([500, 500]);
  });

  it('moves a close label left of the first', () => {
    expect(placeLimitLabels([{ y: 10, width: 50 }, { y: 14, width: 30 }], 500, 12, 8)).toEqual([500, 442]);
  });

  it('puts labels of equal lines side by side', () => {
    const rights = placeLimitLabels([{ y: 20, width: 50 }, { y: 20, width: 30 }, { y: 20, width: 40 }], 500, 12, 8);
    expect(rights).toEqual([500, 442, 404]);
  });

  it('fills a free gap before moving further left', () => {
    // The third label is close to the second only, so it passes the first's column and stops left of the second.
    const rights = placeLimitLabels([{ y: 0, width: 50 }, { y: 30, width: 50 }, { y: 25, width: 20 }], 500, 12, 8);
    expect(rights).toEqual([500, 500, 442]);
  });
});
