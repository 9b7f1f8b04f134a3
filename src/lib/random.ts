/**
 * A seeded pseudo-random source (sfc32). The engine and the sandbox draw every random number
 * from one of these, so the same seed gives the same run in Node and in the browser.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Spread one 32-bit seed over the four state words, then discard the first outputs,
    // which are poorly mixed for small seeds.
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Returns a float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Returns a standard normal sample (Box-Muller). */
  normal(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Returns a lognormal sample whose median is `p50` and whose 90th percentile is `p90`.
   * The 90th percentile of a standard normal is 1.2816.
   */
  lognormalFromPercentiles(p50: number, p90: number): number {
    const mu = Math.log(p50);
    const sigma = Math.max(0, (Math.log(p90) - mu) / 1.2815515655446004);
    return Math.exp(mu + sigma * this.normal());
  }

  /** Returns a random version 4 UUID, as Lambda uses for request IDs. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w0 = hex(this.nextUint32());
    const w1 = hex(this.nextUint32());
    const w2 = hex(this.nextUint32());
    const w3 = hex(this.nextUint32());
    const variant = ((parseInt(w2[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${w0}-${w1.slice(0, 4)}-4${w1.slice(5, 8)}-${variant}${w2.slice(1, 4)}-${w2.slice(4)}${w3}`;
  }

  /** Derives an independent generator, e.g. one per execution environment. */
  fork(): SeededRandom {
    return new SeededRandom(this.nextUint32());
  }
}
