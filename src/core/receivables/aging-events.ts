import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import type { LedgerInvoice, ReceivablesLedger } from './ledger.js';
import { ledgerInvoice } from './ledger-columnar.js';
import { LEDGER_INSTALMENTS, LEDGER_VOID, type LedgerColumns, ledgerColumns } from './ledger-columns.js';
import { splitOverInstalments } from './open-items.js';

/**
 * One dated change of receivables: `delta` (+amount when a line is issued, −amount when it is
 * settled) from epoch day `day` on, for the line aging from day `key` (its due day, or its issue
 * day on the issue basis; it does not change over time), in currency slot `currency` of
 * `ledgerColumns(ledger).currencies`. The open amount of any key at any date is the sum of the
 * changes dated on or before that date.
 */
export type LedgerChangeVisitor = (day: number, key: number, delta: number, currency: number) => void;

/**
 * Visits the changes of every invoice issued on or before `untilDay` (void ones excluded) and of
 * every settlement of them dated on or before `untilDay`, in one pass over the ledger's columns. A
 * settlement dated before its invoice's issue counts from the issue. Instalment invoices split each
 * settlement over their schedule earliest-first, exactly as `forEachOpenLine` does, so both views
 * agree on every date.
 *
 * @example
 * forEachLedgerChange(ledger, toEpochDay('2026-03-31'), 'due', (day, key, delta) => { … });
 */
export function forEachLedgerChange(
  ledger: ReceivablesLedger,
  untilDay: number,
  basis: 'due' | 'issue',
  visit: LedgerChangeVisitor,
): void {
  const cols = ledgerColumns(ledger);
  for (let i = 0; i < cols.length; i++) {
    const issued = cols.issued[i] as number;
    const flags = cols.flags[i] as number;
    if (flags & LEDGER_VOID || issued > untilDay) continue;
    const currency = cols.currency[i] as number;
    if (flags & LEDGER_INSTALMENTS) {
      visitInstalments(cols, ledgerInvoice(ledger, i), i, untilDay, basis, visit);
      continue;
    }
    const key = basis === 'due' ? (cols.due[i] as number) : issued;
    visit(issued, key, cols.amount[i] as number, currency);
    for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
      const day = cols.settlementDay[k] as number;
      if (day <= untilDay) visit(Math.max(day, issued), key, -(cols.settlementAmount[k] as number), currency);
    }
  }
}

/** An instalment invoice: its parts at issue, then each settlement (in date order) as part changes. */
function visitInstalments(
  cols: LedgerColumns,
  inv: LedgerInvoice,
  i: number,
  untilDay: number,
  basis: 'due' | 'issue',
  visit: LedgerChangeVisitor,
): void {
  const issued = cols.issued[i] as number;
  const currency = cols.currency[i] as number;
  const amounts = inv.instalments.map((part) => part.amountMinor);
  const keys = inv.instalments.map((part) => (basis === 'due' ? epochDayUnchecked(part.dueOn as LocalDate) : issued));
  let before = splitOverInstalments(amounts, inv.amountMinor, 0);
  before.forEach((open, p) => {
    visit(issued, keys[p] as number, open, currency);
  });
  const settlements: { day: number; amount: number }[] = [];
  for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
    const day = cols.settlementDay[k] as number;
    if (day <= untilDay) settlements.push({ day, amount: cols.settlementAmount[k] as number });
  }
  settlements.sort((a, b) => a.day - b.day);
  let settled = 0;
  for (const s of settlements) {
    settled += s.amount;
    const after = splitOverInstalments(amounts, inv.amountMinor, settled);
    const day = Math.max(s.day, issued);
    after.forEach((open, p) => {
      visit(day, keys[p] as number, open - (before[p] as number), currency);
    });
    before = after;
  }
}
