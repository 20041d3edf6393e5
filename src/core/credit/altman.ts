import { fail, ok, type Result } from '../shared/index.js';

/** Z′ (private firms) or Z″ (non-manufacturers, emerging markets): DOMAIN.md 8.2. */
export type AltmanVariant = 'z-prime' | 'z-double-prime';
export type AltmanZone = 'safe' | 'grey' | 'distress';

/** Raw statement items in any one unit; null = missing. */
export interface AltmanItems {
  readonly currentAssets: number | null;
  readonly currentLiabilities: number | null;
  readonly retainedEarnings: number | null;
  readonly ebit: number | null;
  readonly bookEquity: number | null;
  readonly totalLiabilities: number | null;
  readonly revenue: number | null;
  readonly totalAssets: number | null;
}

/** Zone boundaries: below `distress` is distress, above `safe` is safe, between is grey. */
export interface AltmanCutoffs {
  readonly distress: number;
  readonly safe: number;
}

export const DEFAULT_ALTMAN_CUTOFFS: Readonly<Record<AltmanVariant, AltmanCutoffs>> = {
  'z-prime': { distress: 1.23, safe: 2.9 },
  'z-double-prime': { distress: 1.1, safe: 2.6 },
};

const WEIGHTS: Readonly<Record<AltmanVariant, readonly [number, number, number, number, number]>> = {
  'z-prime': [0.717, 0.847, 3.107, 0.42, 0.998],
  'z-double-prime': [6.56, 3.26, 6.72, 1.05, 0],
};

export interface AltmanResult {
  readonly variant: AltmanVariant;
  readonly score: number;
  /** X1 WC/TA, X2 RE/TA, X3 EBIT/TA, X4 equity/TL, X5 sales/TA (null for Z″, which does not use it). */
  readonly x1: number;
  readonly x2: number;
  readonly x3: number;
  readonly x4: number;
  readonly x5: number | null;
  readonly zone: AltmanZone;
  readonly cutoffs: AltmanCutoffs;
}

function requiredItems(variant: AltmanVariant): (keyof AltmanItems)[] {
  const items: (keyof AltmanItems)[] = [
    'currentAssets',
    'currentLiabilities',
    'retainedEarnings',
    'ebit',
    'bookEquity',
    'totalLiabilities',
    'totalAssets',
  ];
  return variant === 'z-prime' ? [...items, 'revenue'] : items;
}

/**
 * Altman Z′ or Z″ from raw items. A missing item is an error naming it (`ALTMAN_MISSING_ITEM`,
 * never read as 0); total assets or total liabilities ≤ 0 is `ALTMAN_NON_POSITIVE_DENOMINATOR`.
 *
 * @example
 * const r = computeAltman('z-double-prime', { currentAssets: 50, currentLiabilities: 30, retainedEarnings: 10,
 *   ebit: 8, bookEquity: 40, totalLiabilities: 60, revenue: 150, totalAssets: 100 });
 * // r.value.score = 6.56·0.2 + 3.26·0.1 + 6.72·0.08 + 1.05·(40/60) = 2.8756; zone 'safe'
 */
export function computeAltman(
  variant: AltmanVariant,
  items: AltmanItems,
  cutoffs: AltmanCutoffs = DEFAULT_ALTMAN_CUTOFFS[variant],
): Result<AltmanResult> {
  const missing = requiredItems(variant).filter((name) => {
    const v = items[name];
    return v === null || !Number.isFinite(v);
  });
  if (missing.length > 0) return fail('ALTMAN_MISSING_ITEM', { field: missing.join(','), variant });
  const v = (name: keyof AltmanItems): number => items[name] as number;
  const ta = v('totalAssets');
  const tl = v('totalLiabilities');
  if (ta <= 0) return fail('ALTMAN_NON_POSITIVE_DENOMINATOR', { field: 'totalAssets', value: String(ta) });
  if (tl <= 0) return fail('ALTMAN_NON_POSITIVE_DENOMINATOR', { field: 'totalLiabilities', value: String(tl) });
  const x1 = (v('currentAssets') - v('currentLiabilities')) / ta;
  const x2 = v('retainedEarnings') / ta;
  const x3 = v('ebit') / ta;
  const x4 = v('bookEquity') / tl;
  const x5 = variant === 'z-prime' ? v('revenue') / ta : null;
  const [w1, w2, w3, w4, w5] = WEIGHTS[variant];
  const score = w1 * x1 + w2 * x2 + w3 * x3 + w4 * x4 + w5 * (x5 ?? 0);
  const zone: AltmanZone = score < cutoffs.distress ? 'distress' : score > cutoffs.safe ? 'safe' : 'grey';
  return ok({ variant, score, x1, x2, x3, x4, x5, zone, cutoffs });
}
