import { describe, expect, it } from 'vitest';
import { FOLLOW_POSITION, followPlayhead, MAX_VIEW_MS, MIN_VIEW_MS, TimeScale } from './scale';

describe('TimeScale', () => {
  const scale = TimeScale.fromRange(0, 1000, 500);

  it('maps time to pixels and back', () => {
    expect(scale.msPerPx).toBe(2);
    expect(scale.timeToX(500)).toBe(250);
    expect(scale.xToTime(250)).toBe(500);
    expect(scale.endMs).toBe(1000);
  });

  it('zooms in about a point', () => {
    const zoomed = scale.zoomAt(2, 100);
    expect(zoomed.spanMs).toBe(500);
    expect(zoomed.xToTime(100)).toBeCloseTo(scale.xToTime(100));
  });

  it('zooms out about a point', () => {
    const zoomed = scale.zoomAt(0.5, 400);
    expect(zoomed.spanMs).toBe(2000);
    expect(zoomed.xToTime(400)).toBeCloseTo(800);
  });

  it('limits the zoom', () => {
    expect(scale.zoomAt(1e9, 0).spanMs).toBeCloseTo(MIN_VIEW_MS);
    expect(scale.zoomAt(1e-12, 0).spanMs).toBeCloseTo(MAX_VIEW_MS);
  });

  it('pans by pixels', () => {
    const panned = scale.panBy(50);
    expect(panned.startMs).toBe(100);
    expect(panned.msPerPx).toBe(2);
  });

  it('keeps zoom and start on resize', () => {
    const wider = scale.withWidth(1000);
    expect(wider.startMs).toBe(0);
    expect(wider.endMs).toBe(2000);
  });

  it('fits a range with a margin', () => {
    const fitted = scale.fit(0, 10_000);
    expect(fitted.startMs).toBeLessThan(0);
    expect(fitted.endMs).toBeGreaterThan(10_000);
    expect(fitted.widthPx).toBe(500);
  });

  it('places a time at a share of the width', () => {
    expect(scale.placeAt(5000, 0.5).timeToX(5000)).toBe(250);
  });
});

describe('ticks', () => {
  it('uses millisecond steps on a short view', () => {
    const ticks = TimeScale.fromRange(0, 1000, 1000).ticks(90);
    expect(ticks.map((tick) => tick.label).slice(0, 3)).toEqual(['0', '100 ms', '200 ms']);
    expect(ticks.at(-1)!.label).toBe('1 s');
  });

  it('uses second steps on a longer view', () => {
    const ticks = TimeScale.fromRange(0, 20_000, 1000).ticks(90);
    expect(ticks[1]!.label).toBe('2 s');
  });

  it('uses minute steps on a long view', () => {
    const ticks = TimeScale.fromRange(0, 60 * 60_000, 1000).ticks(90);
    expect(ticks[1]!.label).toBe('10 min');
  });

  it('labels sub-minute steps past a minute', () => {
    const ticks = TimeScale.fromRange(60_000, 70_000, 1000).ticks(90);
    expect(ticks.map((tick) => tick.label)).toContain('1 min 1 s');
  });

  it('keeps ticks at least the spacing apart', () => {
    for (const span of [37, 999, 12_345, 7 * 60_000, 5 * 3_600_000]) {
      const ticks = TimeScale.fromRange(0, span, 800).ticks(80);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(80 - 1e-6);
    }
  });

  it('has no ticks before the run starts', () => {
    const ticks = TimeScale.fromRange(-500, 500, 1000).ticks(90);
    expect(ticks[0]!.timeMs).toBe(0);
  });

  it('avoids floating-point drift in labels', () => {
    const ticks = TimeScale.fromRange(0, 1, 1000).ticks(90);
    for (const tick of ticks) expect(tick.label).not.toMatch(/0000/);
  });
});

describe('followPlayhead', () => {
  const scale = TimeScale.fromRange(0, 1000, 1000);

  it('leaves the view while the playhead is inside it', () => {
    expect(followPlayhead(scale, 500)).toBe(scale);
  });

  it('moves the view with a playhead past the follow position', () => {
    const followed = followPlayhead(scale, 2000);
    expect(followed.timeToX(2000)).toBeCloseTo(1000 * FOLLOW_POSITION);
    expect(followed.msPerPx).toBe(scale.msPerPx);
  });

  it('widens the view from its left edge when growing', () => {
    const followed = followPlayhead(scale, 5000, true);
    expect(followed.startMs).toBe(0);
    expect(followed.timeToX(5000)).toBeCloseTo(1000 * FOLLOW_POSITION);
  });

  it('brings the view back to a playhead left of it', () => {
    const later = scale.panBy(5000);
    const followed = followPlayhead(later, 100);
    expect(followed.timeToX(100)).toBeGreaterThan(0);
    expect(followed.timeToX(100)).toBeLessThan(1000);
  });
});
