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

/**
 * Scaling since 26 November 2023: each function may add 1,000 environments per 10 seconds.
 * Lambda refills the allowance continuously (100 a second) and unused allowance does not
 * build up beyond 1,000 (Lambda scaling behavior page).
 */
export const PER_FUNCTION_SCALING = { capacity: 1_000, refillPerSecond: 100 } as const;

/**
 * Scaling before 26 November 2023: an account-wide burst of new environments, then 500 more
 * a minute. The burst was 3,000 in us-east-1, us-west-2 and eu-west-1, 1,000 in
 * ap-northeast-1, eu-central-1 and us-east-2, and 500 elsewhere.
 */
export const ACCOUNT_BURST_SCALING = {
  refillPerSecond: 500 / 60,
  burstOptions: [500, 1_000, 3_000],
  burstByRegion: {
    'us-east-1': 3_000,
    'us-west-2': 3_000,
    'eu-west-1': 3_000,
    'ap-northeast-1': 1_000,
    'eu-central-1': 1_000,
    'us-east-2': 1_000,
  } as Readonly<Record<string, number>>,
  defaultBurst: 500,
} as const;

/** The account-wide burst the older scaling model gave in `region`. */
export function accountBurstFor(region: string): number {
  return ACCOUNT_BURST_SCALING.burstByRegion[region] ?? ACCOUNT_BURST_SCALING.defaultBurst;
}

/**
 * Account concurrency defaults: a quota of 1,000 concurrent executions per Region, of which
 * reserved concurrency must leave at least 100 to the other functions. New accounts may
 * start with a quota of 10 (and a minimum of 10) until AWS raises it.
 */
export const ACCOUNT_CONCURRENCY = { limit: 1_000, unreservedMinimum: 100 } as const;

/**
 * Delay from enabling provisioned concurrency until its environments start INIT. AWS says
 * allocation starts after "a minute or two" and gives no current rate, so all of a
 * function's provisioned environments start together after this estimate.
 */
export const PROVISIONED_ALLOCATION_MS = 60_000;
