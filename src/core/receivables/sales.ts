import { minorUnits, roundWith } from '../money/index.js';
import { addMonths, endOfMonth, epochDayUnchecked, fromEpochDay, type LocalDate, startOfMonth } from '../time/index.js';
import type { BaseCurrency } from './base-currency.js';
import type { ReceivablesLedger } from './ledger.js';
import { LEDGER_VOID, ledgerColumns } from './ledger-columns.js';

/**
 * Converts flows (an invoice when issued, a write-off when written off) at the rate of their own
 * date, the transaction rate, line by line, half-even: the one rule for sales in the base
 * currency, so a month's sales, the trailing 12 months and each customer's share add up exactly.
 * Rates are looked up once per currency and day.
 */
export class DatedConverter {
  private readonly memo = new Map<number, number | null>();
  private readonly scales: number[];
  readonly missing = new Set<string>();
  /** The first currency and date met without a rate, for the error that names them. */
  firstMissing: { readonly from: string; readonly to: string; readonly on: LocalDate } | null = null;

  constructor(
    private readonly currencies: readonly string[],
    private readonly base: BaseCurrency,
  ) {
    this.scales = currencies.map((c) => 10 ** (minorUnits(base.currency) - minorUnits(c)));
  }

  /** `amount` minor units of currency slot `c` on epoch day `day`, in base minor units; null without a rate. */
  toBase(amount: number, c: number, day: number): number | null {
    const code = this.currencies[c] as string;
    if (code === this.base.currency) return amount;
    const key = day * 1024 + c;
    let rate = this.memo.get(key);
    if (rate === undefined) {
      rate = this.base.fx.rate(code, this.base.currency, fromEpochDay(day), this.base.currency) ?? null;
      this.memo.set(key, rate);
    }
    if (rate === null) {
      this.missing.add(code);
      this.firstMissing ??= { from: code, to: this.base.currency, on: fromEpochDay(day) };
      return null;
    }
    return roundWith(amount * rate * (this.scales[c] as number), 'halfEven');
  }
}

/** The last complete month on `asOf`: its own month when `asOf` is the month's last day. */
function lastCompleteMonthEnd(asOf: LocalDate): LocalDate {
  return endOfMonth(asOf) === asOf ? asOf : endOfMonth(addMonths(startOfMonth(asOf), -1));
}

/**
 * Trailing-12 sales, the one window: the 12 complete months up to the last one complete on `asOf`
 * (a running month is not part of it).
 *
 * @example
 * trailingSalesWindow('2026-12-08') // { from: '2025-12-01', to: '2026-11-30' }
 * trailingSalesWindow('2026-11-30') // { from: '2025-12-01', to: '2026-11-30' }
 */
export function trailingSalesWindow(asOf: LocalDate): { readonly from: LocalDate; readonly to: LocalDate } {
  const to = lastCompleteMonthEnd(asOf);
  return { from: startOfMonth(addMonths(startOfMonth(to), -11)), to };
}

export interface SalesInBase {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly totalMinor: number;
  /** Customers with sales in the window; they add up to the total. */
  readonly byCustomer: ReadonlyMap<string, number>;
  /** Currencies of invoices left out for want of a rate on their date. */
  readonly missingRates: readonly string[];
}

/**
 * Credit sales (invoiced amounts, void invoices left out, by issue date) from `from` to `to`
 * inclusive, each invoice at its issue-date rate (`DatedConverter`), in total and per customer.
 *
 * @example
 * salesInBase(ledger, trailingSalesWindow('2026-12-08'), { currency: 'CNY', fx }).totalMinor
 */
export function salesInBase(
  ledger: ReceivablesLedger,
  window: { from: LocalDate; to: LocalDate },
  base: BaseCurrency,
): SalesInBase {
  const cols = ledgerColumns(ledger);
  const conv = new DatedConverter(cols.currencies, base);
  const fromDay = epochDayUnchecked(window.from);
  const toDay = epochDayUnchecked(window.to);
  const sums = new Float64Array(cols.customerIds.length);
  const seen = new Uint8Array(cols.customerIds.length);
  let total = 0;
  for (let i = 0; i < cols.length; i++) {
    const issued = cols.issued[i] as number;
    if ((cols.flags[i] as number) & LEDGER_VOID || issued < fromDay || issued > toDay) continue;
    const amount = conv.toBase(cols.amount[i] as number, cols.currency[i] as number, issued);
    if (amount === null) continue;
    const c = cols.customer[i] as number;
    sums[c] = (sums[c] as number) + amount;
    seen[c] = 1;
    total += amount;
  }
  const byCustomer = new Map<string, number>();
  cols.customerIds.forEach((id, c) => {
    if (seen[c] === 1) byCustomer.set(id, sums[c] as number);
  });
  return { ...window, totalMinor: total, byCustomer, missingRates: [...conv.missing].sort() };
}
