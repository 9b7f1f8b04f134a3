/**
 * Cooperative time slicing for work on the page's main thread: a long loop checks a budget
 * and yields to the event loop when it is spent, so input, rendering and animation frames run
 * in between and no task grows into a long task (over 50 ms).
 */

/** Wall-clock budget of one synchronous stretch of stepping, in ms: well under a 16.7 ms frame. */
export const SLICE_BUDGET_MS = 8;

type Clock = () => number;

const wallClock: Clock = () => globalThis.performance.now();

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Resolves on a later task. Uses `scheduler.yield()` where the browser has it (Chromium 129
 * and later), which resumes ahead of other queued tasks, else a zero-delay timer.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield.call(scheduler);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tracks the time spent since the current slice began. */
export class TimeSlice {
  private startedAt: number;

  constructor(
    private readonly budgetMs = SLICE_BUDGET_MS,
    private readonly now: Clock = wallClock,
  ) {
    this.startedAt = now();
  }

  /** Whether the slice has used its budget. */
  get spent(): boolean {
    return this.now() - this.startedAt >= this.budgetMs;
  }

  /**
   * Yields to the event loop, or until `interrupt` settles if that comes first, then starts a
   * new slice.
   */
  async yield(interrupt?: Promise<void>): Promise<void> {
    await (interrupt ? Promise.race([yieldToEventLoop(), interrupt]) : yieldToEventLoop());
    this.startedAt = this.now();
  }

  /** Starts a new slice without yielding (after an await that already let other tasks run). */
  restart(): void {
    this.startedAt = this.now();
  }
}

/**
 * Spaces out notifications whose listeners are expensive: after a notification that cost
 * `cost` ms, the next waits until `costFactor × cost` ms have passed, so listeners whose work
 * grows with the trace take a bounded share of the main thread (a fifth by default). A
 * notification cheaper than `cheapMs` never delays the next one.
 */
export class NotifyThrottle {
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastCost = 0;
  /** Minimum time between two notifications in ms, whatever they cost. A value below `cheapMs` is ignored. */
  minGapMs = 0;

  constructor(
    private readonly cheapMs = 2,
    private readonly costFactor = 4,
    private readonly now: Clock = wallClock,
  ) {}

  /** How long to wait before the next notification, in ms; 0 when it may run now. */
  get waitMs(): number {
    const minGap = this.minGapMs < this.cheapMs ? 0 : this.minGapMs;
    const gap = Math.max(minGap, this.lastCost < this.cheapMs ? 0 : this.costFactor * this.lastCost);
    return Math.max(0, this.lastEnd + gap - this.now());
  }

  get due(): boolean {
    return this.waitMs <= 0;
  }

  /**
   * Runs `notify` and records its cost. The cost runs until the microtasks queued by `notify`
   * have run too, because React renders the updates of an external store in a microtask.
   */
  run(notify: () => void): void {
    const start = this.now();
    try {
      notify();
    } finally {
      this.lastEnd = this.now();
      this.lastCost = this.lastEnd - start;
      queueMicrotask(() => {
        this.lastEnd = this.now();
        this.lastCost = this.lastEnd - start;
      });
    }
  }
}
