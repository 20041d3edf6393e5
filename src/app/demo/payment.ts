import type { Rng } from '../../core/shared/random.js';
import { daysFromCny } from './calendar.js';
import type { CustomerProfile } from './profiles.js';

/**
 * The insolvent customer's path: its delays lengthen over the year before it stops paying, it
 * pays nothing after `STOP_BEFORE_END` days before asOf, and nothing at all of what falls due in
 * the last `UNPAID_DUE_BEFORE_END` days (its legal events follow: `legal-events.ts`).
 */
export const INSOLVENT = { stopBeforeEnd: 105, unpaidDueBeforeEnd: 150, slideDays: 400, slideTo: 45 } as const;

/** The deteriorating customer pays up to 90 days later over its last 165 days. */
const DETERIORATING = { days: 165, addDays: 90 } as const;

/**
 * Paper invoices are paid late more often: the odds of paying on time are scaled down on paper
 * and up on electronic invoices (IBM sample: 43 % of paper bills late, 28 % of electronic ones,
 * an odds ratio of about 1.9).
 */
const PAPER_ON_TIME_ODDS = 1 / 1.45;
const ELECTRONIC_ON_TIME_ODDS = 1.3;

/** Days before (≤ 0) or after the due date that an invoice is paid, by the customer's habit. */
function habitualDelay(profile: CustomerProfile, isPaper: boolean, rng: Rng): number {
  const h = profile.habit;
  const odds = (h.onTime / (1 - h.onTime)) * (isPaper ? PAPER_ON_TIME_ODDS : ELECTRONIC_ON_TIME_ODDS);
  const onTime = h.onTime >= 1 ? 1 : odds / (1 + odds);
  if (rng.bernoulli(onTime)) {
    const u = rng.next();
    return -Math.floor(u * u * (h.earlyDays + 1));
  }
  return Math.min(h.lateCap, Math.max(1, Math.round(h.lateMedian * rng.lognormal(0, h.lateSigma))));
}

/**
 * Days after the due date this customer pays this invoice (negative = early), or undefined when
 * it never will. The habit gives the delay; the story customers add their trend: the seasonal
 * one pays 25–45 days later around the Chinese New Year, the deteriorating one later and later
 * over its last months, the insolvent one later over its last year and then not at all.
 */
export function delayDays(
  profile: CustomerProfile,
  dueDay: number,
  endDay: number,
  isPaper: boolean,
  rng: Rng,
): number | undefined {
  let delay = habitualDelay(profile, isPaper, rng);
  switch (profile.role) {
    case 'seasonal': {
      const cny = daysFromCny(dueDay + delay);
      if (cny !== undefined && cny >= -21 && cny <= 25) delay += rng.int(25, 45);
      return delay;
    }
    case 'deteriorating': {
      const from = endDay - DETERIORATING.days;
      if (dueDay > from) delay += Math.round(((dueDay - from) / DETERIORATING.days) * DETERIORATING.addDays);
      return delay;
    }
    case 'insolvent': {
      if (dueDay > endDay - INSOLVENT.unpaidDueBeforeEnd) return undefined;
      const from = endDay - INSOLVENT.slideDays;
      const span = INSOLVENT.slideDays - INSOLVENT.unpaidDueBeforeEnd;
      if (dueDay > from) delay = Math.max(delay, 0) + Math.round(((dueDay - from) / span) * INSOLVENT.slideTo);
      return dueDay + delay > endDay - INSOLVENT.stopBeforeEnd ? undefined : delay;
    }
    default:
      return delay;
  }
}
