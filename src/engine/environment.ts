/**
 * Execution environments as the simulated service tracks them, and the pool of idle (frozen)
 * environments a function's next request is placed on.
 */
import type { Scheduled } from './event-queue';
import type { EnvironmentSpec } from './execution';
import type { FunctionConfig } from './model';
import type { ReclaimReason } from './trace';

/**
 * `busy` covers the platform work before INIT, INIT and INVOKE: the environment serves one
 * request from placement until its invocation ends. `idle` is frozen between invocations.
 */
export type EnvironmentState = 'busy' | 'idle' | 'shut-down';

/**
 * One execution environment. While idle it is also the event queue's entry for its own
 * reclaim (`time` is when, `reclaimReason` why), so reuse cancels the reclaim by removing it.
 */
export class Environment implements Scheduled {
  state: EnvironmentState = 'busy';
  /** True until INIT succeeds, and again after a timeout or a failed INIT resets the environment. */
  needsInit = true;
  /** Invocations since the last successful INIT; the first pays the runtime's first-invoke cost. */
  invocationsSinceInit = 0;
  /** Simulated time the environment last became idle, in ms. */
  idleSince = 0;
  reclaimReason: ReclaimReason = 'idle';
  time = 0;
  seq = 0;
  heapIndex = -1;

  // Links of the idle pool's list; undefined while the environment is not in a pool.
  newer: Environment | undefined;
  older: Environment | undefined;
  pool: IdlePool | undefined;

  constructor(
    readonly spec: EnvironmentSpec,
    /** The function version (its configuration) this environment was created for. */
    readonly config: FunctionConfig,
    readonly version: number,
    /** Whether it is one of the function's provisioned environments, kept initialised and never reclaimed for idling. */
    readonly provisioned = false,
  ) {}

  get id(): string {
    return this.spec.envId;
  }
}

/**
 * Idle environments of one function version, most recently used first. A doubly linked list,
 * so that reuse (take the most recent) and reclaim (remove any) are both O(1).
 */
export class IdlePool {
  private mostRecent: Environment | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds an environment that just became idle; it is now the most recently used. */
  push(env: Environment): void {
    if (env.pool) throw new Error(`IdlePool: environment ${env.id} is already in a pool`);
    env.pool = this;
    env.newer = undefined;
    env.older = this.mostRecent;
    if (this.mostRecent) this.mostRecent.newer = env;
    this.mostRecent = env;
    this.count++;
  }

  /** Removes and returns the most recently used environment. */
  pop(): Environment | undefined {
    const env = this.mostRecent;
    if (env) this.remove(env);
    return env;
  }

  /** Removes `env` if it is in this pool; returns whether it was. */
  remove(env: Environment): boolean {
    if (env.pool !== this) return false;
    if (env.newer) env.newer.older = env.older;
    else this.mostRecent = env.older;
    if (env.older) env.older.newer = env.newer;
    env.newer = undefined;
    env.older = undefined;
    env.pool = undefined;
    this.count--;
    return true;
  }

  /** Empties the pool and returns its environments, most recently used first. */
  drain(): Environment[] {
    const drained: Environment[] = [];
    for (let env = this.pop(); env; env = this.pop()) drained.push(env);
    return drained;
  }
}
