import { fail, ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';
import { computeBaseAgingSeries } from './base-aging.js';
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
 * Gathers AR (total and not yet due, each open line at the period-end rate), credit sales and
 * write-offs (each at the rate of its own date) and AP (at the period-end rate) for `months`
 * periods ending on `asOf`. Fails with AR_FX_RATE_MISSING when a currency with a non-zero figure
 * has no rate on a date it needs one.
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
  const ar = computeBaseAgingSeries(ledger, { asOf, months, basis: 'due', boundaries: [30] }, base);
  if (!ar.ok) return ar;
  const flows = computeMonthlyFlows(ledger, periods, base);
  if (flows.missingRate !== null) return fail('AR_FX_RATE_MISSING', flows.missingRate);
  const ap = payables ? toBasePerPeriod(computeOpenPayables(payables, periods), periods, base) : ok(zeros(months));
  if (!ap.ok) return ap;
  return ok({
    periods,
    arTotal: ar.value.map((p) => p.total),
    arCurrent: ar.value.map((p) => p.amounts[0] as number),
    sales: flows.sales,
    writeOffs: flows.writeOffs,
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
