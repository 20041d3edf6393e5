import { epochDayUnchecked } from '../time/index.js';
import type { ReceivablesLedger } from './ledger.js';
import { addToRow, type Periods, periodOf } from './periods.js';

/** Credit sales and write-offs of each period, per currency (minor units). */
export interface MonthlyFlows {
  readonly sales: Map<string, number[]>;
  readonly writeOffs: Map<string, number[]>;
}

/**
 * Credit sales (invoiced amounts, void invoices excluded, by issue date) and write-offs (by the
 * write-off's date) of each period, in one pass over invoices and one over settlements.
 * Credit notes are not netted from sales: they show as settlements, like the CEI sources do.
 *
 * @example
 * computeMonthlyFlows(ledger, buildPeriods('2026-03-31', 3)).sales.get('CNY') // [Jan, Feb, Mar]
 */
export function computeMonthlyFlows(ledger: ReceivablesLedger, periods: Periods): MonthlyFlows {
  const n = periods.dates.length;
  const sales = new Map<string, number[]>();
  const currencyOf = new Map<string, string>();
  for (const inv of ledger.invoices) {
    if (inv.status === 'void') continue;
    currencyOf.set(inv.id, inv.currency);
    const p = periodOf(periods, epochDayUnchecked(inv.issuedOn));
    if (p >= 0) addToRow(sales, inv.currency, p, inv.amountMinor, n);
  }
  const writeOffs = new Map<string, number[]>();
  for (const s of ledger.settlements) {
    if (s.kind !== 'write_off') continue;
    const currency = currencyOf.get(s.invoiceId);
    const p = currency === undefined ? -1 : periodOf(periods, epochDayUnchecked(s.on));
    if (p >= 0) addToRow(writeOffs, currency as string, p, s.amountMinor, n);
  }
  return { sales, writeOffs };
}

/**
 * Each customer's credit sales per currency over the days (from, to], for concentration on sales.
 *
 * @example
 * salesByCustomer(ledger, '2025-03-31', '2026-03-31') // Map { 'c1' => Map { 'CNY' => 120000 } }
 */
export function salesByCustomer(ledger: ReceivablesLedger, from: string, to: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const inv of ledger.invoices) {
    if (inv.status === 'void' || inv.issuedOn <= from || inv.issuedOn > to) continue;
    let row = out.get(inv.customerId);
    if (!row) {
      row = new Map();
      out.set(inv.customerId, row);
    }
    row.set(inv.currency, (row.get(inv.currency) ?? 0) + inv.amountMinor);
  }
  return out;
}
