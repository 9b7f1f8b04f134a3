/**
 * The playback clock: how far the playhead moves in simulated time for each real animation
 * frame. Time runs at the chosen speed while something happens; idle stretches (frozen
 * environments waiting for their next request or for reclaim) run fast so a person does not
 * wait minutes for a reclaim, yet slowly enough to send a warm request in between. So do long
 * stretches in which an invocation runs but nothing happens until its end or timeout. Pure
 * functions: the store calls them once per frame and moves the session to the result.
 */

/** The speeds offered, as simulated ms per real ms. */
export const PLAYBACK_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

export const DEFAULT_SPEED = 1;

/**
 * Rate of an idle stretch, in simulated ms per real ms: one simulated minute per real second,
 * so a 7-minute wait for reclaim takes about 7 s and the 5 minutes in which an environment
 * surely stays warm take about 5 s. A faster chosen speed wins.
 */
export const IDLE_RATE = 60;

/**
 * Real time, in ms, that the clock spends at the chosen speed before the next event after an
 * idle stretch, so a request arriving after a skip is seen arriving rather than appearing.
 */
export const LEAD_IN_REAL_MS = 400;

/**
 * The simulated ms to the next event from which a stretch in which environments are busy runs
 * at the idle rate too: a 15-minute invocation is one start and one end, not 15 minutes to watch.
 */
export const BUSY_SKIP_MS = 5000;

/** The maximum frame interval applied, in real ms. A longer gap (a tab in the background) counts as this. */
export const MAX_FRAME_MS = 100;

export interface PlaybackInput {
  readonly playheadMs: number;
  /** The chosen speed, in simulated ms per real ms. */
  readonly speed: number;
  /** Real ms since the previous frame. */
  readonly realElapsedMs: number;
  /** Whether an environment is being placed, initialised or invoked at the playhead. */
  readonly busy: boolean;
  /** Simulated time of the first event after the playhead, recorded or scheduled; undefined when there is none. */
  readonly nextEventMs: number | undefined;
  /** Simulated time up to which the session has processed events. */
  readonly processedMs: number;
  /** Whether the session is waiting for handler code to return. */
  readonly executing: boolean;
  /**
   * Whether the previous frame was skipping. A busy stretch that started skipping goes on
   * until the lead-in before the next event, though less than `BUSY_SKIP_MS` is left.
   */
  readonly wasSkipping?: boolean;
}

export interface PlaybackFrame {
  readonly playheadMs: number;
  /** The simulated ms per real ms applied in this frame. */
  readonly rate: number;
  /** Whether this frame compressed an idle stretch (ran faster than the chosen speed). */
  readonly skipping: boolean;
  /** Whether the run is over: nothing is running at the playhead, scheduled after it or executing. */
  readonly finished: boolean;
}

/** Moves the playhead for one animation frame. */
export function advancePlayback(input: PlaybackInput): PlaybackFrame {
  const { playheadMs, speed, busy, nextEventMs, processedMs, executing } = input;
  if (!busy && nextEventMs === undefined && !executing) {
    return { playheadMs, rate: 0, skipping: false, finished: true };
  }

  const elapsed = Math.min(Math.max(input.realElapsedMs, 0), MAX_FRAME_MS);
  const leadInMs = speed * LEAD_IN_REAL_MS;
  const gapMs = nextEventMs === undefined ? 0 : nextEventMs - playheadMs;
  const quiet = !busy || gapMs > BUSY_SKIP_MS || input.wasSkipping === true;
  const idle = quiet && !executing && nextEventMs !== undefined && gapMs > leadInMs;
  const rate = idle ? Math.max(speed, IDLE_RATE) : speed;

  let target = playheadMs + rate * elapsed;
  if (idle) {
    // Slow down to the chosen speed for the last stretch before the next event.
    const slowFrom = Math.max(nextEventMs - leadInMs, playheadMs + speed * elapsed);
    target = Math.min(target, slowFrom);
  }
  // Handler code decides what happens after the processed time, so the playhead waits there.
  if (executing) target = Math.min(target, Math.max(processedMs, playheadMs));

  return { playheadMs: target, rate, skipping: idle && rate > speed, finished: false };
}

/**
 * Where "step to next event" moves the playhead: the first recorded event after it, else the
 * next scheduled one; undefined when nothing comes next.
 */
export function nextStepTarget(recordedNextMs: number | undefined, scheduledNextMs: number | undefined): number | undefined {
  if (recordedNextMs === undefined) return scheduledNextMs;
  if (scheduledNextMs === undefined) return recordedNextMs;
  return Math.min(recordedNextMs, scheduledNextMs);
}

/** The offered speed nearest to `speed` (on a log scale, so 0.3 rounds to 0.25 and 35 to 25). */
export function nearestSpeed(speed: number): number {
  let best: number = DEFAULT_SPEED;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of PLAYBACK_SPEEDS) {
    const distance = Math.abs(Math.log(candidate) - Math.log(Math.max(speed, 1e-6)));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The functions the store needs, injected by the app because the store does not import the driver. */
export const playbackClock = { speeds: PLAYBACK_SPEEDS, advancePlayback, nextStepTarget, nearestSpeed } as const;
export type PlaybackClock = typeof playbackClock;
