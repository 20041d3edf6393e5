import type { Rng } from '../../core/shared/random.js';

/**
 * How a customer pays (DOMAIN 2.2 segments): on time, slightly late, habitual late, at risk.
 * Stable per customer; a few story customers add a trend on top (see `payment.ts`).
 */
export type Segment = 'on_time' | 'slightly_late' | 'habitual_late' | 'at_risk';

/**
 * The customers that carry the demo story, by position: the first nine customers, in this order.
 * Every other customer has no role and pays by its segment alone.
 */
export const ROLES = [
  'top',
  'prompt',
  'late',
  'seasonal',
  'deteriorating',
  'insolvent',
  'over_limit',
  'disputing',
  'acceptor',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * One customer's payment habit: an invoice is paid by its due date with probability `onTime`
 * (then up to `earlyDays` early), otherwise `lateMedian × lognormal(0, lateSigma)` days late, at
 * least one day and at most `lateCap`. A hurdle model: the IBM payment histories in
 * ../shared/data show most invoices paid by the due date and a long, thin tail after it.
 */
export interface PaymentHabit {
  readonly onTime: number;
  readonly earlyDays: number;
  readonly lateMedian: number;
  readonly lateSigma: number;
  readonly lateCap: number;
}

/** Segment of a customer without a role, from one uniform draw (shares 60 / 35 / 3 / 2 %). */
export function segmentOf(u: number): Segment {
  if (u < 0.6) return 'on_time';
  if (u < 0.95) return 'slightly_late';
  return u < 0.98 ? 'habitual_late' : 'at_risk';
}

/**
 * The old draw's slice for construction companies (customers in [0.8, 0.96) are builders, who
 * pay later: Coface's China survey names construction the slowest payer). Kept so that every
 * customer keeps its name and industry from one version of the demo to the next.
 */
export const isBuilderDraw = (u: number): boolean => u >= 0.8 && u < 0.96;

/** The segment each story customer pays in. */
export const ROLE_SEGMENT: Readonly<Record<Role, Segment>> = {
  top: 'on_time',
  prompt: 'on_time',
  late: 'habitual_late',
  seasonal: 'slightly_late',
  deteriorating: 'slightly_late',
  insolvent: 'slightly_late',
  over_limit: 'on_time',
  disputing: 'on_time',
  acceptor: 'slightly_late',
};

/** A habit drawn for a segment: `u` (uniform) places the on-time share inside the segment's range. */
export function drawHabit(segment: Segment, u: number, rng: Rng): PaymentHabit {
  const between = (lo: number, hi: number) => lo + u * (hi - lo);
  switch (segment) {
    case 'on_time':
      return { onTime: between(0.78, 0.95), earlyDays: 6, lateMedian: rng.uniform(2, 6), lateSigma: 0.6, lateCap: 20 };
    case 'slightly_late':
      return { onTime: between(0.25, 0.55), earlyDays: 3, lateMedian: rng.uniform(5, 13), lateSigma: 0.5, lateCap: 30 };
    case 'habitual_late':
      return {
        onTime: between(0.02, 0.12),
        earlyDays: 0,
        lateMedian: rng.uniform(28, 42),
        lateSigma: 0.3,
        lateCap: 75,
      };
    case 'at_risk':
      return { onTime: between(0, 0.05), earlyDays: 0, lateMedian: rng.uniform(55, 85), lateSigma: 0.35, lateCap: 160 };
  }
}

/** Fixed habits of the story customers, so their behaviour reads the same at every seed. */
export const ROLE_HABIT: Readonly<Partial<Record<Role, PaymentHabit>>> = {
  // The key account: reliable, now and then a week or two late.
  top: { onTime: 0.8, earlyDays: 3, lateMedian: 6, lateSigma: 0.5, lateCap: 25 },
  prompt: { onTime: 0.96, earlyDays: 8, lateMedian: 2, lateSigma: 0.4, lateCap: 8 },
  // The large habitual late payer: always pays, 30–45 days after the due date.
  late: { onTime: 0, earlyDays: 0, lateMedian: 37, lateSigma: 0.1, lateCap: 45 },
  seasonal: { onTime: 0.5, earlyDays: 2, lateMedian: 8, lateSigma: 0.4, lateCap: 25 },
  deteriorating: { onTime: 0.55, earlyDays: 2, lateMedian: 6, lateSigma: 0.4, lateCap: 20 },
  insolvent: { onTime: 0.5, earlyDays: 2, lateMedian: 8, lateSigma: 0.4, lateCap: 25 },
  over_limit: { onTime: 0.9, earlyDays: 4, lateMedian: 3, lateSigma: 0.5, lateCap: 12 },
  disputing: { onTime: 0.9, earlyDays: 4, lateMedian: 3, lateSigma: 0.5, lateCap: 12 },
  acceptor: { onTime: 0.5, earlyDays: 2, lateMedian: 8, lateSigma: 0.4, lateCap: 25 },
};

/**
 * Fixed shares of sales of the story customers (the rest is shared by the others): the top
 * customer about 22 %, the large late payer 3 %, the customers behind the deliberate problems
 * 1–3.5 % so their amounts show on the overview.
 */
export const ROLE_SALES_SHARE: Readonly<Record<Role, number>> = {
  top: 0.22,
  prompt: 0.02,
  late: 0.03,
  seasonal: 0.02,
  deteriorating: 0.035,
  insolvent: 0.03,
  over_limit: 0.012,
  disputing: 0.01,
  acceptor: 0.012,
};
