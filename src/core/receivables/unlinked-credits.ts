import type { LocalDate } from '../time/index.js';
import type { LedgerInvoice, LedgerSettlement } from './ledger.js';

/** A credit note not linked to any invoice (an unapplied credit on the customer's account). */
export interface UnlinkedCredit {
  readonly customerId: string;
  readonly currency: string;
  readonly on: LocalDate;
  readonly amountMinor: number;
}

export interface AppliedCredits {
  /** Credit-note settlements to add to the ledger, dated by each credit note. */
  readonly settlements: LedgerSettlement[];
  /** Credits with no invoice of that customer and currency to reduce: left out of receivables. */
  readonly unapplied: UnlinkedCredit[];
}

/**
 * Applies credit notes that name no invoice to the customer's invoices in the same currency, so
 * the customer's balance is right: oldest due date first, each up to what was open on the credit
 * note's date (settlements dated on or before it, earlier credits included). What is left goes to
 * the latest-due invoice issued by then (it shows a credit balance), or, when none was issued yet,
 * to the customer's first later invoice. Credits are applied in date order.
 *
 * @example
 * applyUnlinkedCredits(invoices, settlements, [{ customerId: 'c1', currency: 'CNY', on: '2026-02-10', amountMinor: 500 }])
 * // { settlements: [{ invoiceId: <oldest open>, on: '2026-02-10', amountMinor: 500, kind: 'credit_note' }], unapplied: [] }
 */
export function applyUnlinkedCredits(
  invoices: readonly LedgerInvoice[],
  settlements: readonly LedgerSettlement[],
  credits: readonly UnlinkedCredit[],
): AppliedCredits {
  const out: LedgerSettlement[] = [];
  const unapplied: UnlinkedCredit[] = [];
  if (credits.length === 0) return { settlements: out, unapplied };
  // Only the customers and currencies with such a credit are read further: a big ledger usually
  // has a handful of them.
  const groups = groupInvoices(invoices, credits);
  const inGroups = new Set<string>();
  for (const list of groups.values()) for (const inv of list) inGroups.add(inv.id);
  const byInvoice = new Map<string, LedgerSettlement[]>();
  for (const s of settlements) if (inGroups.has(s.invoiceId)) pushTo(byInvoice, s.invoiceId, s);
  const ordered = [...credits].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const credit of ordered) {
    const group = groups.get(groupKey(credit));
    if (!group || credit.amountMinor === 0) {
      if (credit.amountMinor !== 0) unapplied.push(credit);
      continue;
    }
    for (const s of allocateCredit(credit, group, byInvoice)) {
      pushTo(byInvoice, s.invoiceId, s);
      out.push(s);
    }
  }
  return { settlements: out, unapplied };
}

function allocateCredit(
  credit: UnlinkedCredit,
  group: readonly LedgerInvoice[],
  byInvoice: ReadonlyMap<string, readonly LedgerSettlement[]>,
): LedgerSettlement[] {
  const issued = group.filter((inv) => inv.issuedOn <= credit.on);
  const out: LedgerSettlement[] = [];
  let left = credit.amountMinor;
  for (const inv of issued) {
    if (left <= 0) break;
    const open = inv.amountMinor - settledBy(byInvoice.get(inv.id) ?? [], credit.on);
    const applied = Math.min(open, left);
    if (applied <= 0) continue;
    out.push({ invoiceId: inv.id, on: credit.on, amountMinor: applied, kind: 'credit_note' });
    left -= applied;
  }
  if (left !== 0) {
    const target = issued.length > 0 ? issued[issued.length - 1] : earliestIssued(group);
    if (target) out.push({ invoiceId: target.id, on: credit.on, amountMinor: left, kind: 'credit_note' });
  }
  return out;
}

function groupKey(doc: { customerId: string; currency: string }): string {
  return `${doc.customerId}\u0000${doc.currency}`;
}

/** The invoices of the customers and currencies of `credits`, each group in allocation order. */
function groupInvoices(
  invoices: readonly LedgerInvoice[],
  credits: readonly UnlinkedCredit[],
): Map<string, LedgerInvoice[]> {
  const groups = new Map<string, LedgerInvoice[]>();
  const customers = new Set(credits.map((c) => c.customerId));
  const wanted = new Set(credits.map(groupKey));
  for (const inv of invoices) {
    if (inv.status === 'void' || !customers.has(inv.customerId)) continue;
    const key = groupKey(inv);
    if (wanted.has(key)) pushTo(groups, key, inv);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => cmp(a.dueOn, b.dueOn) || cmp(a.issuedOn, b.issuedOn) || cmp(a.id, b.id));
  }
  return groups;
}

function settledBy(list: readonly LedgerSettlement[], on: LocalDate): number {
  let total = 0;
  for (const s of list) if (s.on <= on) total += s.amountMinor;
  return total;
}

function earliestIssued(group: readonly LedgerInvoice[]): LedgerInvoice | undefined {
  let best: LedgerInvoice | undefined;
  for (const inv of group) if (!best || inv.issuedOn < best.issuedOn) best = inv;
  return best;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
