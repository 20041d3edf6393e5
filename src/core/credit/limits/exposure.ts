import type { AcceptanceBill, SalesOrder } from '../../model/index.js';
import type { OpenItem } from '../../receivables/index.js';
import type { LocalDate } from '../../time/index.js';

/** Converts an amount to the limit currency; null when there is no rate (the item is reported, not guessed). */
export type ToLimitCurrency = (amountMinor: number, currency: string) => number | null;

export interface Exposure {
  readonly customerId: string;
  readonly currency: string;
  readonly openArMinor: number;
  /** 商承 the customer accepted, that we hold or passed on with recourse, not yet matured and not settled. */
  readonly acceptanceBillsMinor: number;
  /** Sales orders with status open or shipped (not yet invoiced). */
  readonly openOrdersMinor: number;
  readonly totalMinor: number;
  /** Items left out for want of an FX rate, by currency. */
  readonly unconverted: readonly { readonly currency: string; readonly amountMinor: number }[];
}

export interface ExposureInput {
  readonly openItems: readonly Pick<OpenItem, 'customerId' | 'currency' | 'openMinor'>[];
  readonly acceptanceBills: readonly AcceptanceBill[];
  readonly salesOrders: readonly SalesOrder[];
}

function isLiveBill(b: AcceptanceBill, asOf: LocalDate): boolean {
  if (b.direction !== 'receivable' || b.kind !== 'commercial') return false;
  if (b.status === 'settled' || b.maturesOn < asOf) return b.status === 'dishonoured';
  if (b.status === 'endorsed' || b.status === 'discounted') return b.isWithRecourse;
  return true;
}

/**
 * DOMAIN 4.3 rule 2 exposure of one customer, in the limit currency: open AR (credit balances
 * count as negative) + commercial acceptance bills where the customer is the acceptor (held, or
 * endorsed / discounted with recourse, until maturity; dishonoured ones stay) + open and shipped
 * sales orders.
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
  const add = (amount: number, cur: string): number => {
    const v = convert(amount, cur);
    if (v === null) unconverted.set(cur, (unconverted.get(cur) ?? 0) + amount);
    return v ?? 0;
  };
  let openArMinor = 0;
  for (const item of input.openItems)
    if (item.customerId === customerId) openArMinor += add(item.openMinor, item.currency);
  let acceptanceBillsMinor = 0;
  for (const b of input.acceptanceBills)
    if (b.acceptorCustomerId === customerId && isLiveBill(b, asOf))
      acceptanceBillsMinor += add(b.faceMinor, b.currency);
  let openOrdersMinor = 0;
  for (const o of input.salesOrders)
    if (o.customerId === customerId && (o.status === 'open' || o.status === 'shipped') && o.orderedOn <= asOf)
      openOrdersMinor += add(o.amountMinor, o.currency);
  return {
    customerId,
    currency,
    openArMinor,
    acceptanceBillsMinor,
    openOrdersMinor,
    totalMinor: openArMinor + acceptanceBillsMinor + openOrdersMinor,
    unconverted: [...unconverted].map(([c, amountMinor]) => ({ currency: c, amountMinor })),
  };
}
