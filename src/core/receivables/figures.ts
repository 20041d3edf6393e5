import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import { type BaseCurrency, listRates, type RateUsed, toBaseMinor } from './base-currency.js';
import type { ReceivablesLedger } from './ledger.js';
import { ledgerColumns } from './ledger-columns.js';
import { forEachOpenLine } from './open-items.js';

/** Days past due of a line: positive once the due date has passed (`dueOn` < `asOf`). */
export function daysPastDue(dueDay: number, asOfDay: number): number {
  return asOfDay - dueDay;
}

/**
 * Overdue, the one rule: the due date is before the as-of date (a line due today is not overdue).
 *
 * @example
 * isOverdue('2026-12-07', '2026-12-08') // true
 */
export function isOverdue(dueOn: LocalDate, asOf: LocalDate): boolean {
  return dueOn < asOf;
}

/** Lines more than this many days past due are 'over 90 days' (the aging's oldest default bucket). */
export const LONG_OVERDUE_DAYS = 90;

/** The receivables figures every screen shows, in minor units of the base currency. */
export interface ReceivablesFigures {
  /** Open amount of every open line (a credit balance counts as negative). */
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly over90Minor: number;
  /** Lines with a positive open amount, and those of them overdue. */
  readonly openCount: number;
  readonly overdueCount: number;
}

export interface ReceivablesTotals {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly total: ReceivablesFigures;
  /** Every customer with an open line. */
  readonly byCustomer: ReadonlyMap<string, ReceivablesFigures>;
  readonly rates: readonly RateUsed[];
  /** Currencies with open lines but no rate on the as-of date: their amounts are left out. */
  readonly missingRates: readonly string[];
}

const OPEN = 0;
const OVERDUE = 1;
const OVER90 = 2;
const FIGURES = 3;

/** Exact per-currency sums of one group's figures, converted once per currency (`sumInBase`). */
function convertGroup(
  sums: Float64Array,
  at: number,
  currencies: readonly string[],
  rates: readonly (number | undefined)[],
  base: string,
): Pick<ReceivablesFigures, 'openMinor' | 'overdueMinor' | 'over90Minor'> {
  const out = [0, 0, 0];
  for (let c = 0; c < currencies.length; c++) {
    const rate = rates[c];
    if (rate === undefined) continue;
    for (let f = 0; f < FIGURES; f++) {
      const amount = sums[at + c * FIGURES + f] as number;
      if (amount !== 0) out[f] = (out[f] as number) + toBaseMinor(amount, currencies[c] as string, base, rate);
    }
  }
  return { openMinor: out[OPEN] as number, overdueMinor: out[OVERDUE] as number, over90Minor: out[OVER90] as number };
}

/**
 * The open, overdue and over-90-days receivables of a ledger as of a date, in total and per
 * customer: the one conversion rule every screen shares. Open lines are summed per currency in
 * minor units, exactly; each currency's sum is then converted once at the as-of rate (half-even),
 * so a figure is the same to the fen wherever it is shown. A currency without a rate is left out
 * and named. Overdue is `isOverdue`; over 90 days is more than `LONG_OVERDUE_DAYS` past due.
 *
 * @example
 * computeReceivablesFigures(ledger, '2026-12-08', { currency: 'CNY', fx }).total.overdueMinor
 */
export function computeReceivablesFigures(
  ledger: ReceivablesLedger,
  asOf: LocalDate,
  base: BaseCurrency,
): ReceivablesTotals {
  const cols = ledgerColumns(ledger);
  const asOfDay = epochDayUnchecked(asOf);
  const stride = cols.currencies.length * FIGURES;
  const sums = new Float64Array((cols.customerIds.length + 1) * stride);
  const totalAt = cols.customerIds.length * stride;
  const counts = new Int32Array((cols.customerIds.length + 1) * 2);
  const seen = new Uint8Array(cols.customerIds.length);
  const used = new Uint8Array(cols.currencies.length);
  const add = (slot: number, k: number, open: number, late: number) => {
    sums[slot + OPEN] = (sums[slot + OPEN] as number) + open;
    if (late > 0) sums[slot + OVERDUE] = (sums[slot + OVERDUE] as number) + open;
    if (late > LONG_OVERDUE_DAYS) sums[slot + OVER90] = (sums[slot + OVER90] as number) + open;
    if (open <= 0) return;
    counts[k] = (counts[k] as number) + 1;
    if (late > 0) counts[k + 1] = (counts[k + 1] as number) + 1;
  };
  forEachOpenLine(ledger, asOf, (_invoice, dueOn, open, part, row) => {
    const customer = cols.customer[row] as number;
    const currency = cols.currency[row] as number;
    const late = daysPastDue(part < 0 ? (cols.due[row] as number) : epochDayUnchecked(dueOn), asOfDay);
    used[currency] = 1;
    seen[customer] = 1;
    add(customer * stride + currency * FIGURES, customer * 2, open, late);
    add(totalAt + currency * FIGURES, cols.customerIds.length * 2, open, late);
  });
  const rates = cols.currencies.map((c) =>
    c === base.currency ? 1 : base.fx.rate(c, base.currency, asOf, base.currency),
  );
  const figures = (at: number, k: number): ReceivablesFigures => ({
    ...convertGroup(sums, at, cols.currencies, rates, base.currency),
    openCount: counts[k] as number,
    overdueCount: counts[k + 1] as number,
  });
  const byCustomer = new Map<string, ReceivablesFigures>();
  cols.customerIds.forEach((id, c) => {
    if (seen[c] === 1) byCustomer.set(id, figures(c * stride, c * 2));
  });
  const usedRates = new Map<string, number>();
  const missing: string[] = [];
  cols.currencies.forEach((c, i) => {
    if (used[i] !== 1) return;
    const rate = rates[i];
    if (rate === undefined) missing.push(c);
    else usedRates.set(c, rate);
  });
  return {
    asOf,
    currency: base.currency,
    total: figures(totalAt, cols.customerIds.length * 2),
    byCustomer,
    rates: listRates(usedRates),
    missingRates: missing.sort(),
  };
}
