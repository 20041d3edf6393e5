import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import { LineConverter } from './base-aging.js';
import type { BaseCurrency, RateUsed } from './base-currency.js';
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
  /** Every customer with an open line; they add up to `total`. */
  readonly byCustomer: ReadonlyMap<string, ReceivablesFigures>;
  readonly rates: readonly RateUsed[];
  /** Currencies with open lines but no rate on the as-of date: their lines are left out. */
  readonly missingRates: readonly string[];
}

const FIELDS = 5;

/**
 * The open, overdue and over-90-days receivables of a ledger as of a date, in total and per
 * customer, by the one conversion rule (`LineConverter`): each open line is revalued at the as-of
 * rate, half-even, and every figure is a sum of revalued lines, so it is the same to the fen
 * wherever it is shown, and the customers add up to the total. A currency without a rate is left
 * out and named. Overdue is `isOverdue`; over 90 days is more than `LONG_OVERDUE_DAYS` past due.
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
  const conv = new LineConverter(cols.currencies, base, asOf);
  const asOfDay = epochDayUnchecked(asOf);
  const customers = cols.customerIds.length;
  // Per customer (and a last row for the total): open, overdue, over 90, open count, overdue count.
  const sums = new Float64Array((customers + 1) * FIELDS);
  const seen = new Uint8Array(customers);
  const used = new Set<number>();
  const add = (at: number, amount: number, open: number, late: number) => {
    sums[at] = (sums[at] as number) + amount;
    if (late > 0) sums[at + 1] = (sums[at + 1] as number) + amount;
    if (late > LONG_OVERDUE_DAYS) sums[at + 2] = (sums[at + 2] as number) + amount;
    if (open <= 0) return;
    sums[at + 3] = (sums[at + 3] as number) + 1;
    if (late > 0) sums[at + 4] = (sums[at + 4] as number) + 1;
  };
  forEachOpenLine(ledger, asOf, (_invoice, dueOn, open, part, row) => {
    const c = cols.currency[row] as number;
    const amount = conv.toBase(open, c);
    if (amount === null) return;
    used.add(c);
    const customer = cols.customer[row] as number;
    const late = daysPastDue(part < 0 ? (cols.due[row] as number) : epochDayUnchecked(dueOn), asOfDay);
    seen[customer] = 1;
    add(customer * FIELDS, amount, open, late);
    add(customers * FIELDS, amount, open, late);
  });
  const figures = (at: number): ReceivablesFigures => ({
    openMinor: sums[at] as number,
    overdueMinor: sums[at + 1] as number,
    over90Minor: sums[at + 2] as number,
    openCount: sums[at + 3] as number,
    overdueCount: sums[at + 4] as number,
  });
  const byCustomer = new Map<string, ReceivablesFigures>();
  cols.customerIds.forEach((id, c) => {
    if (seen[c] === 1) byCustomer.set(id, figures(c * FIELDS));
  });
  return {
    asOf,
    currency: base.currency,
    total: figures(customers * FIELDS),
    byCustomer,
    rates: conv.used(used),
    missingRates: [...conv.missing].sort(),
  };
}
