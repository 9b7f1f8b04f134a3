/**
 * A token bucket for Lambda's scaling rate: one token per new environment, refilled
 * continuously up to its capacity, so allowance left unused does not build up beyond it.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** Tokens added per ms. */
  private readonly refillPerMs: number;

  constructor(
    readonly capacity: number,
    refillPerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
    this.refillPerMs = refillPerSecond / 1000;
  }

  /** Takes a token at simulated time `now` (ms, never earlier than the last call); returns whether one was left. */
  take(now: number): boolean {
    this.refill(now);
    // Float sums of refills can land a hair below a whole token that the rate gives exactly.
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /** Tokens available at `now`, for diagnostics and tests. */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.refillPerMs);
    this.updatedAt = now;
  }
}
