/** Lambda's configuration limits and defaults for a function (Lambda quotas page). */
export const MEMORY_MB = { min: 128, max: 10_240, default: 128 } as const;
export const TIMEOUT_S = { min: 1, max: 900, default: 3 } as const;

/**
 * How long an idle environment lives before Lambda reclaims it. AWS does not document this;
 * the default is the January 2021 measurement (none reclaimed at 5 minutes, all by 7).
 */
export const IDLE_RECLAIM_MS = { min: 5 * 60_000, max: 7 * 60_000 } as const;

/**
 * Platform work before INIT (placing the microVM, fetching code) that a client waits for but
 * that Init Duration leaves out. An estimate: client-observed Node.js cold starts have a median
 * of about 0.26 s (Shilkov, January 2021) against an Init Duration of about 0.14 s.
 */
export const PLATFORM_OVERHEAD_MS = { min: 100, max: 250 } as const;
