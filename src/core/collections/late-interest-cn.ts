import { money } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { addDays, isLocalDate, type LocalDate } from '../time/index.js';
import {
  checkClaim,
  checkRate,
  type ExactPeriod,
  flatPeriod,
  type InterestClaim,
  interestDays,
  type LateInterest,
  type RateBasis,
  settlePeriods,
} from './late-interest.js';
import type { LateInterestSettings } from './late-interest-settings.js';

/** Who owes: the 条例 covers government bodies, public institutions and large enterprises paying an SME. */
export const CN_DEBTOR_KINDS = ['government', 'public_institution', 'large', 'sme'] as const;
export type CnDebtorKind = (typeof CN_DEBTOR_KINDS)[number];

/** The contract facts the 条例 turns on (DOMAIN 5.4 rule 3); null = not recorded. */
export interface CnContract {
  /** The creditor declared itself an SME at signing (第3条). */
  readonly creditorIsSme: boolean | null;
  readonly debtorKind: CnDebtorKind | null;
  readonly signedOn: LocalDate | null;
  /** Delivery date, for the statutory payment deadline (delivery + 60 or 30 days). */
  readonly deliveredOn: LocalDate | null;
  /** The agreed yearly late-interest rate (a fraction), or null when the contract agrees none. */
  readonly contractRate: number | null;
  /** The 1-year LPR at signing (a fraction); needed to check an agreed rate against its floor. */
  readonly lprAtSigning: number | null;
}

export type ConditionState = 'met' | 'not_met' | 'unknown';

/** Each eligibility condition, so a person sees which one fails or was not recorded. */
export interface CnEligibility {
  readonly creditorIsSme: ConditionState;
  readonly debtorIsLargeOrPublic: ConditionState;
  readonly signedAfterEffectiveDate: ConditionState;
  /** No condition is known to fail (unknown ones are shown, not assumed false). */
  readonly isEligible: boolean;
  /** Delivery + 60 days (large) or + 30 days (government, public institution); null when unknown. */
  readonly statutoryDueOn: LocalDate | null;
}

const state = (v: boolean | null): ConditionState => (v === null ? 'unknown' : v ? 'met' : 'not_met');

/**
 * Whether 《保障中小企业款项支付条例》 applies: an SME creditor (declared at signing), a large or
 * public debtor, a contract signed on or after the effective date (DOMAIN 5.4 rule 3).
 *
 * @example
 * cnEligibility({ creditorIsSme: true, debtorKind: 'large', signedOn: '2024-03-01', ... }, settings).isEligible // true
 */
export function cnEligibility(contract: CnContract, settings: LateInterestSettings): CnEligibility {
  const kind = contract.debtorKind;
  const conditions = {
    creditorIsSme: state(contract.creditorIsSme),
    debtorIsLargeOrPublic: state(kind === null ? null : kind !== 'sme'),
    signedAfterEffectiveDate: state(contract.signedOn === null ? null : contract.signedOn >= settings.cnEffectiveFrom),
  };
  const payDays =
    kind === 'large'
      ? settings.cnLargePaymentDays
      : kind === 'government' || kind === 'public_institution'
        ? settings.cnGovernmentPaymentDays
        : null;
  return {
    ...conditions,
    isEligible: !Object.values(conditions).includes('not_met'),
    statutoryDueOn: payDays === null || contract.deliveredOn === null ? null : addDays(contract.deliveredOn, payDays),
  };
}

function checkContract(c: CnContract): Result<CnContract> {
  for (const [field, d] of [
    ['signed', c.signedOn],
    ['delivered', c.deliveredOn],
  ] as const)
    if (d !== null && !isLocalDate(d))
      return fail('INTEREST_INVALID_INPUT', { field, value: d, expected: 'YYYY-MM-DD' });
  if (c.contractRate !== null) {
    const r = checkRate('rate', c.contractRate);
    if (!r.ok) return r;
    if (c.lprAtSigning === null)
      return fail('INTEREST_REFERENCE_RATE_MISSING', { field: 'reference-rate', halfYear: '' });
    const l = checkRate('reference-rate', c.lprAtSigning);
    if (!l.ok) return l;
  }
  return ok(c);
}

/** The rate under the 条例: the agreed rate, raised to the LPR floor; without one, the daily rate. */
function cnRate(
  claim: InterestClaim,
  c: CnContract,
  eligible: boolean,
  settings: LateInterestSettings,
): { exact: ExactPeriod[]; basis: RateBasis } {
  const days = interestDays(claim.dueOn, claim.paidOn);
  if (!eligible && c.contractRate === null) return { exact: [], basis: { code: 'LI_BASIS_CN_NOT_ELIGIBLE', data: {} } };
  if (c.contractRate !== null) {
    const lpr = c.lprAtSigning as number;
    const floored = eligible && c.contractRate < lpr;
    const rate = floored ? lpr : c.contractRate;
    return {
      exact: flatPeriod(claim, rate, settings.dayBasis),
      basis: {
        code: floored ? 'LI_BASIS_CN_LPR_FLOOR' : eligible ? 'LI_BASIS_CN_CONTRACT' : 'LI_BASIS_CN_CONTRACT_ONLY',
        data: { rate, contractRate: c.contractRate, lpr, dayBasis: settings.dayBasis },
      },
    };
  }
  const exact: ExactPeriod[] =
    days === 0
      ? []
      : [
          {
            from: addDays(claim.dueOn, 1),
            to: claim.paidOn,
            days,
            annualRate: null,
            dailyRate: settings.cnDailyRate,
            exactMinor: claim.amountMinor * settings.cnDailyRate * days,
          },
        ];
  return { exact, basis: { code: 'LI_BASIS_CN_STATUTORY', data: { dailyRate: settings.cnDailyRate } } };
}

/**
 * Late interest under 《保障中小企业款项支付条例》 (2025 第17条; DOMAIN 5.2): an agreed rate may not
 * be below the 1-year LPR at signing (a lower one is raised to it); with no agreement, 0.05 % a day
 * (万分之五), simple, from the day after the due date. A contract the 条例 does not cover earns its
 * own agreed rate, or nothing.
 *
 * @example
 * computeCnInterest({ amountMinor: 200_000_00, currency: 'CNY', dueOn: '2024-12-20', paidOn: '2025-03-05' },
 *   { creditorIsSme: true, debtorKind: 'large', signedOn: '2024-06-01', deliveredOn: null,
 *     contractRate: null, lprAtSigning: null }, settings)
 * // 75 days × 0.05 % × ¥200,000.00 = ¥7,500.00
 */
export function computeCnInterest(
  claim: InterestClaim,
  contract: CnContract,
  settings: LateInterestSettings,
): Result<LateInterest & { eligibility: CnEligibility }> {
  const checked = checkClaim(claim);
  if (!checked.ok) return checked;
  const contractOk = checkContract(contract);
  if (!contractOk.ok) return contractOk;
  const eligibility = cnEligibility(contract, settings);
  const { exact, basis } = cnRate(claim, contract, eligibility.isEligible, settings);
  const { periods, totalMinor } = settlePeriods(exact);
  return ok({
    law: 'cn',
    principal: money(claim.amountMinor, claim.currency),
    dueOn: claim.dueOn,
    paidOn: claim.paidOn,
    days: interestDays(claim.dueOn, claim.paidOn),
    periods,
    interest: money(totalMinor, claim.currency),
    fixedCompensation: null,
    basis,
    eligibility,
  });
}
