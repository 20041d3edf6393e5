import type { FinancialStatement } from '../../model/index.js';

/**
 * The raw statement items the distress model reads, in any one unit (ratios are scale-free).
 * `null` (or a non-finite number) means the item is missing; nothing is ever read as 0.
 */
export interface DistressItems {
  readonly revenue: number | null;
  readonly ebit: number | null;
  readonly netIncome: number | null;
  readonly totalAssets: number | null;
  readonly currentAssets: number | null;
  readonly currentLiabilities: number | null;
  readonly totalLiabilities: number | null;
  readonly retainedEarnings: number | null;
  readonly bookEquity: number | null;
  readonly inventory: number | null;
  readonly receivables: number | null;
  readonly cash: number | null;
  readonly marketValueEquity: number | null;
}

export const ITEM_NAMES = [
  'revenue',
  'ebit',
  'netIncome',
  'totalAssets',
  'currentAssets',
  'currentLiabilities',
  'totalLiabilities',
  'retainedEarnings',
  'bookEquity',
  'inventory',
  'receivables',
  'cash',
  'marketValueEquity',
] as const satisfies readonly (keyof DistressItems)[];

export type ItemName = (typeof ITEM_NAMES)[number];

/** Picks the model's items out of a stored statement (integer minor units; the unit cancels out). */
export function itemsFromStatement(statement: FinancialStatement): DistressItems {
  const items: Record<ItemName, number | null> = {} as Record<ItemName, number | null>;
  for (const name of ITEM_NAMES) items[name] = statement[name];
  return items;
}

/** Reads an item: a finite number, or null when missing. */
export function item(items: DistressItems, name: ItemName): number | null {
  const value = items[name];
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Fills book equity or total liabilities from the balance-sheet identity TA = TL + equity when
 * exactly one of the two is missing (statements often give only one of them). Nothing else is
 * inferred: a missing inventory may be zero or unreported, so it stays missing.
 *
 * @example
 * completeItems({ ...items, totalAssets: 100, totalLiabilities: 60, bookEquity: null }).bookEquity; // 40
 */
export function completeItems(items: DistressItems): DistressItems {
  const ta = item(items, 'totalAssets');
  const tl = item(items, 'totalLiabilities');
  const equity = item(items, 'bookEquity');
  if (ta === null || (tl === null) === (equity === null)) return items;
  return tl === null ? { ...items, totalLiabilities: ta - (equity as number) } : { ...items, bookEquity: ta - tl };
}

/** The names of the items that are missing, in ITEM_NAMES order. */
export function missingItems(items: DistressItems): ItemName[] {
  return ITEM_NAMES.filter((name) => item(items, name) === null);
}

/**
 * Rebuilds per-unit-of-total-assets statement items from a row of UCI Polish ratios, so that the
 * training data and a raw statement go through the same feature code. `attr(k)` returns AttrK,
 * NaN when missing. Balance-sheet splits go through short-term liabilities (Attr51 = CL/TA) because
 * Attr4, Attr46 and Attr40 share that denominator and agree with each other in the data:
 * CA = Attr4·CL, inventory = (Attr4 − Attr46)·CL, receivables = (Attr46 − Attr40)·CL,
 * and (CA − inventory − receivables) = Attr40·CL follows. Cash itself is not in the data: null.
 *
 * @example
 * itemsFromPolishRatios((k) => row[k - 1]).totalLiabilities; // Attr2
 */
export function itemsFromPolishRatios(attr: (k: number) => number): DistressItems {
  const value = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const cl = value(attr(51));
  const times = (ratio: number): number | null => (cl === null ? null : value(ratio * cl));
  const a4 = attr(4);
  const a46 = attr(46);
  const a40 = attr(40);
  // With CL = 0 the CL-based ratios are undefined; CA is then CL + WC = Attr3.
  const currentAssets = cl === 0 ? value(attr(3)) : times(a4);
  return {
    revenue: value(attr(9)),
    ebit: value(attr(7)),
    netIncome: value(attr(1)),
    totalAssets: 1,
    currentAssets,
    currentLiabilities: cl,
    totalLiabilities: value(attr(2)),
    retainedEarnings: value(attr(6)),
    bookEquity: value(attr(10)),
    inventory: times(a4 - a46),
    receivables: times(a46 - a40),
    cash: null,
    marketValueEquity: null,
  };
}
