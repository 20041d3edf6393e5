import type { ExternalRating } from '../../model/index.js';
import type { LocalDate } from '../../time/index.js';
import { scoreExternal } from './external-pillar.js';
import { type FinancialInput, scoreFinancials } from './financial-pillar.js';
import { scoreIndustry } from './industry-pillar.js';
import { type LegalInput, legalOverrides, scoreLegal } from './legal-pillar.js';
import { type PaymentInput, scorePayment } from './payment-pillar.js';
import { DEFAULT_PD_CALIBRATION, gradeOfPd, type PdCalibration, pdForScore, scoreForPdWith } from './pd.js';
import type { ScorecardSettings } from './settings.js';
import type { MissingPillar, PillarName, PillarOutcome, PillarResult, Reason, ScorecardResult } from './types.js';

/** Everything the scorecard reads for one customer, prepared by the caller (no I/O here). */
export interface ScorecardInput {
  readonly customerId: string;
  readonly industry: string | null;
  readonly country: string;
  /** Null when the customer has no settled history at all. */
  readonly payment: PaymentInput | null;
  readonly ratings: readonly ExternalRating[];
  readonly financials: Omit<FinancialInput, 'industry'>;
  readonly legal: LegalInput;
  /** The date an insurer cancelled this buyer's limit, if it did (an override from that day). */
  readonly insurerLimitCancelledOn: LocalDate | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function collect(input: ScorecardInput, asOf: LocalDate, settings: ScorecardSettings) {
  const external = scoreExternal(input.ratings, asOf, settings);
  const outcomes: PillarOutcome[] = [
    input.payment
      ? scorePayment(input.payment, settings)
      : {
          ok: false,
          missing: { pillar: 'payment', reason: { code: 'CS_PILLAR_MISSING_PAYMENT', data: { invoices: 0 } } },
        },
    external.outcome,
    scoreFinancials({ ...input.financials, industry: input.industry }, asOf, settings),
    scoreLegal(input.legal, asOf, settings),
    scoreIndustry(input, settings),
  ];
  const overrides = [...legalOverrides(input.legal.events, asOf, settings), ...external.overrides];
  const cancelled = input.insurerLimitCancelledOn;
  if (cancelled !== null && cancelled <= asOf)
    overrides.push({ code: 'CS_OVERRIDE_INSURER_CANCELLED', data: { on: cancelled } });
  const pillars: PillarResult[] = [];
  const missing: MissingPillar[] = [];
  for (const o of outcomes) {
    if (o.ok) pillars.push(o.result);
    else missing.push(o.missing);
  }
  return { pillars, missing, overrides };
}

/** Weights re-normalised over the pillars present. */
function normaliseWeights(
  pillars: readonly PillarResult[],
  settings: ScorecardSettings,
): Partial<Record<PillarName, number>> {
  const total = pillars.reduce((t, p) => t + settings.weights[p.pillar], 0);
  return Object.fromEntries(pillars.map((p) => [p.pillar, total > 0 ? settings.weights[p.pillar] / total : 0]));
}

/** The `count` reasons with the largest weighted negative impact, overrides first. */
function topDrivers(
  overrides: readonly Reason[],
  pillars: readonly PillarResult[],
  weights: Partial<Record<PillarName, number>>,
  count: number,
): Reason[] {
  const negative = pillars
    .flatMap((p) => p.reasons.map((r) => ({ r, w: (weights[p.pillar] ?? 0) * (r.impact ?? 0) })))
    .filter((x) => x.w < 0)
    .sort((x, y) => x.w - y.w)
    .map((x) => x.r);
  return [...overrides, ...negative].slice(0, Math.max(count, overrides.length));
}

/**
 * Scores one customer on the DOMAIN 8.4 scorecard: five pillars, weights re-normalised over those
 * present (a missing pillar is named in the reasons, never read as 0), S = Σ wᵢ·sᵢ, PD from the
 * calibration, grade from the PD bounds. A hard override forces grade E, PD ≥ `overridePdFloor`
 * (the score is capped at the score of that PD) and a hold. With fewer than `minPillars` pillars
 * and no override the result is 'insufficient_data' with no score.
 *
 * @example
 * const r = scoreCustomer(input, '2026-11-25', resolveScorecardSettings());
 * r.grade; r.pd; r.drivers; // e.g. 'D', 0.061, [CS_PAYS_LATE { days: 38 }, ...]
 */
export function scoreCustomer(
  input: ScorecardInput,
  asOf: LocalDate,
  settings: ScorecardSettings,
  calibration: PdCalibration = DEFAULT_PD_CALIBRATION,
): ScorecardResult {
  const { pillars, missing, overrides } = collect(input, asOf, settings);
  const weights = normaliseWeights(pillars, settings);
  const reasons: Reason[] = [...overrides, ...missing.map((m) => m.reason)];
  if (missing.length > 0 && pillars.length > 0)
    reasons.push({ code: 'CS_WEIGHTS_RENORMALISED', data: { present: pillars.map((p) => p.pillar).join(', ') } });
  reasons.push(calibration.reason);
  const isHold = overrides.length > 0;
  const base = {
    customerId: input.customerId,
    asOf,
    isIndicative: calibration.isIndicative,
    pillars,
    missing,
    weights,
    overrides,
    isHold,
  };
  const drivers = topDrivers(overrides, pillars, weights, settings.driverCount);
  const all = [...reasons, ...pillars.flatMap((p) => p.reasons)];
  if (pillars.length < settings.minPillars && !isHold) {
    const insufficient = {
      code: 'CS_INSUFFICIENT_DATA',
      data: { present: pillars.length, needed: settings.minPillars },
    };
    return {
      ...base,
      status: 'insufficient_data',
      score: null,
      pd: null,
      grade: null,
      drivers: [insufficient],
      reasons: [insufficient, ...all],
    };
  }
  let score = pillars.reduce((t, p) => t + (weights[p.pillar] ?? 0) * p.score, 0);
  let pd = pdForScore(score, calibration);
  if (isHold) {
    score = Math.min(score, scoreForPdWith(settings.overridePdFloor, calibration));
    pd = Math.max(pd, settings.overridePdFloor, pdForScore(score, calibration));
  }
  const grade = isHold ? 'E' : gradeOfPd(pd, settings);
  return { ...base, status: 'scored', score: round(score, 1), pd: round(pd, 5), grade, drivers, reasons: all };
}
