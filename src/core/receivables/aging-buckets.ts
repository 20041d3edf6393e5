import { fail, ok, type Result } from '../shared/index.js';

/** Which date an item's age counts from: its due date (default) or its issue date. */
export type AgingBasis = 'due' | 'issue';

/** Named sets of bucket boundaries. */
export type AgingPreset = 'default' | '30-60-90';

/**
 * Upper bounds (days, inclusive) of the aged buckets; the last bucket is open-ended.
 * 'default' gives 1–30, 31–60, 61–90, 91–180, 181–365, >365; '30-60-90' the common 30/60/90/90+ view.
 */
export const AGING_PRESETS: Readonly<Record<AgingPreset, readonly number[]>> = {
  default: [30, 60, 90, 180, 365],
  '30-60-90': [30, 60, 90],
};

/** Longest boundary accepted: 100 years. Anything longer is a typo. */
const MAX_BOUND = 36_500;

/**
 * One aging bucket. `fromDays`/`toDays` are inclusive ages in days; `null` means open-ended.
 * On the due basis the first bucket is 'current' (not yet due: age ≤ 0).
 */
export interface AgingBucket {
  readonly key: string;
  readonly fromDays: number | null;
  readonly toDays: number | null;
}

/** Buckets plus a fast age → bucket index look-up, built once per report. */
export interface AgingScheme {
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  readonly bucketOf: (ageDays: number) => number;
}

/**
 * Builds the buckets for a set of boundaries. Boundaries must be positive whole days, strictly
 * increasing, at most 36,500.
 *
 * @example
 * buildAgingScheme([30, 60, 90], 'due') // current, 1-30, 31-60, 61-90, over-90
 */
export function buildAgingScheme(upperBounds: readonly number[], basis: AgingBasis = 'due'): Result<AgingScheme> {
  const invalid = findInvalidBound(upperBounds);
  if (invalid !== undefined) {
    return fail('AR_AGING_BOUNDARIES_INVALID', {
      field: 'boundaries',
      value: upperBounds.join(','),
      expected: 'increasing whole days between 1 and 36500',
    });
  }
  const buckets = bucketsFor(upperBounds, basis);
  const table = lookupTable(upperBounds, basis);
  const last = table.length - 1;
  const overIndex = buckets.length - 1;
  const bucketOf = (age: number): number => (age <= 0 ? 0 : age > last ? overIndex : (table[age] as number));
  return ok({ basis, buckets, bucketOf });
}

function findInvalidBound(bounds: readonly number[]): number | undefined {
  if (bounds.length === 0) return -1;
  let prev = 0;
  for (const b of bounds) {
    if (!Number.isInteger(b) || b <= prev || b > MAX_BOUND) return b;
    prev = b;
  }
  return undefined;
}

function bucketsFor(bounds: readonly number[], basis: AgingBasis): AgingBucket[] {
  const out: AgingBucket[] = basis === 'due' ? [{ key: 'current', fromDays: null, toDays: 0 }] : [];
  let from = basis === 'due' ? 1 : 0;
  for (const to of bounds) {
    out.push({ key: `${from}-${to}`, fromDays: from, toDays: to });
    from = to + 1;
  }
  const last = bounds[bounds.length - 1] as number;
  out.push({ key: `over-${last}`, fromDays: last + 1, toDays: null });
  return out;
}

/** table[age] = bucket index for ages 0..last bound; ages above fall in the open-ended bucket. */
function lookupTable(bounds: readonly number[], basis: AgingBasis): Uint16Array {
  const last = bounds[bounds.length - 1] as number;
  const table = new Uint16Array(last + 1);
  const offset = basis === 'due' ? 1 : 0;
  let b = 0;
  for (let age = 1; age <= last; age++) {
    if (age > (bounds[b] as number)) b++;
    table[age] = b + offset;
  }
  table[0] = 0;
  return table;
}
