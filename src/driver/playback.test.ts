import { describe, expect, it } from 'vitest';
import {
  advancePlayback,
  BUSY_SKIP_MS,
  IDLE_RATE,
  LEAD_IN_REAL_MS,
  MAX_FRAME_MS,
  nearestSpeed,
  nextStepTarget,
  type PlaybackInput,
} from './playback';

const base: PlaybackInput = {
  playheadMs: 1000,
  speed: 1,
  realElapsedMs: 16,
  busy: true,
  nextEventMs: 5000,
  processedMs: 1000,
  executing: false,
};

describe('advancePlayback', () => {
  it('runs at the chosen speed while busy', () => {
    const frame = advancePlayback({ ...base, speed: 2 });
    expect(frame.playheadMs).toBe(1032);
    expect(frame.rate).toBe(2);
    expect(frame.skipping).toBe(false);
    expect(frame.finished).toBe(false);
  });

  it('compresses an idle stretch', () => {
    const frame = advancePlayback({ ...base, busy: false, nextEventMs: 400_000 });
    expect(frame.rate).toBe(IDLE_RATE);
    expect(frame.playheadMs).toBe(1000 + IDLE_RATE * 16);
    expect(frame.skipping).toBe(true);
  });

  it('keeps a faster chosen speed in idle time', () => {
    const frame = advancePlayback({ ...base, speed: 100, busy: false, nextEventMs: 10_000_000 });
    expect(frame.rate).toBe(100);
    expect(frame.skipping).toBe(false);
  });

  it('slows to the chosen speed before the next event', () => {
    const nextEventMs = 1000 + LEAD_IN_REAL_MS + 200;
    const frame = advancePlayback({ ...base, busy: false, nextEventMs, realElapsedMs: 50 });
    expect(frame.playheadMs).toBe(nextEventMs - LEAD_IN_REAL_MS);
  });

  it('runs at the chosen speed when the next event is close', () => {
    const frame = advancePlayback({ ...base, busy: false, nextEventMs: 1000 + LEAD_IN_REAL_MS / 2 });
    expect(frame.rate).toBe(1);
    expect(frame.playheadMs).toBe(1016);
  });

  it('takes about seven real seconds for a seven-minute idle', () => {
    let input: PlaybackInput = { ...base, playheadMs: 0, busy: false, nextEventMs: 7 * 60_000 };
    let realMs = 0;
    while (input.playheadMs < input.nextEventMs!) {
      input = { ...input, playheadMs: advancePlayback(input).playheadMs };
      realMs += 16;
    }
    expect(realMs).toBeGreaterThan(6_500);
    expect(realMs).toBeLessThan(7_600);
  });

  it('compresses a long busy stretch, such as an invocation that runs until its timeout', () => {
    const frame = advancePlayback({ ...base, busy: true, nextEventMs: 900_000 });
    expect(frame.rate).toBe(IDLE_RATE);
    expect(frame.skipping).toBe(true);
  });

  it('plays a short busy stretch at the chosen speed', () => {
    const frame = advancePlayback({ ...base, busy: true, nextEventMs: 1000 + BUSY_SKIP_MS / 2 });
    expect(frame.rate).toBe(1);
    expect(frame.skipping).toBe(false);
  });

  it('skips a 15-minute invocation in about 15 real seconds, with the lead-in before its end', () => {
    let input: PlaybackInput = { ...base, playheadMs: 0, busy: true, nextEventMs: 900_000 };
    let realMs = 0;
    const rates: number[] = [];
    while (input.playheadMs < input.nextEventMs!) {
      const frame = advancePlayback(input);
      rates.push(frame.rate);
      input = { ...input, playheadMs: frame.playheadMs, wasSkipping: frame.skipping };
      realMs += 16;
    }
    expect(realMs).toBeLessThan(16_500);
    // The last stretch before the end runs at the chosen speed for the lead-in.
    expect(rates.slice(-Math.floor(LEAD_IN_REAL_MS / 16))).toEqual(rates.slice(-Math.floor(LEAD_IN_REAL_MS / 16)).map(() => 1));
  });

  it('waits at the processed time while handlers run', () => {
    const frame = advancePlayback({ ...base, executing: true, processedMs: 1005 });
    expect(frame.playheadMs).toBe(1005);
  });

  it('never moves back while handlers run', () => {
    const frame = advancePlayback({ ...base, executing: true, processedMs: 900 });
    expect(frame.playheadMs).toBe(1000);
  });

  it('finishes when nothing is running or scheduled', () => {
    const frame = advancePlayback({ ...base, busy: false, nextEventMs: undefined });
    expect(frame.finished).toBe(true);
    expect(frame.playheadMs).toBe(1000);
  });

  it('keeps going while a span is running with nothing scheduled', () => {
    const frame = advancePlayback({ ...base, busy: true, nextEventMs: undefined });
    expect(frame.finished).toBe(false);
    expect(frame.playheadMs).toBe(1016);
  });

  it('caps a long frame gap', () => {
    const frame = advancePlayback({ ...base, realElapsedMs: 5000 });
    expect(frame.playheadMs).toBe(1000 + MAX_FRAME_MS);
  });
});

describe('nextStepTarget', () => {
  it('prefers the earlier of recorded and scheduled', () => {
    expect(nextStepTarget(300, 200)).toBe(200);
    expect(nextStepTarget(100, 200)).toBe(100);
  });

  it('uses whichever exists', () => {
    expect(nextStepTarget(undefined, 200)).toBe(200);
    expect(nextStepTarget(100, undefined)).toBe(100);
    expect(nextStepTarget(undefined, undefined)).toBeUndefined();
  });
});

describe('nearestSpeed', () => {
  it.each([
    [0.3, 0.25],
    [1, 1],
    [35, 25],
    [1000, 100],
    [0.01, 0.1],
  ])('%s snaps to %s', (speed, expected) => {
    expect(nearestSpeed(speed)).toBe(expected);
  });
});
