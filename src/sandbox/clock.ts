/**
 * One execution environment's virtual clock and timer queue. Nothing here waits in real time:
 * the invocation driver asks for the earliest due timer and fires it, moving the clock forward.
 * The timer functions follow Node's rules, because the handler believes it runs on Node.
 */

/** Node's largest timer delay; a longer or invalid delay becomes 1 ms, as in Node. */
const TIMEOUT_MAX = 2 ** 31 - 1;

type TimerCallback = (...args: unknown[]) => void;

interface Timer {
  readonly id: number;
  /** Tie-breaker for timers due at the same instant: the order they were scheduled. */
  sequence: number;
  dueAt: number;
  readonly delayMs: number;
  readonly repeat: boolean;
  readonly callback: TimerCallback;
  readonly args: readonly unknown[];
  /** Whether the timer keeps Node's event loop alive (`unref()` clears it). */
  referenced: boolean;
  readonly handle: TimerHandle;
}

/**
 * The value `setTimeout` returns, shaped like Node's `Timeout`: it converts to its numeric id
 * and has `ref`, `unref`, `hasRef`, `refresh` and `close`.
 */
export interface TimerHandle {
  ref(): TimerHandle;
  unref(): TimerHandle;
  hasRef(): boolean;
  refresh(): TimerHandle;
  close(): TimerHandle;
  [Symbol.toPrimitive](): number;
}

function normalizeDelay(delay: unknown): number {
  const ms = Number(delay);
  if (!(ms >= 1 && ms <= TIMEOUT_MAX)) return 1;
  return Math.trunc(ms);
}

export class VirtualClock {
  /** Simulated time in ms since the scenario started. */
  private nowMs: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private nextSequence = 0;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  get now(): number {
    return this.nowMs;
  }

  /** Moves the clock to `timeMs`; the clock never runs backwards. */
  advanceTo(timeMs: number): void {
    if (timeMs > this.nowMs) this.nowMs = timeMs;
  }

  schedule(callback: unknown, delay: unknown, args: unknown[], repeat: boolean): TimerHandle {
    if (typeof callback !== 'function') {
      throw new TypeError(
        `The "callback" argument must be of type function. Received ${describeReceived(callback)}`,
      );
    }
    const id = this.nextId++;
    const delayMs = normalizeDelay(delay);
    const handle = this.createHandle(id);
    this.timers.set(id, {
      id,
      sequence: this.nextSequence++,
      dueAt: this.nowMs + delayMs,
      delayMs,
      repeat,
      callback: callback as TimerCallback,
      args,
      referenced: true,
      handle,
    });
    return handle;
  }

  /** `setImmediate`: due now, after every timer already due now. */
  scheduleImmediate(callback: unknown, args: unknown[]): TimerHandle {
    const handle = this.schedule(callback, 1, args, false);
    const timer = this.timers.get(Number(handle));
    if (timer) timer.dueAt = this.nowMs;
    return handle;
  }

  /** Accepts a handle, its numeric id or anything else (ignored), as Node's `clearTimeout` does. */
  clear(handleOrId: unknown): void {
    if (handleOrId === null || handleOrId === undefined) return;
    const id = typeof handleOrId === 'object' ? Number(handleOrId) : Number(handleOrId);
    if (Number.isInteger(id)) this.timers.delete(id);
  }

  /** The earliest pending timer's due time, or undefined when none is pending. */
  nextDueAt(): number | undefined {
    return this.earliest()?.dueAt;
  }

  /** Whether any timer that keeps the event loop alive is pending. */
  hasReferencedTimers(): boolean {
    for (const timer of this.timers.values()) if (timer.referenced) return true;
    return false;
  }

  /**
   * Fires the earliest timer, first moving the clock to its due time (or leaving it where it is
   * when the timer is overdue). A repeating timer is rescheduled before its callback runs.
   * Returns false when no timer is pending. An exception from the callback propagates.
   */
  fireNext(): boolean {
    const timer = this.earliest();
    if (!timer) return false;
    this.advanceTo(timer.dueAt);
    if (timer.repeat) {
      timer.dueAt = this.nowMs + timer.delayMs;
      timer.sequence = this.nextSequence++;
    } else {
      this.timers.delete(timer.id);
    }
    timer.callback(...timer.args);
    return true;
  }

  clearAll(): void {
    this.timers.clear();
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (
        !best ||
        timer.dueAt < best.dueAt ||
        (timer.dueAt === best.dueAt && timer.sequence < best.sequence)
      ) {
        best = timer;
      }
    }
    return best;
  }

  private createHandle(id: number): TimerHandle {
    const timers = this.timers;
    const clock = this;
    const handle: TimerHandle = {
      ref() {
        const timer = timers.get(id);
        if (timer) timer.referenced = true;
        return handle;
      },
      unref() {
        const timer = timers.get(id);
        if (timer) timer.referenced = false;
        return handle;
      },
      hasRef() {
        return timers.get(id)?.referenced ?? false;
      },
      refresh() {
        const timer = timers.get(id);
        if (timer) {
          timer.dueAt = clock.nowMs + timer.delayMs;
          timer.sequence = clock.nextSequence++;
        }
        return handle;
      },
      close() {
        timers.delete(id);
        return handle;
      },
      [Symbol.toPrimitive]() {
        return id;
      },
    };
    return handle;
  }
}

function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `type string ('${value}')`;
  if (typeof value === 'object') return 'an instance of Object';
  return `type ${typeof value} (${String(value)})`;
}
