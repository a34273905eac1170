import { v4 as uuidv4, v7 as uuidv7 } from "uuid";

/**
 * A seeded pseudo-random source (sfc32, seeded through splitmix32): the same seed gives the same
 * numbers on every machine, which Math.random and the uuid package's own randomness never do.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of the options, in proportion to its weight. */
  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of options) {
      left -= weight;
      if (left < 0) return value;
    }
    const last = options.at(-1);
    if (last === undefined) throw new Error("weighted pick from no options");
    return last[0];
  }

  /** Exponentially distributed, with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normally distributed around `median`; `spread` is sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    const u = 1 - this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(spread * normal);
  }

  /** An index in [0, count) where low indexes are likelier (Zipf-like popularity). */
  popular(count: number, skew = 1.6): number {
    return Math.min(count - 1, Math.floor(count * this.next() ** skew));
  }

  /** An independent source for one part of the simulation, so parts do not shift each other's numbers. */
  fork(): Prng {
    return new Prng(this.uint32());
  }

  bytes16(): Uint8Array {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < 16; i += 4) view.setUint32(i, this.uint32());
    return bytes;
  }

  uuidV4(): string {
    return uuidv4({ random: this.bytes16() });
  }

  /** A UUID v7 stamped with `msecs`, as the tracker and the shop's server make event ids. */
  uuidV7(msecs: number): string {
    return uuidv7({ msecs, random: this.bytes16() });
  }
}
