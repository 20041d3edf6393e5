import type { ScorecardSettings } from './settings.js';
import type { PillarOutcome, Reason } from './types.js';

/** What the payment pillar reads: `describeCustomerBehaviour` output, or the same numbers from elsewhere. */
export interface PaymentInput {
  /** Settled invoices in the wDBT window (12 months); 0 = no own history, the pillar is missing. */
  readonly dbtCount: number;
  readonly weightedDbt: number | null;
  /** DOMAIN 2.2 shrunk wDBT (signed: negative = early), what the pillar scores. */
  readonly shrunkWeightedDbt: number | null;
  readonly onTimeShare: number | null;
  readonly trend: {
    readonly recentDbt: number | null;
    readonly recentCount: number;
    readonly priorDbt: number | null;
    readonly priorCount: number;
    readonly change: number | null;
  };
}

const clamp = (x: number) => Math.min(100, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * PAYDEX-anchored sub-score of a signed wDBT: piecewise-linear through the anchors for late
 * payment, `paydexBeyondLast` past the last anchor, min(cap, 80 + slope·daysEarly) for early payment.
 *
 * @example
 * paydexScore(26, DEFAULT_SCORECARD_SETTINGS); // 55 (halfway between 22 → 60 and 30 → 50)
 */
export function paydexScore(dbt: number, settings: ScorecardSettings): number {
  const anchors = settings.paydexAnchors;
  const first = anchors[0] ?? [0, 80];
  if (dbt <= first[0]) return Math.min(settings.earlyCap, first[1] + settings.earlySlope * (first[0] - dbt));
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i] as readonly [number, number];
    const [x0, y0] = anchors[i - 1] as readonly [number, number];
    if (dbt <= x1) return y0 + ((y1 - y0) * (dbt - x0)) / (x1 - x0);
  }
  return settings.paydexBeyondLast;
}

function trendReason(input: PaymentInput, settings: ScorecardSettings): Reason | null {
  const t = input.trend;
  if (t.change === null || t.recentCount < settings.trendMinCount || t.priorCount < settings.trendMinCount) return null;
  if (Math.abs(t.change) < settings.trendDays) return null;
  const data = { change: round1(t.change), recent: round1(t.recentDbt ?? 0), prior: round1(t.priorDbt ?? 0) };
  return t.change > 0
    ? { code: 'CS_TREND_WORSE', data, pillar: 'payment', impact: -settings.trendPoints }
    : { code: 'CS_TREND_BETTER', data, pillar: 'payment', impact: settings.trendPoints };
}

/**
 * Pillar 1, own payment behaviour (35%): the PAYDEX curve on the shrunk wDBT, then ± the trend modifier.
 *
 * @example
 * scorePayment({ dbtCount: 12, weightedDbt: 38, shrunkWeightedDbt: 38, onTimeShare: 0.2,
 *   trend: { recentDbt: 45, recentCount: 4, priorDbt: 30, priorCount: 8, change: 15 } }, settings);
 * // score 47.3 − 5 = 42.3 (between 30 → 50 and 60 → 40); reasons CS_PAYS_LATE { days: 38 }, CS_TREND_WORSE { change: 15 }
 */
export function scorePayment(input: PaymentInput, settings: ScorecardSettings): PillarOutcome {
  const dbt = input.shrunkWeightedDbt;
  if (input.dbtCount === 0 || dbt === null) {
    return {
      ok: false,
      missing: { pillar: 'payment', reason: { code: 'CS_PILLAR_MISSING_PAYMENT', data: { invoices: input.dbtCount } } },
    };
  }
  const base = paydexScore(dbt, settings);
  const days = round1(Math.abs(dbt));
  const level: Reason =
    dbt > 0.5
      ? { code: 'CS_PAYS_LATE', data: { days }, pillar: 'payment', impact: round1(base - 80) }
      : dbt < -0.5
        ? { code: 'CS_PAYS_EARLY', data: { days }, pillar: 'payment', impact: round1(base - 80) }
        : { code: 'CS_PAYS_ON_TIME', data: {}, pillar: 'payment', impact: 0 };
  const trend = trendReason(input, settings);
  const score = clamp(base + (trend?.impact ?? 0));
  return {
    ok: true,
    result: {
      pillar: 'payment',
      score,
      inputs: {
        shrunkWeightedDbt: round1(dbt),
        weightedDbt: input.weightedDbt === null ? null : round1(input.weightedDbt),
        invoices: input.dbtCount,
        onTimeShare: input.onTimeShare,
        trendChange: input.trend.change === null ? null : round1(input.trend.change),
        paydexScore: round1(base),
      },
      reasons: trend ? [level, trend] : [level],
    },
  };
}
