/**
 * The mapping between simulated time and horizontal pixels: what part of the run the timeline
 * shows, and the ticks of its axis. Immutable: every change returns a new scale.
 */
import { formatTick } from './format';

/** The narrowest view: 50 simulated ms across the whole width. */
export const MIN_VIEW_MS = 50;
/** The widest view: 24 simulated hours. */
export const MAX_VIEW_MS = 24 * 3_600_000;
/** Time shown left of 0 when the view starts at the beginning of the run, as a share of the width. */
const LEFT_MARGIN_SHARE = 0.02;

/** Tick steps in ms, each a readable unit: 1, 2 or 5 times a power of ten below a second, then clock units. */
const TICK_STEPS_MS = [
  0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500,
  1000, 2000, 5000, 10_000, 15_000, 30_000,
  60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000,
  3_600_000, 2 * 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000,
];

export interface Tick {
  readonly timeMs: number;
  readonly x: number;
  readonly label: string;
}

export class TimeScale {
  /**
   * @param startMs simulated time at the left edge
   * @param msPerPx simulated ms one CSS pixel covers
   * @param widthPx the drawing width in CSS pixels
   */
  constructor(
    readonly startMs: number,
    readonly msPerPx: number,
    readonly widthPx: number,
  ) {}

  /** A scale that shows `[startMs, endMs]` across `widthPx`. */
  static fromRange(startMs: number, endMs: number, widthPx: number): TimeScale {
    const width = Math.max(1, widthPx);
    const span = clamp(endMs - startMs, MIN_VIEW_MS, MAX_VIEW_MS);
    return new TimeScale(startMs, span / width, width);
  }

  get endMs(): number {
    return this.startMs + this.msPerPx * this.widthPx;
  }

  get spanMs(): number {
    return this.msPerPx * this.widthPx;
  }

  timeToX(timeMs: number): number {
    return (timeMs - this.startMs) / this.msPerPx;
  }

  xToTime(x: number): number {
    return this.startMs + x * this.msPerPx;
  }

  /** The same view at a new width, keeping the left edge and the zoom level. */
  withWidth(widthPx: number): TimeScale {
    return new TimeScale(this.startMs, this.msPerPx, Math.max(1, widthPx));
  }

  /** Zooms by `factor` (above 1 zooms in) keeping the time under pixel `x` in place. */
  zoomAt(factor: number, x: number): TimeScale {
    const anchor = this.xToTime(x);
    const span = clamp(this.spanMs / factor, MIN_VIEW_MS, MAX_VIEW_MS);
    const msPerPx = span / this.widthPx;
    return new TimeScale(anchor - x * msPerPx, msPerPx, this.widthPx);
  }

  /** Moves the view by `dx` pixels; a positive `dx` shows later time (the content moves left). */
  panBy(dx: number): TimeScale {
    return new TimeScale(this.startMs + dx * this.msPerPx, this.msPerPx, this.widthPx);
  }

  /** Moves the view so that `timeMs` sits at the share `position` (0 to 1) of the width. */
  placeAt(timeMs: number, position: number): TimeScale {
    return new TimeScale(timeMs - position * this.spanMs, this.msPerPx, this.widthPx);
  }

  /** Shows `[startMs, endMs]` with a small margin, starting a little left of 0 when it starts at 0. */
  fit(startMs: number, endMs: number): TimeScale {
    const span = clamp((endMs - startMs) * 1.05, MIN_VIEW_MS, MAX_VIEW_MS);
    const start = startMs - span * LEFT_MARGIN_SHARE;
    return TimeScale.fromRange(start, start + span, this.widthPx);
  }

  /** The tick step that puts labels at least `minSpacingPx` apart. */
  tickStepMs(minSpacingPx = 90): number {
    const wanted = this.msPerPx * minSpacingPx;
    return TICK_STEPS_MS.find((step) => step >= wanted) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1]!;
  }

  /** The ticks inside the view, at multiples of a readable step, labelled from the run's start. */
  ticks(minSpacingPx = 90): Tick[] {
    const step = this.tickStepMs(minSpacingPx);
    const first = Math.ceil(this.startMs / step);
    const last = Math.floor(this.endMs / step);
    const ticks: Tick[] = [];
    for (let i = Math.max(first, 0); i <= last; i++) {
      // Multiplying the index (not adding steps) avoids drift such as 0.30000000000000004.
      const timeMs = Number((i * step).toPrecision(12));
      ticks.push({ timeMs, x: this.timeToX(timeMs), label: formatTick(timeMs, step) });
    }
    return ticks;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Share of the width at which a followed playhead stays once it gets there. */
export const FOLLOW_POSITION = 0.85;

/**
 * Moves the view so that a moving playhead stays in view. The playhead travels right until it
 * reaches `FOLLOW_POSITION` of the width. Then the view pans with it, or, with `grow` (while
 * an idle stretch is skipped), widens from its left edge, so the work before the idle time
 * stays in sight while the idle time runs to its end. A playhead left of the view (after a
 * step back) brings the view back to it.
 */
export function followPlayhead(scale: TimeScale, playheadMs: number, grow = false): TimeScale {
  const x = scale.timeToX(playheadMs);
  if (x > scale.widthPx * FOLLOW_POSITION) {
    if (!grow) return scale.placeAt(playheadMs, FOLLOW_POSITION);
    return TimeScale.fromRange(scale.startMs, scale.startMs + (playheadMs - scale.startMs) / FOLLOW_POSITION, scale.widthPx);
  }
  if (x < 0) return scale.placeAt(playheadMs, 1 - FOLLOW_POSITION);
  return scale;
}
