import type { AcceptanceBill, SalesOrder } from '../../model/index.js';
import type { OpenItem } from '../../receivables/index.js';
import type { LocalDate } from '../../time/index.js';

/** Converts an amount to the limit currency; null when there is no rate (the item is reported, not guessed). */
export type ToLimitCurrency = (amountMinor: number, currency: string) => number | null;

export interface Exposure {
  readonly customerId: string;
  readonly currency: string;
  /** Open invoices (credit balances count as negative). */
  readonly openArMinor: number;
  /** Receipts from the customer not yet applied to an invoice: they reduce what it owes. */
  readonly unappliedMinor: number;
  /** 商承 the customer accepted, that we hold or passed on with recourse, not yet matured and not settled. */
  readonly acceptanceBillsMinor: number;
  /** Sales orders with status open or shipped (not yet invoiced). */
  readonly openOrdersMinor: number;
  /** openAr − unapplied + acceptance bills + open orders. */
  readonly totalMinor: number;
  /** Items left out for want of an FX rate, by currency. */
  readonly unconverted: readonly { readonly currency: string; readonly amountMinor: number }[];
}

export interface ExposureInput {
  readonly openItems: readonly Pick<OpenItem, 'customerId' | 'currency' | 'openMinor'>[];
  readonly acceptanceBills: readonly AcceptanceBill[];
  readonly salesOrders: readonly SalesOrder[];
  /** The customer's unapplied receipts by currency (minor units). */
  readonly unapplied?: readonly { readonly currency: string; readonly amountMinor: number }[];
}

function isLiveBill(b: AcceptanceBill, asOf: LocalDate): boolean {
  if (b.direction !== 'receivable' || b.kind !== 'commercial') return false;
  if (b.status === 'settled' || b.maturesOn < asOf) return b.status === 'dishonoured';
  if (b.status === 'endorsed' || b.status === 'discounted') return b.isWithRecourse;
  return true;
}

/** Per-currency sums, each converted once (the rule every receivables figure follows). */
class PartSums {
  private readonly sums = new Map<string, number>();
  add(amount: number, currency: string): void {
    this.sums.set(currency, (this.sums.get(currency) ?? 0) + amount);
  }
  toBase(convert: ToLimitCurrency, unconverted: Map<string, number>): number {
    let total = 0;
    for (const [currency, amount] of this.sums) {
      if (amount === 0) continue;
      const v = convert(amount, currency);
      if (v === null) unconverted.set(currency, (unconverted.get(currency) ?? 0) + amount);
      else total += v;
    }
    return total;
  }
}

/**
 * DOMAIN 4.3 rule 2 exposure of one customer, in the limit currency: open AR (credit balances
 * count as negative) less its unapplied receipts + commercial acceptance bills where the customer
 * is the acceptor (held, or endorsed / discounted with recourse, until maturity; dishonoured ones
 * stay) + open and shipped sales orders. Each part is summed per currency and converted once per
 * currency, like every receivables figure (`computeReceivablesFigures`).
 *
 * @example
 * computeExposure('C1', 'CNY', { openItems, acceptanceBills, salesOrders }, '2026-11-25', (a) => a).totalMinor;
 */
export function computeExposure(
  customerId: string,
  currency: string,
  input: ExposureInput,
  asOf: LocalDate,
  convert: ToLimitCurrency,
): Exposure {
  const unconverted = new Map<string, number>();
  const ar = new PartSums();
  for (const item of input.openItems) if (item.customerId === customerId) ar.add(item.openMinor, item.currency);
  const unapplied = new PartSums();
  for (const u of input.unapplied ?? []) unapplied.add(u.amountMinor, u.currency);
  const bills = new PartSums();
  for (const b of input.acceptanceBills)
    if (b.acceptorCustomerId === customerId && isLiveBill(b, asOf)) bills.add(b.faceMinor, b.currency);
  const orders = new PartSums();
  for (const o of input.salesOrders)
    if (o.customerId === customerId && (o.status === 'open' || o.status === 'shipped') && o.orderedOn <= asOf)
      orders.add(o.amountMinor, o.currency);
  const openArMinor = ar.toBase(convert, unconverted);
  const unappliedMinor = unapplied.toBase(convert, unconverted);
  const acceptanceBillsMinor = bills.toBase(convert, unconverted);
  const openOrdersMinor = orders.toBase(convert, unconverted);
  return {
    customerId,
    currency,
    openArMinor,
    unappliedMinor,
    acceptanceBillsMinor,
    openOrdersMinor,
    totalMinor: openArMinor - unappliedMinor + acceptanceBillsMinor + openOrdersMinor,
    unconverted: [...unconverted].map(([c, amountMinor]) => ({ currency: c, amountMinor })),
  };
}
