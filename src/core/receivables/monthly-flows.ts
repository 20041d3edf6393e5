import { epochDayUnchecked } from '../time/index.js';
import type { ReceivablesLedger } from './ledger.js';
import { LEDGER_VOID, ledgerColumns, SETTLEMENT_KINDS } from './ledger-columns.js';
import { type Periods, periodOf } from './periods.js';

/** Credit sales and write-offs of each period, per currency (minor units). */
export interface MonthlyFlows {
  readonly sales: Map<string, number[]>;
  readonly writeOffs: Map<string, number[]>;
}

const WRITE_OFF = SETTLEMENT_KINDS.indexOf('write_off');

/**
 * Credit sales (invoiced amounts, void invoices excluded, by issue date) and write-offs (by the
 * write-off's date) of each period, per currency, in one pass over the ledger's columns.
 * Credit notes are not netted from sales: they show as settlements, like the CEI sources do.
 *
 * @example
 * computeMonthlyFlows(ledger, buildPeriods('2026-03-31', 3)).sales.get('CNY') // [Jan, Feb, Mar]
 */
export function computeMonthlyFlows(ledger: ReceivablesLedger, periods: Periods): MonthlyFlows {
  const cols = ledgerColumns(ledger);
  const n = periods.dates.length;
  const sales = cols.currencies.map(() => new Float64Array(n));
  const writeOffs = cols.currencies.map(() => new Float64Array(n));
  for (let i = 0; i < cols.length; i++) {
    if ((cols.flags[i] as number) & LEDGER_VOID) continue;
    const currency = cols.currency[i] as number;
    const p = periodOf(periods, cols.issued[i] as number);
    if (p >= 0) add(sales, currency, p, cols.amount[i] as number);
    for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
      if (cols.settlementKind[k] !== WRITE_OFF) continue;
      const q = periodOf(periods, cols.settlementDay[k] as number);
      if (q >= 0) add(writeOffs, currency, q, cols.settlementAmount[k] as number);
    }
  }
  return { sales: byCurrency(sales, cols.currencies), writeOffs: byCurrency(writeOffs, cols.currencies) };
}

function add(rows: Float64Array[], currency: number, period: number, amount: number): void {
  const row = rows[currency] as Float64Array;
  row[period] = (row[period] as number) + amount;
}

/** The currencies with anything in some period, as rows of plain numbers. */
function byCurrency(rows: readonly Float64Array[], currencies: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((row, c) => {
    if (row.some((v) => v !== 0)) out.set(currencies[c] as string, Array.from(row));
  });
  return out;
}

/**
 * Each customer's credit sales per currency over the days (from, to], for concentration on sales;
 * customers in order of their first such invoice.
 *
 * @example
 * salesByCustomer(ledger, '2025-03-31', '2026-03-31') // Map { 'c1' => Map { 'CNY' => 120000 } }
 */
export function salesByCustomer(ledger: ReceivablesLedger, from: string, to: string): Map<string, Map<string, number>> {
  const cols = ledgerColumns(ledger);
  const fromDay = epochDayUnchecked(from);
  const toDay = epochDayUnchecked(to);
  const rows: (Map<string, number> | undefined)[] = new Array(cols.customerIds.length);
  const out = new Map<string, Map<string, number>>();
  for (let i = 0; i < cols.length; i++) {
    const issued = cols.issued[i] as number;
    if ((cols.flags[i] as number) & LEDGER_VOID || issued <= fromDay || issued > toDay) continue;
    const c = cols.customer[i] as number;
    let row = rows[c];
    if (row === undefined) {
      row = new Map();
      rows[c] = row;
      out.set(cols.customerIds[c] as string, row);
    }
    const currency = cols.currencies[cols.currency[i] as number] as string;
    row.set(currency, (row.get(currency) ?? 0) + (cols.amount[i] as number));
  }
  return out;
}
