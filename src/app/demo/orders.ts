import type { SalesOrder } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import type { FxSeries } from './fx.js';
import { type DemoOptions, pad } from './options.js';

/** Orders to customers in good standing: how many, and how large in weeks of the customer's sales. */
const ORDERS = 10;
const MIN_WEEKS = 1;
const MAX_WEEKS = 3;
/** The over-limit customer's order, as a share of what it owes: enough to pass its limit, no more. */
export const OVER_LIMIT_ORDER_SHARE = 0.15;

function inGoodStanding(s: CustomerSummary): boolean {
  const { role, segment } = s.profile;
  return (
    (role === null || role === 'top' || role === 'prompt') && (segment === 'on_time' || segment === 'slightly_late')
  );
}

/**
 * Sales orders entered in the last two weeks and not yet invoiced: about ten from customers in
 * good standing (the two largest among them, the rest drawn), each one to three weeks of that
 * customer's sales, one of them shipped; the deteriorating customer's order; and the over-limit
 * customer's order that takes it past its limit.
 */
export function buildSalesOrders(
  opts: DemoOptions,
  ranked: readonly CustomerSummary[],
  fx: FxSeries,
  rng: Rng,
): SalesOrder[] {
  const candidates = ranked.filter(inGoodStanding).slice(0, 50);
  const out: SalesOrder[] = [];
  const push = (s: CustomerSummary, cny: number, back: number, status: SalesOrder['status']) => {
    const n = out.length + 1;
    const on = addDays(opts.asOf, -back);
    const currency = s.profile.currency;
    const amount = Math.max(1_000_000, Math.round(cny / fx.rateOn(currency, opts.endDay) / 10_000) * 10_000);
    out.push({
      id: `${opts.idPrefix}so-${pad(n, 4)}`,
      customerId: s.profile.customer.id,
      number: `SO${on.replaceAll('-', '')}${pad(n, 3)}`,
      orderedOn: on,
      currency,
      amountMinor: amount,
      status,
    });
  };
  const n = Math.min(candidates.length, ORDERS);
  for (let i = 0; i < n; i++) {
    const s = i < 2 ? (candidates[i] as CustomerSummary) : rng.pick(candidates);
    const weeks = rng.uniform(MIN_WEEKS, MAX_WEEKS);
    push(s, (s.stats.salesCnyLast12m / 52) * weeks, rng.int(0, 14), i === n - 1 ? 'shipped' : 'open');
  }
  const det = ranked.find((s) => s.profile.role === 'deteriorating');
  if (det) push(det, (det.stats.salesCnyLast12m / 52) * 3, 3, 'open');
  const over = ranked.find((s) => s.profile.role === 'over_limit');
  if (over) push(over, over.stats.openCny * OVER_LIMIT_ORDER_SHARE, rng.int(1, 4), 'open');
  return out;
}
