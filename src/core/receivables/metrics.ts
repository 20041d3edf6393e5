import { fail, ok, type Result } from '../shared/index.js';
import { addMonths, endOfMonth, isLocalDate, type LocalDate } from '../time/index.js';
import { checkMonths } from './aging-series.js';
import { type CompanyBalanceSheet, computeLiquidity, type Liquidity } from './balance-sheet.js';
import { computeBaseAging } from './base-aging.js';
import type { BaseCurrency } from './base-currency.js';
import {
  type Concentration,
  type ConcentrationLevel,
  type CustomerAmount,
  computeConcentration,
  concentrationLevel,
} from './concentration.js';
import { DEFAULT_DSO_METHOD, type DsoMethod } from './dso.js';
import type { ReceivablesLedger } from './ledger.js';
import { gatherPeriodFigures } from './metric-inputs.js';
import { type MetricThresholdOverrides, resolveThresholds } from './metric-settings.js';
import { computeMonthlyMetrics, type MonthlyMetrics, TRAILING_MONTHS } from './monthly-metrics.js';
import type { PayablesLedger } from './payables-ledger.js';
import { salesInBase, trailingSalesWindow } from './sales.js';

export const DEFAULT_METRIC_MONTHS = 12;

export interface MetricsOptions {
  readonly asOf: LocalDate;
  /** Months reported, the last ending on `asOf` (default 12); 12 more are read for trailing figures. */
  readonly months?: number;
  readonly base: BaseCurrency;
  readonly dsoMethod?: DsoMethod;
  readonly payables?: PayablesLedger;
  /** The company's month-end figures, in the base currency; months without one get null ratios. */
  readonly balanceSheets?: readonly CompanyBalanceSheet[];
  /** Only the concentration bands are read here; `evaluateThresholds` takes the same overrides. */
  readonly thresholds?: MetricThresholdOverrides;
}

export interface ConcentrationView extends Concentration {
  readonly level: ConcentrationLevel;
}

export interface MetricsReport {
  readonly asOf: LocalDate;
  readonly baseCurrency: string;
  /** Always shown: which DSO drives BPDSO, ADD, CCC and the DSO trend alert. */
  readonly dsoMethod: DsoMethod;
  /**
   * Oldest first; the last is the month ending on `asOf`. A month still running (`isComplete`
   * false) shows its balances and sales to date; its DSO, ADD, CEI and ratios are not computed
   * and no threshold reads it.
   */
  readonly months: readonly MonthlyMetrics[];
  /** The trailing-12 sales: the 12 complete months up to the last one complete on `asOf`. */
  readonly salesTrailing12: { readonly from: LocalDate; readonly to: LocalDate; readonly totalMinor: number };
  /** Working capital and ratios from the latest balance sheet on or before `asOf`; null without one. */
  readonly liquidity: (Liquidity & { readonly monthEnd: LocalDate }) | null;
  /** On open AR at `asOf` and on the trailing-12 sales. */
  readonly concentration: { readonly openAr: ConcentrationView; readonly salesTrailing12: ConcentrationView };
}

/**
 * Monthly working-capital and receivables metrics (DOMAIN.md §6) for the months ending on `asOf`,
 * in the base currency, plus customer concentration at `asOf`.
 *
 * @example
 * const r = computeReceivablesMetrics(ledger, { asOf: '2026-03-31', base: { currency: 'CNY', fx } });
 * if (r.ok) r.value.months.at(-1)?.dso.countback;
 */
export function computeReceivablesMetrics(ledger: ReceivablesLedger, options: MetricsOptions): Result<MetricsReport> {
  const { asOf, base } = options;
  if (!isLocalDate(asOf)) return fail('VALIDATION_FAILED', { field: 'asOf', value: asOf });
  const months = checkMonths(options.months ?? DEFAULT_METRIC_MONTHS);
  if (!months.ok) return months;
  const sheets = indexSheets(options.balanceSheets ?? [], base.currency);
  if (!sheets.ok) return sheets;
  const history = months.value + TRAILING_MONTHS;
  const figures = gatherPeriodFigures(ledger, options.payables ?? null, asOf, history, base);
  if (!figures.ok) return figures;
  const method = options.dsoMethod ?? DEFAULT_DSO_METHOD;
  const out: MonthlyMetrics[] = [];
  for (let i = TRAILING_MONTHS; i < history; i++) {
    const on = figures.value.periods.dates[i] as LocalDate;
    out.push(computeMonthlyMetrics(figures.value, i, method, sheets.value.get(on)));
  }
  const sales = salesInBase(ledger, trailingSalesWindow(asOf), base);
  const concentration = computeConcentrations(ledger, asOf, base, sales.byCustomer, options.thresholds);
  if (!concentration.ok) return concentration;
  const latest = [...sheets.value.values()]
    .filter((s) => s.monthEnd <= asOf)
    .sort((a, b) => (a.monthEnd < b.monthEnd ? -1 : 1))
    .at(-1);
  return ok({
    asOf,
    baseCurrency: base.currency,
    dsoMethod: method,
    months: out,
    salesTrailing12: { from: sales.from, to: sales.to, totalMinor: sales.totalMinor },
    liquidity: latest ? { monthEnd: latest.monthEnd, ...computeLiquidity(latest) } : null,
    concentration: concentration.value,
  });
}

/** Balance sheets by month end; a sheet in another currency than the base is an error. */
function indexSheets(
  sheets: readonly CompanyBalanceSheet[],
  base: string,
): Result<Map<LocalDate, CompanyBalanceSheet>> {
  const byMonthEnd = new Map<LocalDate, CompanyBalanceSheet>();
  for (const s of sheets) {
    if (s.currency !== base) {
      return fail('AR_BALANCE_SHEET_CURRENCY', { monthEnd: s.monthEnd, value: s.currency, expected: base });
    }
    byMonthEnd.set(endOfMonth(s.monthEnd), s);
  }
  return ok(byMonthEnd);
}

function computeConcentrations(
  ledger: ReceivablesLedger,
  asOf: LocalDate,
  base: BaseCurrency,
  sales: ReadonlyMap<string, number>,
  overrides: MetricThresholdOverrides | undefined,
): Result<MetricsReport['concentration']> {
  const thresholds = resolveThresholds(overrides);
  const ar = computeBaseAging(ledger, { asOf, boundaries: [30] }, base);
  if (!ar.ok) return ar;
  const view = (amounts: CustomerAmount[]): ConcentrationView => {
    const c = computeConcentration(amounts);
    return { ...c, level: concentrationLevel(c, thresholds) };
  };
  return ok({
    openAr: view(ar.value.byCustomer.map((r) => ({ customerId: r.customerId, amountMinor: r.total }))),
    salesTrailing12: view([...sales].map(([customerId, amountMinor]) => ({ customerId, amountMinor }))),
  });
}
