import { computeAltman } from '../altman.js';
import { completeItems, type DistressItems, type ItemName, item } from './items.js';

/** One model input: a scale-free ratio of raw statement items. */
export interface FeatureDefinition {
  /** Stable code, used in reason codes (`LOW_EBIT_TA`) and in the model file. */
  readonly name: string;
  readonly formula: string;
  /** The UCI Polish column(s) it corresponds to. */
  readonly polish: string;
  readonly items: readonly ItemName[];
  /**
   * How distress risk is expected to move with the value: +1 rises, −1 falls, 0 no fixed direction.
   * A model may impose it as a monotone constraint (the statement-items model does).
   */
  readonly risk: 1 | -1 | 0;
  /** The ratio, or null when an item is missing or a denominator is zero or negative. */
  readonly compute: (items: DistressItems) => number | null;
}

/** a/b, or null when either is missing or b ≤ 0 (every denominator here is a size that must be positive). */
function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b <= 0) return null;
  return a / b;
}

function minus(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

type Get = (name: ItemName) => number | null;

function define(
  [name, risk]: readonly [string, 1 | -1 | 0],
  formula: string,
  polish: string,
  items: readonly ItemName[],
  fn: (get: Get) => number | null,
): FeatureDefinition {
  return { name, formula, polish, items, risk, compute: (values) => fn((n) => item(values, n)) };
}

const liquid = (g: Get): number | null => minus(minus(g('currentAssets'), g('inventory')), g('receivables'));

/** The features of the shipped model, all computable from raw statement items. */
export const FEATURES: readonly FeatureDefinition[] = [
  define(['NI_TA', -1], 'net income / total assets', 'Attr1', ['netIncome', 'totalAssets'], (g) =>
    ratio(g('netIncome'), g('totalAssets')),
  ),
  define(['TL_TA', 1], 'total liabilities / total assets', 'Attr2', ['totalLiabilities', 'totalAssets'], (g) =>
    ratio(g('totalLiabilities'), g('totalAssets')),
  ),
  define(
    ['WC_TA', -1],
    '(current assets − current liabilities) / total assets',
    'Attr3',
    ['currentAssets', 'currentLiabilities', 'totalAssets'],
    (g) => ratio(minus(g('currentAssets'), g('currentLiabilities')), g('totalAssets')),
  ),
  define(['CA_CL', -1], 'current assets / current liabilities', 'Attr4', ['currentAssets', 'currentLiabilities'], (g) =>
    ratio(g('currentAssets'), g('currentLiabilities')),
  ),
  define(['RE_TA', -1], 'retained earnings / total assets', 'Attr6', ['retainedEarnings', 'totalAssets'], (g) =>
    ratio(g('retainedEarnings'), g('totalAssets')),
  ),
  define(['EBIT_TA', -1], 'EBIT / total assets', 'Attr7', ['ebit', 'totalAssets'], (g) =>
    ratio(g('ebit'), g('totalAssets')),
  ),
  define(['EQ_TL', -1], 'book equity / total liabilities', 'Attr8', ['bookEquity', 'totalLiabilities'], (g) =>
    ratio(g('bookEquity'), g('totalLiabilities')),
  ),
  define(['SALES_TA', 0], 'revenue / total assets', 'Attr9', ['revenue', 'totalAssets'], (g) =>
    ratio(g('revenue'), g('totalAssets')),
  ),
  define(['EQ_TA', -1], 'book equity / total assets', 'Attr10', ['bookEquity', 'totalAssets'], (g) =>
    ratio(g('bookEquity'), g('totalAssets')),
  ),
  define(
    ['QUICK', -1],
    '(current assets − inventory) / current liabilities',
    'Attr46',
    ['currentAssets', 'inventory', 'currentLiabilities'],
    (g) => ratio(minus(g('currentAssets'), g('inventory')), g('currentLiabilities')),
  ),
  define(
    ['LIQUID_CL', -1],
    '(current assets − inventory − receivables) / current liabilities',
    'Attr40',
    ['currentAssets', 'inventory', 'receivables', 'currentLiabilities'],
    (g) => ratio(liquid(g), g('currentLiabilities')),
  ),
  define(
    ['LIQUID_TA', -1],
    '(current assets − inventory − receivables) / total assets',
    'Attr40·Attr51',
    ['currentAssets', 'inventory', 'receivables', 'totalAssets'],
    (g) => ratio(liquid(g), g('totalAssets')),
  ),
  define(['CL_TA', 1], 'current liabilities / total assets', 'Attr51', ['currentLiabilities', 'totalAssets'], (g) =>
    ratio(g('currentLiabilities'), g('totalAssets')),
  ),
  define(
    ['LTL_TA', 0],
    '(total liabilities − current liabilities) / total assets',
    'Attr2 − Attr51',
    ['totalLiabilities', 'currentLiabilities', 'totalAssets'],
    (g) => ratio(minus(g('totalLiabilities'), g('currentLiabilities')), g('totalAssets')),
  ),
  define(['CA_TL', -1], 'current assets / total liabilities', 'Attr50', ['currentAssets', 'totalLiabilities'], (g) =>
    ratio(g('currentAssets'), g('totalLiabilities')),
  ),
  define(['EBIT_TL', -1], 'EBIT / total liabilities', 'Attr7 / Attr2', ['ebit', 'totalLiabilities'], (g) =>
    ratio(g('ebit'), g('totalLiabilities')),
  ),
  define(['EBIT_SALES', -1], 'EBIT / revenue', 'Attr7 / Attr9', ['ebit', 'revenue'], (g) =>
    ratio(g('ebit'), g('revenue')),
  ),
  define(['NI_SALES', -1], 'net income / revenue', 'Attr1 / Attr9', ['netIncome', 'revenue'], (g) =>
    ratio(g('netIncome'), g('revenue')),
  ),
  define(['SALES_CL', 0], 'revenue / current liabilities', 'Attr9 / Attr51', ['revenue', 'currentLiabilities'], (g) =>
    ratio(g('revenue'), g('currentLiabilities')),
  ),
  define(['REC_DAYS', 0], 'receivables × 365 / revenue', '≈ Attr44', ['receivables', 'revenue'], (g) => {
    const r = ratio(g('receivables'), g('revenue'));
    return r === null ? null : r * 365;
  }),
  define(['INV_DAYS', 0], 'inventory × 365 / revenue', '≈ Attr20', ['inventory', 'revenue'], (g) => {
    const r = ratio(g('inventory'), g('revenue'));
    return r === null ? null : r * 365;
  }),
  // Altman Z'' as one input: a robust linear summary the trees can split on directly.
  define(
    ['Z_DOUBLE_PRIME', -1],
    "Altman Z'' = 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA + 1.05·equity/TL",
    '6.56·Attr3 + 3.26·Attr6 + 6.72·Attr7 + 1.05·Attr8',
    [
      'currentAssets',
      'currentLiabilities',
      'retainedEarnings',
      'ebit',
      'bookEquity',
      'totalLiabilities',
      'totalAssets',
    ],
    (g) => {
      const z = computeAltman('z-double-prime', {
        currentAssets: g('currentAssets'),
        currentLiabilities: g('currentLiabilities'),
        retainedEarnings: g('retainedEarnings'),
        ebit: g('ebit'),
        bookEquity: g('bookEquity'),
        totalLiabilities: g('totalLiabilities'),
        revenue: g('revenue'),
        totalAssets: g('totalAssets'),
      });
      return z.ok ? z.value.score : null;
    },
  ),
];

/**
 * The feature values of one company in `features` order; NaN where a feature cannot be computed.
 * Equity or total liabilities missing alone is first filled from TA = TL + equity (completeItems).
 * With `only`, just those positions are computed (the others are NaN): a model needs few of them.
 */
export function computeFeatures(
  items: DistressItems,
  features: readonly FeatureDefinition[] = FEATURES,
  only?: readonly number[],
): Float64Array {
  const out = new Float64Array(features.length).fill(Number.NaN);
  const complete = completeItems(items);
  for (const j of only ?? features.keys()) {
    const value = features[j]?.compute(complete) ?? null;
    out[j] = value === null || !Number.isFinite(value) ? Number.NaN : value;
  }
  return out;
}

/** Looks a feature up by name. */
export function featureByName(name: string): FeatureDefinition | undefined {
  return FEATURES.find((f) => f.name === name);
}
