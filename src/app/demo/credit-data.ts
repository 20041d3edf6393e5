import type { ExternalRating, InsurancePolicy, InsuredBuyerLimit } from '../../core/model/index.js';
import { DEFAULT_POLICY_TERMS } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays, addMonths, startOfMonth } from '../../core/time/index.js';
import type { DemoOptions } from './options.js';
import type { CustomerProfile } from './profiles.js';
import type { CustomerStats } from './settlements.js';

export interface CustomerSummary {
  readonly profile: CustomerProfile;
  readonly stats: CustomerStats;
}

export const round10k = (fen: number) => Math.round(fen / 1_000_000) * 1_000_000;

/** Customers by sales over the last 12 months, largest first (ties by index, so stable). */
export function rankBySales(summaries: readonly CustomerSummary[]): CustomerSummary[] {
  return summaries
    .filter((s) => s.stats.salesCnyLast12m > 0)
    .sort((a, b) => b.stats.salesCnyLast12m - a.stats.salesCnyLast12m || a.profile.index - b.profile.index);
}

/** Days the insurer cancelled the deteriorating buyer's limit before asOf (8–25), from its own stream. */
export function insurerCancelledOn(opts: DemoOptions, rng: Rng): string {
  return addDays(opts.asOf, -rng.fork('insurer-cancelled').int(8, 25));
}

/**
 * One trade credit insurance policy (default terms) with insurer limits on the ~30 largest buyers.
 * The insolvent buyer has none (the insurer declined it when the policy began: it was already
 * being sued); the deteriorating buyer's limit is the one the insurer cancelled.
 */
export function buildInsurance(opts: DemoOptions, largest: readonly CustomerSummary[], rng: Rng) {
  const isSinosure = rng.bernoulli(0.5);
  const startsOn = startOfMonth(addMonths(opts.asOf, -rng.int(2, 10)));
  const policy: InsurancePolicy = {
    id: `${opts.idPrefix}pol-0001`,
    insurer: isSinosure ? '中国信保' : 'Allianz Trade',
    policyNumber: isSinosure
      ? `SCIC${startsOn.slice(0, 4)}${rng.int(100000, 999999)}`
      : `AT-CN-${rng.int(1000000, 9999999)}`,
    currency: 'CNY',
    startsOn,
    endsOn: addDays(addMonths(startsOn, 12), -1),
    terms: DEFAULT_POLICY_TERMS,
    lossPayee: '中国工商银行深圳分行',
    lossPayeeType: 'loss_payee',
    financedShare: 0.8,
  };
  const limits: InsuredBuyerLimit[] = largest
    .filter(({ profile }) => profile.role !== 'insolvent')
    .map(({ profile, stats }) => ({
      policyId: policy.id,
      customerId: profile.customer.id,
      kind: 'insurer_limit',
      currency: 'CNY',
      limitMinor: round10k((stats.salesCnyLast12m * (profile.customer.defaultTermsDays + 30)) / 365),
      effectiveFrom: startsOn,
      cancelledOn: profile.role === 'deteriorating' ? insurerCancelledOn(opts, rng) : null,
    }));
  return { policy, limits };
}

/** A Creditsafe-scale score that fits how the customer pays. */
function creditsafeScore(profile: CustomerProfile, rng: Rng): number {
  if (profile.role === 'insolvent') return rng.int(3, 12);
  if (profile.segment === 'habitual_late' || profile.segment === 'at_risk') return rng.int(32, 55);
  if (profile.segment === 'slightly_late') return rng.int(50, 85);
  return rng.int(60, 95);
}

/** Agency ratings for some of the larger buyers; the deteriorating one shows a downgrade. */
export function buildRatings(opts: DemoOptions, larger: readonly CustomerSummary[], rng: Rng): ExternalRating[] {
  const out: ExternalRating[] = [];
  for (const { profile } of larger) {
    const id = profile.customer.id;
    if (profile.role === 'deteriorating') {
      out.push({ customerId: id, agency: 'creditsafe', value: '64', ratedOn: addDays(opts.asOf, -300) });
      out.push({ customerId: id, agency: 'creditsafe', value: '27', ratedOn: addDays(opts.asOf, -12) });
      continue;
    }
    if (profile.role !== 'insolvent' && !rng.bernoulli(0.55)) continue;
    out.push({
      customerId: id,
      agency: 'creditsafe',
      value: String(creditsafeScore(profile, rng)),
      ratedOn: addDays(opts.asOf, -rng.int(5, 150)),
    });
    if (profile.segment === 'on_time' || profile.segment === 'habitual_late') {
      out.push({
        customerId: id,
        agency: 'dnb_paydex',
        value: String(profile.segment === 'on_time' ? 80 : rng.int(40, 60)),
        ratedOn: addDays(opts.asOf, -rng.int(5, 150)),
      });
    }
  }
  return out;
}
