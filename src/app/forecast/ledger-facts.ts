import type { Instalment } from '../../core/model/index.js';
import type { FxTable } from '../../core/money/index.js';
import { convert, money } from '../../core/money/index.js';
import {
  ledgerColumns,
  OPEN,
  type ReceivablesLedger,
  settledOnDay,
  settledThrough,
} from '../../core/receivables/index.js';
import { addDays, diffDays, epochDayUnchecked, fromEpochDay, type LocalDate } from '../../core/time/index.js';
import type { loadForecastDocuments } from '../../db/stores/forecast.js';

type Docs = Awaited<ReturnType<typeof loadForecastDocuments>>;

export interface InvoiceFact {
  readonly id: string;
  readonly customerId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: string;
  readonly amountMinor: number;
  readonly openMinor: number;
  /** Date of the settlement that closed it, or null while open. */
  readonly settledOn: LocalDate | null;
  readonly isDisputed: boolean;
  readonly channel: 'paper' | 'electronic' | null;
  /** Amount in the base currency (at the as-of rate), for sales history. */
  readonly baseAmount: number;
  /**
   * The invoice's weight in the behaviour model: its amount at the issue-date rate, as the model
   * was learned (`ledgerToPaymentRecords`), so a prediction reads the same amount feature everywhere.
   */
  readonly weight: number;
  /** The payment schedule of an invoice payable in parts (empty for one due date). */
  readonly instalments: readonly Instalment[];
}

/** Settled total and last settlement date per document, from dated settlement rows. */
function settledBy<T extends { on: string; amount_minor: number }>(rows: readonly T[], key: (r: T) => string | null) {
  const out = new Map<string, { sum: number; last: string }>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const s = out.get(k) ?? { sum: 0, last: r.on };
    s.sum += r.amount_minor;
    if (r.on > s.last) s.last = r.on;
    out.set(k, s);
  }
  return out;
}

export function baseAmountOf(fx: FxTable, base: string, asOf: LocalDate) {
  return (amountMinor: number, currency: string): number => {
    const rate = fx.rate(currency, base, asOf, base);
    return rate === undefined ? 0 : convert(money(amountMinor, currency), base, rate).amountMinor;
  };
}

/**
 * Invoices issued by `asOf` (void ones left out) with their open amount and settlement date as of
 * `asOf`, from the receivables ledger, so the forecast sees what the aging sees: receipts, credit
 * notes (linked, and unlinked ones as the ledger applies them) and write-offs dated by then. A
 * written-off invoice is never expected to pay; it counts as settled (for the behaviour model) on
 * its write-off date once that has passed.
 */
export function invoiceFacts(
  ledger: ReceivablesLedger,
  asOf: LocalDate,
  toBase: (a: number, c: string) => number,
  fx: FxTable,
  base: string,
): InvoiceFact[] {
  const cols = ledgerColumns(ledger);
  const asOfDay = epochDayUnchecked(asOf);
  const out: InvoiceFact[] = [];
  ledger.invoices.forEach((inv, i) => {
    if (inv.status === 'void' || (cols.issued[i] as number) > asOfDay) return;
    const paid = settledThrough(cols, i, asOfDay);
    const settledDay = settledOnDay(cols, i, asOfDay);
    out.push({
      id: inv.id,
      customerId: inv.customerId,
      number: inv.number,
      issuedOn: inv.issuedOn,
      dueOn: inv.dueOn,
      currency: inv.currency,
      amountMinor: inv.amountMinor,
      openMinor: inv.status === 'written_off' ? 0 : inv.amountMinor - paid,
      settledOn: settledDay === OPEN ? null : fromEpochDay(settledDay),
      isDisputed: inv.isDisputed,
      channel: inv.channel,
      baseAmount: toBase(inv.amountMinor, inv.currency),
      weight: inv.amountMinor * (inv.currency === base ? 1 : (fx.rate(inv.currency, base, inv.issuedOn, base) ?? 1)),
      instalments: inv.instalments,
    });
  });
  return out;
}

/**
 * Open bills as of `asOf`, and the organisation's own habits from its bills: amount-weighted days
 * paid after due and days from issue to payment (bills paid in the last 180 days), and purchases
 * billed per month (base currency) as the run rate of purchases to come.
 */
export function billFacts(docs: Docs, asOf: LocalDate, toBase: (a: number, c: string) => number) {
  const paid = settledBy(docs.billPayments, (r) => r.bill_id);
  const names = new Map(docs.suppliers.map((s) => [s.id, s.name]));
  const open: {
    id: string;
    number: string;
    supplierName: string;
    currency: string;
    openMinor: number;
    dueOn: string;
  }[] = [];
  const byMonth = new Map<string, number>();
  let afterDue = 0;
  let afterIssue = 0;
  let weight = 0;
  const since = addDays(asOf, -180);
  for (const b of docs.bills) {
    const month = b.issued_on.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + toBase(b.amount_minor, b.currency));
    const s = paid.get(b.id);
    const left = b.amount_minor - (s?.sum ?? 0);
    if (left > 0) {
      open.push({
        id: b.id,
        number: b.number,
        supplierName: names.get(b.supplier_id) ?? b.supplier_id,
        currency: b.currency,
        openMinor: left,
        dueOn: b.due_on,
      });
    } else if (s && s.last > since) {
      afterDue += b.amount_minor * diffDays(b.due_on, s.last);
      afterIssue += b.amount_minor * diffDays(b.issued_on, s.last);
      weight += b.amount_minor;
    }
  }
  const purchaseHistory = [...byMonth]
    .filter(([month]) => month < asOf.slice(0, 7) || month === asOf.slice(0, 7))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, amountMinor]) => ({ month, amountMinor }));
  return {
    open,
    stretchDays: weight > 0 ? Math.max(0, afterDue / weight) : 0,
    paymentDays: weight > 0 ? Math.max(0, afterIssue / weight) : 30,
    purchaseHistory,
  };
}

/**
 * What the forecast still expects of each open invoice once the customer's unapplied receipts are
 * counted: the money is in the bank already, so it pays the customer's open invoices of its
 * currency, oldest due first (as insurers and most ledgers apply payments), and is not expected
 * twice. Receipts of unidentified payers are left alone. The shared input of the forecast and the
 * customer page.
 *
 * @example
 * applyUnapplied(facts, [{ customerId: 'c1', currency: 'CNY', amountMinor: 50_000 }]) // c1's oldest invoice 50,000 less open
 */
export function applyUnapplied(
  facts: readonly InvoiceFact[],
  unapplied: readonly { customerId: string | null; currency: string; amountMinor: number }[],
): InvoiceFact[] {
  const left = new Map<string, number>();
  for (const u of unapplied)
    if (u.customerId !== null && u.amountMinor > 0)
      left.set(
        `${u.customerId}\u0000${u.currency}`,
        (left.get(`${u.customerId}\u0000${u.currency}`) ?? 0) + u.amountMinor,
      );
  if (left.size === 0) return [...facts];
  const order = facts
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.openMinor > 0 && left.has(`${f.customerId}\u0000${f.currency}`))
    .sort((a, b) => (a.f.dueOn < b.f.dueOn ? -1 : a.f.dueOn > b.f.dueOn ? 1 : a.i - b.i));
  const out = [...facts];
  for (const { f, i } of order) {
    const key = `${f.customerId}\u0000${f.currency}`;
    const available = left.get(key) ?? 0;
    if (available <= 0) continue;
    const used = Math.min(available, f.openMinor);
    left.set(key, available - used);
    out[i] = { ...f, openMinor: f.openMinor - used };
  }
  return out;
}
