import type { CustomerRiskState } from '../credit/index.js';
import { roundWith } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { CREDITRISKPLUS_LEVELS, creditRiskPlus } from './creditriskplus.js';
import type { CreditRiskPlusObligor } from './creditriskplus-bands.js';
import { irbCorrelation } from './vasicek.js';
import { matchedSectorVariance } from './vasicek-calibration.js';

/** How an organisation's book is run through CreditRisk+ (each value a setting; ADR 0018). */
export interface BookLossSettings {
  /**
   * Relative variance of the one sector factor (mean 1). Null (the default): matched to the Vasicek
   * model with each customer's Basel corporate correlation R(PD) (DOMAIN 3.4, the Monte Carlo's
   * default), so both give the book's systematic loss the same mean and variance.
   */
  readonly sectorVariance: number | null;
  /** Loss unit in minor units; null picks one: the largest potential loss over 100, rounded up to 1, 2 or 5 × 10ⁿ. */
  readonly lossUnitMinor: number | null;
  readonly levels: readonly number[];
  /** Loss units computed at most (the work grows with its square). */
  readonly maxUnits: number;
}

export const DEFAULT_BOOK_LOSS_SETTINGS: BookLossSettings = {
  sectorVariance: null,
  lossUnitMinor: null,
  levels: CREDITRISKPLUS_LEVELS,
  maxUnits: 20_000,
};

/** The receivables loss distribution of a book, in minor units of its base currency. */
export interface BookLossDistribution {
  readonly currency: string;
  readonly lossUnitMinor: number;
  /** The sector variance used (the setting, or the one matched to Basel's correlation). */
  readonly sectorVariance: number;
  /** Customers with a potential loss (exposure × LGD > 0) whose default is still uncertain. */
  readonly customers: number;
  /** Customers already in default (insolvent, written off): their exposure × LGD is lost for sure. */
  readonly defaultedCustomers: number;
  readonly certainLossMinor: number;
  /** Certain loss + CreditRisk+ expected loss of the rest. */
  readonly expectedLossMinor: number;
  readonly standardDeviationMinor: number;
  /** Certain loss + the CreditRisk+ quantile of the rest. */
  readonly quantiles: readonly { readonly level: number; readonly lossMinor: number }[];
  /** The customers that drive the spread of the loss: contributions to its standard deviation, largest first. */
  readonly contributions: readonly { readonly customerId: string; readonly standardDeviationMinor: number }[];
  /** P(uncertain loss = j loss units), j = 0, 1, ...: the chart of the distribution. */
  readonly probabilities: Float64Array;
}

/** 1, 2 or 5 × 10ⁿ at or above x (at least 1). */
function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

/** Doubling the loss unit when a quantile lies past the computed range; a bound keeps it finite. */
const UNIT_DOUBLINGS = 12;

/**
 * The receivables loss distribution of an organisation's book by CreditRisk+ (one sector): each
 * customer's exposure (`CustomerRiskState.exposure.totalMinor`, DOMAIN 4.3 rule 2), PD and LGD from
 * how its risk state treats it (`treatment.pd`, `treatment.lgd`: 1 − recovery share − insured
 * share). The sector variance is matched to Basel's correlation unless set. A customer in default is a certain loss, not a Poisson event; it is added to the expected
 * loss and to every quantile.
 *
 * @example
 * bookLossDistribution(states, DEFAULT_BOOK_LOSS_SETTINGS) // ok({ expectedLossMinor: …, quantiles: [...] })
 */
export function bookLossDistribution(
  states: readonly CustomerRiskState[],
  settings: BookLossSettings = DEFAULT_BOOK_LOSS_SETTINGS,
): Result<BookLossDistribution> {
  const currencies = new Set(states.map((s) => s.exposure.currency));
  if (currencies.size > 1) return fail('CRP_MIXED_CURRENCIES', { value: [...currencies].join(', ') });
  const currency = states[0]?.exposure.currency ?? '';
  const obligors: CreditRiskPlusObligor[] = [];
  let certainLoss = 0;
  let defaulted = 0;
  for (const s of states) {
    const potentialLoss = Math.max(0, s.exposure.totalMinor) * s.treatment.lgd;
    if (potentialLoss <= 0) continue;
    if (s.treatment.receipts === 'recovery') {
      certainLoss += potentialLoss;
      defaulted += 1;
    } else obligors.push({ id: s.customerId, potentialLoss, pd: s.treatment.pd, sectorWeights: [1] });
  }
  const sectorVariance =
    settings.sectorVariance ??
    matchedSectorVariance(
      obligors.map((o) => ({ potentialLoss: o.potentialLoss, pd: o.pd, correlation: irbCorrelation(o.pd) })),
    );
  const largest = obligors.reduce((m, o) => Math.max(m, o.potentialLoss), 0);
  let lossUnit = settings.lossUnitMinor ?? niceCeil(largest / 100);
  const input = { obligors, sectorVariances: [sectorVariance] };
  const options = { levels: settings.levels, maxUnits: settings.maxUnits };
  let run = creditRiskPlus({ ...input, lossUnit }, options);
  for (let i = 0; settings.lossUnitMinor === null && i < UNIT_DOUBLINGS; i++) {
    if (run.ok || run.error.code !== 'CRP_LOSS_UNIT_TOO_SMALL') break;
    lossUnit *= 2;
    run = creditRiskPlus({ ...input, lossUnit }, options);
  }
  if (!run.ok) return run;
  const r = run.value;
  return ok({
    currency,
    lossUnitMinor: lossUnit,
    sectorVariance,
    customers: r.obligors,
    defaultedCustomers: defaulted,
    certainLossMinor: roundWith(certainLoss, 'halfEven'),
    expectedLossMinor: roundWith(certainLoss + r.expectedLoss, 'halfEven'),
    standardDeviationMinor: roundWith(r.standardDeviation, 'halfEven'),
    quantiles: r.quantiles.map((q) => ({ level: q.level, lossMinor: roundWith(certainLoss + q.loss, 'halfEven') })),
    contributions: r.contributions
      .map((c) => ({ customerId: c.id, standardDeviationMinor: roundWith(c.standardDeviation, 'halfEven') }))
      .sort((x, y) => y.standardDeviationMinor - x.standardDeviationMinor),
    probabilities: r.probabilities,
  });
}
