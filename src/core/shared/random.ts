import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded random stream. Everything that needs chance (the demo company, Monte Carlo) takes
 * one of these instead of `Math.random`, so a run can be reproduced exactly (ADR 0004).
 */
export interface Rng {
  /** Uniform in [0, 1), 53 bits. */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  uniform(min: number, max: number): number;
  /** Normal (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** exp(normal(mu, sigma)): the median is exp(mu). */
  lognormal(mu: number, sigma: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** One element, uniformly. The array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to `weights` (non-negative, not all zero). */
  weightedIndex(weights: readonly number[]): number;
  /**
   * An independent child stream derived from this stream's seed and `label` only, not from how
   * many numbers were drawn: forking 'c-0007' gives the same stream whatever came before.
   */
  fork(label: string | number): Rng;
}

/**
 * cyrb128: a fast 128-bit string hash, used only to spread a seed path into generator state
 * (xoroshiro seeded straight from small integers gives correlated first outputs).
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  // xoroshiro must not start from the all-zero state.
  if ((h1 | h2 | h3 | h4) === 0) h1 = 1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

const SCALE26 = 2 ** -26;
const SCALE53 = 2 ** -53;

class SeededRng implements Rng {
  private readonly gen: JumpableRandomGenerator;

  constructor(private readonly path: string) {
    this.gen = xoroshiro128plusFromState(hash128(path));
  }

  next(): number {
    const a = this.gen.next() & 0x3ffffff;
    const b = this.gen.next() & 0x7ffffff;
    return a * SCALE26 + b * SCALE53;
  }

  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`weight ${w} must be non-negative`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weightedIndex needs a positive weight');
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  fork(label: string | number): Rng {
    return new SeededRng(`${this.path}/${label}`);
  }
}

/**
 * A seeded random stream over pure-rand's xoroshiro128+.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6);                       // the same die roll on every machine
 * rng.fork('customers').fork('c-0001') // a stream of its own for one customer
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${seed} must be a safe integer`);
  return new SeededRng(`seed:${seed}`);
}
