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
    const w0 = this.nextUint32();
    const w1 = this.nextUint32();
    const w2 = this.nextUint32();
    const w3 = this.nextUint32();
    // The 8-4-4-4-12 hex groups are: w0. The top 16 bits of w1. '4' and w1's low 12 bits (its
    // bits 12-15 are dropped). The variant digit (8 plus the low two bits of w2's first digit)
    // and w2's next 12 bits. w2's low 16 bits and w3.
    // One fromCharCode call gives a flat string, faster to build and smaller to keep than a
    // concatenation of slices.
    const codes = UUID_CODES;
    writeHex(codes, 0, w0, 8);
    writeHex(codes, 9, w1 >>> 16, 4);
    writeHex(codes, 15, w1, 3);
    codes[19] = HEX_CODES[((w2 >>> 28) & 0x3) | 0x8]!;
    writeHex(codes, 20, w2 >>> 16, 3);
    writeHex(codes, 24, w2, 4);
    writeHex(codes, 28, w3, 8);
    return String.fromCharCode.apply(null, codes);
  }

  /** Derives an independent generator, e.g. one per execution environment. */
  fork(): SeededRandom {
    return new SeededRandom(this.nextUint32());
  }
}

/** Character codes of the hex digits 0-9a-f. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** Scratch buffer for `uuid`, with the dashes and the version digit in place. */
const UUID_CODES = Array.from('00000000-0000-4000-8000-000000000000', (char) => char.charCodeAt(0));

/** Writes the low `digits` hex digits of `value` into `codes` from `offset`, most significant first. */
function writeHex(codes: number[], offset: number, value: number, digits: number): void {
  for (let i = digits - 1; i >= 0; i--) {
    codes[offset + i] = HEX_CODES[value & 0xf]!;
    value >>>= 4;
  }
}
