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

/** Each item converted on its own, then added (the rule every receivables figure follows). */
class PartSums {
  total = 0;
  constructor(
    private readonly convert: ToLimitCurrency,
    private readonly unconverted: Map<string, number>,
  ) {}
  add(amount: number, currency: string): void {
    if (amount === 0) return;
    const v = this.convert(amount, currency);
    if (v === null) this.unconverted.set(currency, (this.unconverted.get(currency) ?? 0) + amount);
    else this.total += v;
  }
}

/**
 * DOMAIN 4.3 rule 2 exposure of one customer, in the limit currency: open AR (credit balances
 * count as negative) less its unapplied receipts + commercial acceptance bills where the customer
 * is the acceptor (held, or endorsed / discounted with recourse, until maturity; dishonoured ones
 * stay) + open and shipped sales orders. Each item is converted on its own and the parts are sums
 * of converted items, like every receivables figure (`computeReceivablesFigures`).
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
  const part = () => new PartSums(convert, unconverted);
  const ar = part();
  for (const item of input.openItems) if (item.customerId === customerId) ar.add(item.openMinor, item.currency);
  const unapplied = part();
  for (const u of input.unapplied ?? []) unapplied.add(u.amountMinor, u.currency);
  const bills = part();
  for (const b of input.acceptanceBills)
    if (b.acceptorCustomerId === customerId && isLiveBill(b, asOf)) bills.add(b.faceMinor, b.currency);
  const orders = part();
  for (const o of input.salesOrders)
    if (o.customerId === customerId && (o.status === 'open' || o.status === 'shipped') && o.orderedOn <= asOf)
      orders.add(o.amountMinor, o.currency);
  const openArMinor = ar.total;
  const unappliedMinor = unapplied.total;
  const acceptanceBillsMinor = bills.total;
  const openOrdersMinor = orders.total;
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
