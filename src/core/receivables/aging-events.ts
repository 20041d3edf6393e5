import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import type { LedgerInvoice, LedgerSettlement, ReceivablesLedger } from './ledger.js';
import { isInvoiceOnBook, splitOverInstalments } from './open-items.js';
import { indexSettlements } from './settlement-index.js';

/**
 * Receivables as a stream of dated changes: +amount when a line is issued, −amount when it is
 * settled. Each change carries the line's aging key (its due day, or its issue day on the issue
 * basis), which does not change over time, so the open amount of any key at any date is the sum
 * of the changes dated on or before that date. Stored column-wise in plain arrays.
 */
export interface LedgerEvents {
  readonly currencies: string[];
  /** Epoch day the change takes effect (a settlement before its invoice's issue counts from the issue). */
  readonly day: number[];
  /** Epoch day the line ages from. */
  readonly key: number[];
  readonly delta: number[];
  /** Index into `currencies`. */
  readonly currency: number[];
}

/**
 * Builds the change stream of every invoice issued on or before `until` (void ones excluded) and
 * every settlement dated on or before `until`. Instalment invoices split each settlement over their
 * schedule earliest-first, exactly as `forEachOpenLine` does, so both views agree on every date.
 */
export function collectLedgerEvents(ledger: ReceivablesLedger, until: LocalDate, basis: 'due' | 'issue'): LedgerEvents {
  const ev: LedgerEvents = { currencies: [], day: [], key: [], delta: [], currency: [] };
  const currencyIndex = new Map<string, number>();
  const { invoices, settlements } = ledger;
  const currencyOf = new Int32Array(invoices.length).fill(-1);
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i] as LedgerInvoice;
    if (!isInvoiceOnBook(inv, until)) continue;
    let c = currencyIndex.get(inv.currency);
    if (c === undefined) {
      c = ev.currencies.length;
      ev.currencies.push(inv.currency);
      currencyIndex.set(inv.currency, c);
    }
    currencyOf[i] = c;
    pushIssue(ev, inv, c, basis);
  }
  const index = indexSettlements(ledger);
  const byInstalmentInvoice = new Map<number, LedgerSettlement[]>();
  for (let k = 0; k < settlements.length; k++) {
    const s = settlements[k] as LedgerSettlement;
    const i = index[k] as number;
    const c = i < 0 ? -1 : (currencyOf[i] as number);
    if (c < 0 || s.on > until) continue;
    const inv = invoices[i] as LedgerInvoice;
    if (inv.instalments.length === 0) {
      const day = Math.max(epochDayUnchecked(s.on), epochDayUnchecked(inv.issuedOn));
      push(ev, day, lineKey(inv, inv.dueOn, basis), -s.amountMinor, c);
    } else {
      const list = byInstalmentInvoice.get(i);
      if (list) list.push(s);
      else byInstalmentInvoice.set(i, [s]);
    }
  }
  for (const [i, list] of byInstalmentInvoice) {
    pushInstalmentSettlements(ev, invoices[i] as LedgerInvoice, list, currencyOf[i] as number, basis);
  }
  return ev;
}

function lineKey(inv: LedgerInvoice, dueOn: LocalDate, basis: 'due' | 'issue'): number {
  return epochDayUnchecked(basis === 'due' ? dueOn : inv.issuedOn);
}

function push(ev: LedgerEvents, day: number, key: number, delta: number, currency: number): void {
  if (delta === 0) return;
  ev.day.push(day);
  ev.key.push(key);
  ev.delta.push(delta);
  ev.currency.push(currency);
}

function pushIssue(ev: LedgerEvents, inv: LedgerInvoice, c: number, basis: 'due' | 'issue'): void {
  const day = epochDayUnchecked(inv.issuedOn);
  if (inv.instalments.length === 0) {
    push(ev, day, lineKey(inv, inv.dueOn, basis), inv.amountMinor, c);
    return;
  }
  const open = splitOverInstalments(
    inv.instalments.map((i) => i.amountMinor),
    inv.amountMinor,
    0,
  );
  inv.instalments.forEach((part, p) => {
    push(ev, day, lineKey(inv, part.dueOn, basis), open[p] as number, c);
  });
}

/** Walks an instalment invoice's settlements in date order and emits each part's change. */
function pushInstalmentSettlements(
  ev: LedgerEvents,
  inv: LedgerInvoice,
  settlements: LedgerSettlement[],
  c: number,
  basis: 'due' | 'issue',
): void {
  settlements.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const amounts = inv.instalments.map((i) => i.amountMinor);
  const issueDay = epochDayUnchecked(inv.issuedOn);
  let settled = 0;
  let before = splitOverInstalments(amounts, inv.amountMinor, 0);
  for (const s of settlements) {
    settled += s.amountMinor;
    const after = splitOverInstalments(amounts, inv.amountMinor, settled);
    const day = Math.max(epochDayUnchecked(s.on), issueDay);
    inv.instalments.forEach((part, p) => {
      push(ev, day, lineKey(inv, part.dueOn, basis), (after[p] as number) - (before[p] as number), c);
    });
    before = after;
  }
}
