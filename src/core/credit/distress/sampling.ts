import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded stream of floats in [0, 1): the only source of randomness in training. */
export interface Random {
  readonly next: () => number;
}

/**
 * Creates a seeded random stream (pure-rand xoroshiro128+): the same seed gives the same stream.
 *
 * @example
 * const a = createRandom(7).next(); // always the same number for seed 7
 */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return { next: () => uniformFloat64(rng) };
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled(values: readonly number[], random: Random): number[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    const tmp = out[i] as number;
    out[i] = out[j] as number;
    out[j] = tmp;
  }
  return out;
}

/**
 * Assigns each row to one of `k` folds, stratified by label: positives and negatives are each
 * shuffled and dealt round-robin, so every fold keeps the base rate.
 *
 * @example
 * stratifiedFolds(Uint8Array.from([0, 1, 0, 1]), 2, 1); // e.g. [0, 1, 1, 0]
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Uint8Array {
  const random = createRandom(seed);
  const folds = new Uint8Array(labels.length);
  for (const cls of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i += 1) if (labels[i] === cls) rows.push(i);
    shuffled(rows, random).forEach((row, position) => {
      folds[row] = position % k;
    });
  }
  return folds;
}

/** A seeded stratified split: `fraction` of each class goes to the first part (true). */
export function stratifiedSplit(labels: ArrayLike<number>, fraction: number, seed: number): boolean[] {
  const random = createRandom(seed);
  const first = new Array<boolean>(labels.length).fill(false);
  for (const cls of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i += 1) if (labels[i] === cls) rows.push(i);
    const take = Math.round(rows.length * fraction);
    shuffled(rows, random)
      .slice(0, take)
      .forEach((row) => {
        first[row] = true;
      });
  }
  return first;
}
