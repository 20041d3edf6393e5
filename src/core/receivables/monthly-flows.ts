import type { BaseCurrency } from './base-currency.js';
import type { ReceivablesLedger } from './ledger.js';
import { LEDGER_VOID, ledgerColumns, SETTLEMENT_KINDS } from './ledger-columns.js';
import { type Periods, periodOf } from './periods.js';
import { DatedConverter } from './sales.js';

/** Credit sales and write-offs of each period, in base minor units. */
export interface MonthlyFlows {
  readonly sales: number[];
  readonly writeOffs: number[];
  /** The first currency and date left out for want of a rate, or null. */
  readonly missingRate: { readonly from: string; readonly to: string; readonly on: string } | null;
}

const WRITE_OFF = SETTLEMENT_KINDS.indexOf('write_off');

/**
 * Credit sales (invoiced amounts, void invoices excluded, by issue date) and write-offs (by the
 * write-off's date) of each period in the base currency, each line at the rate of its own date
 * (`DatedConverter`), in one pass over the ledger's columns. Credit notes are not netted from
 * sales: they show as settlements, like the CEI sources do.
 *
 * @example
 * computeMonthlyFlows(ledger, buildPeriods('2026-03-31', 3), { currency: 'CNY', fx }).sales // [Jan, Feb, Mar]
 */
export function computeMonthlyFlows(ledger: ReceivablesLedger, periods: Periods, base: BaseCurrency): MonthlyFlows {
  const cols = ledgerColumns(ledger);
  const conv = new DatedConverter(cols.currencies, base);
  const n = periods.dates.length;
  const sales = new Array<number>(n).fill(0);
  const writeOffs = new Array<number>(n).fill(0);
  for (let i = 0; i < cols.length; i++) {
    if ((cols.flags[i] as number) & LEDGER_VOID) continue;
    const currency = cols.currency[i] as number;
    const issued = cols.issued[i] as number;
    const p = periodOf(periods, issued);
    if (p >= 0) sales[p] = (sales[p] as number) + (conv.toBase(cols.amount[i] as number, currency, issued) ?? 0);
    for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
      if (cols.settlementKind[k] !== WRITE_OFF) continue;
      const day = cols.settlementDay[k] as number;
      const q = periodOf(periods, day);
      if (q >= 0)
        writeOffs[q] = (writeOffs[q] as number) + (conv.toBase(cols.settlementAmount[k] as number, currency, day) ?? 0);
    }
  }
  return { sales, writeOffs, missingRate: conv.firstMissing };
}
