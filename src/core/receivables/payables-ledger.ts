import type { BillStatus } from '../model/index.js';
import { epochDayUnchecked, type LocalDate, maxDate } from '../time/index.js';
import type { UnreadableRow } from './ledger.js';
import { addToRow, type Periods, periodOf } from './periods.js';

/** A bill as the payables analytics read it. */
export interface LedgerBill {
  readonly id: string;
  readonly supplierId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: string;
  readonly amountMinor: number;
  readonly status: BillStatus;
}

/** The part of a payment that settles one bill, dated by the payment. */
export interface LedgerBillPayment {
  readonly billId: string;
  readonly on: LocalDate;
  readonly amountMinor: number;
}

/** Bills and their payments, the mirror of `ReceivablesLedger` (loaded by `loadPayablesLedger`). */
export interface PayablesLedger {
  readonly bills: readonly LedgerBill[];
  readonly payments: readonly LedgerBillPayment[];
  /** Rows left out because they could not be read; named for the report's warnings. */
  readonly unreadable?: readonly UnreadableRow[] | undefined;
}

/**
 * Open accounts payable at each period end, per currency, in one pass over bills and one over
 * payments: each change goes to its period (earlier ones into an opening balance), then a running
 * sum. Void bills and bills issued after the last period end are left out; a payment dated before
 * its bill counts from the bill's issue date.
 *
 * @example
 * computeOpenPayables(ledger, buildPeriods('2026-03-31', 3)).get('CNY') // [AP Jan 31, Feb 28, Mar 31]
 */
export function computeOpenPayables(ledger: PayablesLedger, periods: Periods): Map<string, number[]> {
  const n = periods.dates.length;
  const last = periods.dates[n - 1] as LocalDate;
  const changes = new Map<string, number[]>();
  const bills = new Map<string, LedgerBill>();
  const slot = (day: number) => (day < periods.startDay ? 0 : periodOf(periods, day) + 1);
  for (const b of ledger.bills) {
    if (b.status === 'void' || b.issuedOn > last) continue;
    bills.set(b.id, b);
    addToRow(changes, b.currency, slot(epochDayUnchecked(b.issuedOn)), b.amountMinor, n + 1);
  }
  for (const p of ledger.payments) {
    const b = bills.get(p.billId);
    if (!b || p.on > last) continue;
    const on = maxDate(p.on, b.issuedOn);
    addToRow(changes, b.currency, slot(epochDayUnchecked(on)), -p.amountMinor, n + 1);
  }
  const open = new Map<string, number[]>();
  for (const [currency, row] of changes) {
    const balances = new Array<number>(n);
    let running = row[0] as number;
    for (let i = 0; i < n; i++) {
      running += row[i + 1] as number;
      balances[i] = running;
    }
    open.set(currency, balances);
  }
  return open;
}
