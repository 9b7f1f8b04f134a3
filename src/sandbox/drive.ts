/**
 * Runs an environment's virtual event loop: let every pending microtask settle (one real
 * macrotask), then fire the earliest virtual timer, and repeat until the work being waited for
 * is done. Real time is spent only on the macrotasks; simulated time jumps from timer to timer.
 */
import type { Environment } from './environment';

/** Resolves after one real macrotask, so that every pending microtask has run. */
export type MacrotaskScheduler = () => Promise<void>;

/** Keeps every environment's timers still while another environment's module is being loaded. */
export class LoadGate {
  private closed: Promise<void> | undefined;
  private open: (() => void) | undefined;

  /** Waits until no other load has closed the gate, then closes it. */
  async close(): Promise<void> {
    while (this.closed) await this.closed;
    this.closed = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    const open = this.open;
    this.closed = undefined;
    this.open = undefined;
    open?.();
  }

  async whenOpen(): Promise<void> {
    while (this.closed) await this.closed;
  }
}

export type DriveOutcome =
  /** The awaited work finished. */
  | { kind: 'done' }
  /** The next timer is due after the deadline, and the clock has moved to the deadline. */
  | { kind: 'deadline' }
  /** No timer keeps the event loop alive, so the awaited work can never finish. */
  | { kind: 'idle' }
  /** A timer callback threw; Node reports it as an uncaught exception. */
  | { kind: 'uncaught'; error: unknown };

export interface DriveOptions {
  readonly env: Environment;
  readonly macrotask: MacrotaskScheduler;
  readonly gate: LoadGate;
  /** Checked after each macrotask. */
  readonly isDone: () => boolean;
  /** Simulated time after which no timer fires. */
  readonly deadline: number;
}

/**
 * Real time to wait for work outside the virtual clock before calling an environment idle.
 * A rejected `import()` or a blocked `fetch` settles a few real milliseconds later (in Node,
 * dynamic imports pass through the module-hooks thread), and without this grace such a
 * handler would be reported as timed out instead of failing with its real error.
 */
const IDLE_GRACE_MS = 100;

/** Waits real macrotasks until `isDone`, a virtual timer appears, or the grace period ends. */
async function awaitRealWork(options: DriveOptions): Promise<boolean> {
  const { env, macrotask, isDone } = options;
  const giveUpAt = performance.now() + IDLE_GRACE_MS;
  while (performance.now() < giveUpAt) {
    await macrotask();
    if (isDone() || env.clock.hasReferencedTimers()) return true;
  }
  return false;
}

export async function drive(options: DriveOptions): Promise<DriveOutcome> {
  const { env, macrotask, gate, isDone, deadline } = options;
  const clock = env.clock;
  for (;;) {
    await macrotask();
    if (isDone()) return { kind: 'done' };
    // Timers released with `unref()` do not keep Node's event loop alive, so they never run here.
    if (!clock.hasReferencedTimers()) {
      if (await awaitRealWork(options)) continue;
      return { kind: 'idle' };
    }
    const dueAt = clock.nextDueAt();
    if (dueAt === undefined) return { kind: 'idle' };
    if (dueAt > deadline) {
      clock.advanceTo(deadline);
      return { kind: 'deadline' };
    }
    await gate.whenOpen();
    try {
      clock.fireNext();
    } catch (error) {
      return { kind: 'uncaught', error };
    }
  }
}

/**
 * Fires the timers that fell due while the environment was frozen, at the current clock time,
 * as Node does when a thawed process finds them overdue.
 */
export async function fireOverdueTimers(
  env: Environment,
  macrotask: MacrotaskScheduler,
  gate: LoadGate,
): Promise<{ kind: 'uncaught'; error: unknown } | undefined> {
  const clock = env.clock;
  for (;;) {
    const dueAt = clock.nextDueAt();
    if (dueAt === undefined || dueAt > clock.now) return undefined;
    await gate.whenOpen();
    try {
      clock.fireNext();
    } catch (error) {
      return { kind: 'uncaught', error };
    }
    await macrotask();
  }
}
