/**
 * Lambda prices: us-east-1 list prices in USD at the first duration tier, without the free
 * tier (1 M requests and 400,000 GB-s a month, which does not apply to provisioned
 * concurrency). Requests cost $0.20 per million; on-demand duration $0.0000166667 per GB-s on
 * x86_64 and $0.0000133334 on arm64 (AWS Lambda pricing page). Provisioned concurrency costs
 * $0.0000041667 per GB-s while enabled, rounded up to 5 minutes, plus $0.0000097222 per GB-s of
 * duration on its environments, on x86_64.
 * NOTE: neither arm64 provisioned price was read from AWS's own page. $0.0000033334 per GB-s
 * enabled comes from a secondary source. $0.0000077778 per GB-s of duration is the x86_64
 * price less the 20 % that arm64 saves on every other Lambda rate.
 */
import type { Architecture } from './runtimes';

export interface CostUsd {
  readonly requests: number;
  /** Duration on on-demand environments. */
  readonly duration: number;
  /** Duration on provisioned environments, at the provisioned duration price. */
  readonly provisionedDuration: number;
  /** Provisioned concurrency while enabled. */
  readonly provisionedConcurrency: number;
  readonly total: number;
}

export interface Pricing {
  readonly requestUsdPerMillion: number;
  readonly gbSecondUsd: Readonly<Record<Architecture, number>>;
  readonly provisionedConcurrencyGbSecondUsd: Readonly<Record<Architecture, number>>;
  readonly provisionedDurationGbSecondUsd: Readonly<Record<Architecture, number>>;
  /** Provisioned concurrency is charged in whole steps of this many ms (5 minutes). */
  readonly provisionedBillingIncrementMs: number;
}

export const PRICES = {
  requestUsdPerMillion: 0.2,
  gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  provisionedConcurrencyGbSecondUsd: { x86_64: 0.0000041667, arm64: 0.0000033334 },
  provisionedDurationGbSecondUsd: { x86_64: 0.0000097222, arm64: 0.0000077778 },
  provisionedBillingIncrementMs: 5 * 60_000,
} as const satisfies Pricing;
