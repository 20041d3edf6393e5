import { type AgingBucket, computeAging, computeOpenItems, type ReceivablesLedger } from '../receivables/index.js';
import { ok, type Result } from '../shared/index.js';
import { diffDays, type LocalDate } from '../time/index.js';
import type { LateInterestSettings } from './late-interest-settings.js';
import { interestToDate, type MessageSettings } from './messages.js';

/** One line of a statement of account: an invoice raises the balance; a receipt, a credit note or a write-off lowers it. */
export interface StatementEntry {
  readonly on: LocalDate;
  readonly kind: 'invoice' | 'receipt' | 'credit_note' | 'write_off';
  readonly number: string;
  readonly dueOn: LocalDate | null;
  readonly debitMinor: number;
  readonly creditMinor: number;
  /** The balance after this line. */
  readonly balanceMinor: number;
}

export interface StatementOpenItem {
  readonly number: string;
  readonly instalment: number | null;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly openMinor: number;
  readonly daysPastDue: number;
  readonly isDisputed: boolean;
  /** Late interest to the statement date under 'collections.messages' (0 when not late or none stated). */
  readonly interestMinor: number;
}

/** The statement in one currency: opening balance, the movements, closing = open total; open items, aging, interest. */
export interface StatementAccount {
  readonly currency: string;
  readonly openingMinor: number;
  readonly entries: readonly StatementEntry[];
  readonly closingMinor: number;
  readonly openItems: readonly StatementOpenItem[];
  readonly overdueMinor: number;
  readonly interestMinor: number;
  /** Open amounts per aging bucket (by due date), the aging report's. */
  readonly agingMinor: readonly number[];
}

export interface CustomerStatement {
  readonly customerId: string;
  readonly from: LocalDate;
  readonly asOf: LocalDate;
  readonly buckets: readonly AgingBucket[];
  readonly accounts: readonly StatementAccount[];
}

const KIND_ORDER = { invoice: 0, credit_note: 1, receipt: 2, write_off: 3 } as const;

/**
 * A customer's statement of account from `from` to `asOf`, per currency: the balance brought
 * forward, each invoice, receipt, credit note and write-off in date order with the running balance,
 * the closing balance (which is the open total the aging shows), the open items with days overdue
 * and interest to date, and the aging buckets. Void invoices are left out.
 *
 * @example
 * buildStatement(ledger, 'C1', '2026-01-01', '2026-03-31', messages, interest).value.accounts[0].closingMinor
 * // 60_000_00
 */
export function buildStatement(
  ledger: ReceivablesLedger,
  customerId: string,
  from: LocalDate,
  asOf: LocalDate,
  messages: MessageSettings,
  interest: LateInterestSettings,
): Result<CustomerStatement> {
  const invoices = ledger.invoices.filter(
    (i) => i.customerId === customerId && i.status !== 'void' && i.issuedOn <= asOf,
  );
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const accounts = new Map<string, { opening: number; lines: Omit<StatementEntry, 'balanceMinor'>[] }>();
  const account = (currency: string) => {
    const found = accounts.get(currency);
    if (found) return found;
    const a = { opening: 0, lines: [] as Omit<StatementEntry, 'balanceMinor'>[] };
    accounts.set(currency, a);
    return a;
  };
  for (const i of invoices) {
    const a = account(i.currency);
    if (i.issuedOn < from) a.opening += i.amountMinor;
    else
      a.lines.push({
        on: i.issuedOn,
        kind: 'invoice',
        number: i.number,
        dueOn: i.dueOn,
        debitMinor: i.amountMinor,
        creditMinor: 0,
      });
  }
  for (const s of ledger.settlements) {
    const i = byId.get(s.invoiceId);
    if (!i || s.on > asOf) continue;
    const a = account(i.currency);
    if (s.on < from) a.opening -= s.amountMinor;
    else
      a.lines.push({
        on: s.on,
        kind: s.kind,
        number: i.number,
        dueOn: null,
        debitMinor: 0,
        creditMinor: s.amountMinor,
      });
  }
  const aging = computeAging(ledger, { asOf, customerId });
  if (!aging.ok) return aging;
  const open = computeOpenItems(ledger, asOf).filter((o) => o.customerId === customerId && o.openMinor > 0);
  const out: StatementAccount[] = [...accounts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, a]) => {
      let balance = a.opening;
      const entries = a.lines
        .sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : KIND_ORDER[x.kind] - KIND_ORDER[y.kind]))
        .map((l) => {
          balance += l.debitMinor - l.creditMinor;
          return { ...l, balanceMinor: balance };
        });
      const openItems = open
        .filter((o) => o.currency === currency)
        .map((o) => {
          const daysPastDue = diffDays(o.dueOn, asOf);
          return {
            number: o.number,
            instalment: o.instalment,
            issuedOn: o.issuedOn,
            dueOn: o.dueOn,
            openMinor: o.openMinor,
            daysPastDue,
            isDisputed: o.isDisputed,
            interestMinor: interestToDate({ ...o, daysPastDue }, asOf, messages, interest),
          };
        });
      const row = aging.value.byCustomer.find((r) => r.currency === currency);
      return {
        currency,
        openingMinor: a.opening,
        entries,
        closingMinor: balance,
        openItems,
        overdueMinor: openItems.filter((o) => o.daysPastDue > 0).reduce((s, o) => s + o.openMinor, 0),
        interestMinor: openItems.reduce((s, o) => s + o.interestMinor, 0),
        agingMinor: row ? [...row.amounts] : aging.value.buckets.map(() => 0),
      };
    });
  return ok({ customerId, from, asOf, buckets: aging.value.buckets, accounts: out });
}
