import { ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';
import { convertSeriesToBase } from './aging-base.js';
import { computeAgingSeries } from './aging-series.js';
import { type BaseCurrency, rateToBase, toBaseMinor } from './base-currency.js';
import type { ReceivablesLedger } from './ledger.js';
import { computeMonthlyFlows } from './monthly-flows.js';
import { computeOpenPayables, type PayablesLedger } from './payables-ledger.js';
import { buildPeriods, type Periods } from './periods.js';

/** The per-period figures every metric is computed from, in minor units of the base currency. */
export interface PeriodFigures {
  readonly periods: Periods;
  /** Open AR at each period end. */
  readonly arTotal: readonly number[];
  /** The part of it not yet due. */
  readonly arCurrent: readonly number[];
  readonly sales: readonly number[];
  readonly writeOffs: readonly number[];
  /** Open AP at each period end (zero without a payables ledger). */
  readonly ap: readonly number[];
}

/**
 * Gathers AR (total and not yet due), credit sales, write-offs and AP for `months` periods ending
 * on `asOf`, each converted to the base currency at its period-end rate. Fails with
 * AR_FX_RATE_MISSING when a currency with a non-zero figure has no rate on that date.
 *
 * @example
 * gatherPeriodFigures(ledger, null, '2026-03-31', 24, { currency: 'CNY', fx })
 */
export function gatherPeriodFigures(
  ledger: ReceivablesLedger,
  payables: PayablesLedger | null,
  asOf: LocalDate,
  months: number,
  base: BaseCurrency,
): Result<PeriodFigures> {
  const periods = buildPeriods(asOf, months);
  const series = computeAgingSeries(ledger, { asOf, months, basis: 'due', boundaries: [30] });
  if (!series.ok) return series;
  const ar = convertSeriesToBase(series.value, base);
  if (!ar.ok) return ar;
  const flows = computeMonthlyFlows(ledger, periods);
  const sales = toBasePerPeriod(flows.sales, periods, base);
  if (!sales.ok) return sales;
  const writeOffs = toBasePerPeriod(flows.writeOffs, periods, base);
  if (!writeOffs.ok) return writeOffs;
  const ap = payables ? toBasePerPeriod(computeOpenPayables(payables, periods), periods, base) : ok(zeros(months));
  if (!ap.ok) return ap;
  return ok({
    periods,
    arTotal: ar.value.map((p) => p.total),
    arCurrent: ar.value.map((p) => p.amounts[0] as number),
    sales: sales.value,
    writeOffs: writeOffs.value,
    ap: ap.value,
  });
}

/** Adds up per-currency period rows in the base currency, each period at its own end-date rate. */
export function toBasePerPeriod(
  rows: ReadonlyMap<string, readonly number[]>,
  periods: Periods,
  base: BaseCurrency,
): Result<number[]> {
  const out = zeros(periods.dates.length);
  for (const [currency, row] of rows) {
    for (let i = 0; i < row.length; i++) {
      const amount = row[i] as number;
      if (amount === 0) continue;
      const on = periods.dates[i] as LocalDate;
      const rate = currency === base.currency ? ok(1) : rateToBase(base.fx, currency, base.currency, on);
      if (!rate.ok) return rate;
      out[i] = (out[i] as number) + toBaseMinor(amount, currency, base.currency, rate.value);
    }
  }
  return ok(out);
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
