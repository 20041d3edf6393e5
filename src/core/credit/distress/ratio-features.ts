import type { FeatureMatrix } from './binning.js';
import { type PolishRows, polishAccessors } from './polish-data.js';

/** What Attr1..Attr64 of the UCI Polish data mean (attributes.txt), in order. */
const ATTRIBUTE_FORMULAS: readonly string[] = [
  'Net Profit / Total Assets',
  'Total Liabilities / Total Assets',
  'Working Capital / Total Assets',
  'Current Assets / Short-term Liabilities',
  '[(Cash + Short-term Securities + Receivables - Short-term Liabilities) / (Operating Expenses - Depreciation)] * 365',
  'Retained Earnings / Total Assets',
  'EBIT / Total Assets',
  'Book Value of Equity / Total Liabilities',
  'Sales / Total Assets',
  'Equity / Total Assets',
  '(Gross Profit + Extraordinary Items + Financial Expenses) / Total Assets',
  'Gross Profit / Short-term Liabilities',
  '(Gross Profit + Depreciation) / Sales',
  '(Gross Profit + Interest) / Total Assets',
  '(Total Liabilities * 365) / (Gross Profit + Depreciation)',
  '(Gross Profit + Depreciation) / Total Liabilities',
  'Total Assets / Total Liabilities',
  'Gross Profit / Total Assets',
  'Gross Profit / Sales',
  '(Inventory * 365) / Sales',
  'Sales (n) / Sales (n-1)',
  'Profit on Operating Activities / Total Assets',
  'Net Profit / Sales',
  'Gross Profit (in 3 years) / Total Assets',
  '(Equity - Share Capital) / Total Assets',
  '(Net Profit + Depreciation) / Total Liabilities',
  'Profit on Operating Activities / Financial Expenses',
  'Working Capital / Fixed Assets',
  'Logarithm of Total Assets',
  '(Total Liabilities - Cash) / Sales',
  '(Gross Profit + Interest) / Sales',
  '(Current Liabilities * 365) / Cost of Products Sold',
  'Operating Expenses / Short-term Liabilities',
  'Operating Expenses / Total Liabilities',
  'Profit on Sales / Total Assets',
  'Total Sales / Total Assets',
  '(Current Assets - Inventories) / Long-term Liabilities',
  'Constant Capital / Total Assets',
  'Profit on Sales / Sales',
  '(Current Assets - Inventory - Receivables) / Short-term Liabilities',
  'Total Liabilities / ((Profit on Operating Activities + Depreciation) * (12/365))',
  'Profit on Operating Activities / Sales',
  'Rotation Receivables + Inventory Turnover in Days',
  '(Receivables * 365) / Sales',
  'Net Profit / Inventory',
  '(Current Assets - Inventory) / Short-term Liabilities',
  '(Inventory * 365) / Cost of Products Sold',
  'EBITDA (Profit on Operating Activities - Depreciation) / Total Assets',
  'EBITDA (Profit on Operating Activities - Depreciation) / Sales',
  'Current Assets / Total Liabilities',
  'Short-term Liabilities / Total Assets',
  '(Short-term Liabilities * 365) / Cost of Products Sold',
  'Equity / Fixed Assets',
  'Constant Capital / Fixed Assets',
  'Working Capital',
  '(Sales - Cost of Products Sold) / Sales',
  '(Current Assets - Inventory - Short-term Liabilities) / (Sales - Gross Profit - Depreciation)',
  'Total Costs / Total Sales',
  'Long-term Liabilities / Equity',
  'Sales / Inventory',
  'Sales / Receivables',
  '(Short-term Liabilities * 365) / Sales',
  'Sales / Short-term Liabilities',
  'Sales / Fixed Assets',
];

/** AttrK of one company (1-based), NaN when missing or absent. */
export type AttrAccessor = (k: number) => number;

/** One input of the ratio-layout model, computed from a row of Polish ratios. */
export interface RatioFeatureDefinition {
  readonly name: string;
  readonly formula: string;
  readonly polish: string;
  readonly compute: (attr: AttrAccessor) => number;
}

const attrFeature = (k: number): RatioFeatureDefinition => ({
  name: `ATTR${k}`,
  formula: ATTRIBUTE_FORMULAS[k - 1] ?? '',
  polish: `Attr${k}`,
  compute: (attr) => attr(k),
});

function countMissing(attr: AttrAccessor): number {
  let missing = 0;
  for (let k = 1; k <= 64; k += 1) if (Number.isNaN(attr(k))) missing += 1;
  return missing;
}

/**
 * The ratio-layout features: the 64 attributes as they are, plus two a tree cannot form on its own.
 * SALES_MEASURE_RATIO = Attr9 / Attr36 compares the data's two "sales / total assets" measures
 * (they differ in ~45 % of rows and the difference carries signal in this data set);
 * MISSING_COUNT counts missing attributes (a reporting-quality signal). Neither is computable
 * from raw statement items, which is why the statement-items model does not use them.
 */
export const RATIO_FEATURES: readonly RatioFeatureDefinition[] = [
  ...Array.from({ length: 64 }, (_, j) => attrFeature(j + 1)),
  {
    name: 'SALES_MEASURE_RATIO',
    formula: 'sales / total sales (Attr9 / Attr36)',
    polish: 'Attr9 / Attr36',
    compute: (attr) => {
      const total = attr(36);
      return total > 0 ? attr(9) / total : Number.NaN;
    },
  },
  {
    name: 'MISSING_COUNT',
    formula: 'number of missing attributes among Attr1..Attr64',
    polish: 'count of ?',
    compute: countMissing,
  },
];

/**
 * The ratio features of one company in RATIO_FEATURES order; NaN where missing.
 *
 * @example
 * computeRatioFeatures((k) => (k === 9 ? 2 : k === 36 ? 4 : Number.NaN))[64]; // 0.5 (SALES_MEASURE_RATIO)
 */
export function computeRatioFeatures(attr: AttrAccessor): Float64Array {
  return Float64Array.from(RATIO_FEATURES, (f) => {
    const v = f.compute(attr);
    return Number.isFinite(v) ? v : Number.NaN;
  });
}

/** The ratio features of every row, through the same code that scores one row. */
export function ratioFeatureMatrix(rows: PolishRows): FeatureMatrix {
  const columns = RATIO_FEATURES.map(() => new Float64Array(rows.rowCount));
  const accessor = polishAccessors(rows);
  for (let i = 0; i < rows.rowCount; i += 1) {
    const values = computeRatioFeatures(accessor(i));
    columns.forEach((column, f) => {
      column[i] = values[f] as number;
    });
  }
  return { names: RATIO_FEATURES.map((f) => f.name), columns, rowCount: rows.rowCount };
}
