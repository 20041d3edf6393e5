import { allocateMinor } from '../../core/money/index.js';
import type { BusinessCalendar } from '../../core/time/index.js';
import { DaySampler, salesWeight } from './calendar.js';
import { AVERAGE_INVOICE_FEN, type DemoOptions, GROWTH_PER_YEAR } from './options.js';
import { type CustomerProfile, NAMED_SHARE } from './profiles.js';

/** How many invoices each customer gets and their average gross amount in CNY fen. */
export interface SalesPlan {
  readonly counts: readonly number[];
  readonly meanGrossFen: readonly number[];
}

/** The company's sales-day sampler: growth, Q4 peak, Golden Week and the Chinese New Year dip. */
export function companySampler(opts: DemoOptions, cal: BusinessCalendar): DaySampler {
  return new DaySampler(opts.startDay, opts.endDay, (d) => salesWeight(d, opts.startDay, GROWTH_PER_YEAR, cal));
}

/**
 * Splits the invoices and the sales over the customers. The story customers keep fixed shares of
 * sales (the top customer about 22%); the others share the rest by their drawn weights. Bigger
 * customers get more but also larger invoices (count grows as share^0.6). A customer active for
 * part of the history gets the part of its share that falls in that time.
 */
export function planSales(opts: DemoOptions, profiles: readonly CustomerProfile[], sampler: DaySampler): SalesPlan {
  const isNamed = (p: CustomerProfile) => p.role !== null;
  let others = 0;
  for (const p of profiles) if (!isNamed(p)) others += p.salesWeight;
  const total = sampler.mass(opts.startDay, opts.endDay);
  const share = profiles.map((p) => {
    const s = isNamed(p) ? p.salesWeight : ((1 - NAMED_SHARE) * p.salesWeight) / others;
    return s * (sampler.mass(p.firstDay, p.lastDay) / total);
  });
  const countShare = profiles.map((p, i) => {
    const active = sampler.mass(p.firstDay, p.lastDay) / total;
    return (share[i] as number) > 0 ? ((share[i] as number) / active) ** 0.6 * active : 0;
  });
  const counts = allocateMinor(opts.invoices, countShare).map((n) => Math.max(2, n));
  const shareSum = share.reduce((s, x) => s + x, 0);
  const revenue = opts.invoices * AVERAGE_INVOICE_FEN;
  return {
    counts,
    meanGrossFen: counts.map((n, i) => (revenue * (share[i] as number)) / shareSum / n),
  };
}
