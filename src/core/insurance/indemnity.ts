import type { PolicyTerms } from '../model/index.js';
import { roundWith } from '../money/index.js';

/** One buyer's loss in a claim, in the policy's currency, in the order the claims are paid. */
export interface ClaimLoss {
  readonly customerId: string;
  /** The insured debt: the unpaid amount within the limit, undisputed. */
  readonly insuredDebtMinor: number;
  /** Recoveries (receipts, set-off, retention of title) received before the claim. */
  readonly recoveriesMinor: number;
}

export interface IndemnityLine {
  readonly customerId: string;
  /** Insured debt − recoveries before the claim (≥ 0). */
  readonly indemnifiableLossMinor: number;
  /** Losses at or below the non-qualifying loss are not paid and do not count towards the AFL. */
  readonly isBelowThreshold: boolean;
  /** The part of the loss the insured bears under the annual aggregate first loss. */
  readonly firstLossMinor: number;
  /** (loss − first loss) × insured % − per-buyer excess, before the maximum liability. */
  readonly grossMinor: number;
  /** What the maximum liability took off. */
  readonly cappedMinor: number;
  readonly indemnityMinor: number;
}

export interface IndemnityResult {
  readonly lines: readonly IndemnityLine[];
  readonly totalMinor: number;
  /** The policy year's cap in force: the amount, or the multiple of premium; null when none is set. */
  readonly maxLiabilityMinor: number | null;
}

/** The maximum liability: the stated amount, else the premium multiple × premium, else none. */
export function maxLiability(terms: PolicyTerms, premiumMinor: number): number | null {
  if (terms.maxLiabilityMinor !== null) return terms.maxLiabilityMinor;
  if (terms.maxLiabilityPremiumMultiple !== null)
    return roundWith(terms.maxLiabilityPremiumMultiple * premiumMinor, 'halfEven');
  return null;
}

/**
 * The indemnity of a policy year's claims, in order (DOMAIN 1.4): loss = insured debt − recoveries;
 * a loss at or below the non-qualifying loss (NQL) pays nothing and does not count towards the
 * aggregate first loss (AFL); qualifying losses are borne by the insured until they add up to the
 * AFL; the rest × insured % − per-buyer excess (≥ 0); the year's total is capped at the maximum
 * liability. Rounding half-even once per line.
 *
 * @example
 * computeIndemnities({ ...DEFAULT_POLICY_TERMS, aggregateFirstLossMinor: 5_000_00 }, [
 *   { customerId: 'a', insuredDebtMinor: 20_000_00, recoveriesMinor: 0 }], 0)
 * // lines[0]: firstLossMinor 5_000_00, indemnityMinor 13_500_00 (15,000 × 90 %)
 */
export function computeIndemnities(
  terms: PolicyTerms,
  losses: readonly ClaimLoss[],
  premiumMinor: number,
): IndemnityResult {
  const cap = maxLiability(terms, premiumMinor);
  let aflLeft = terms.aggregateFirstLossMinor;
  let paid = 0;
  const lines: IndemnityLine[] = [];
  for (const l of losses) {
    const loss = Math.max(0, l.insuredDebtMinor - l.recoveriesMinor);
    const isBelowThreshold = loss <= terms.claimThresholdMinor;
    const firstLoss = isBelowThreshold ? 0 : Math.min(aflLeft, loss);
    aflLeft -= firstLoss;
    const gross = isBelowThreshold
      ? 0
      : Math.max(0, roundWith((loss - firstLoss) * terms.insuredPctCommercial, 'halfEven') - terms.perBuyerExcessMinor);
    const indemnity = cap === null ? gross : Math.min(gross, Math.max(0, cap - paid));
    paid += indemnity;
    lines.push({
      customerId: l.customerId,
      indemnifiableLossMinor: loss,
      isBelowThreshold,
      firstLossMinor: firstLoss,
      grossMinor: gross,
      cappedMinor: gross - indemnity,
      indemnityMinor: indemnity,
    });
  }
  return { lines, totalMinor: paid, maxLiabilityMinor: cap };
}

/** A recovery after the claim was paid, split between insurer and insured. */
export interface RecoverySplit {
  readonly toInsurerMinor: number;
  readonly toInsuredMinor: number;
}

/**
 * Splits a recovery received after a claim pro rata (DOMAIN 1.4, Rycroft; Sinosure's 1 − indemnity
 * ÷ amount entrusted): the insurer's subrogated share is indemnity paid ÷ total debt; the insured
 * keeps the rest (its uninsured part, excess and own share). The two parts add up to the recovery.
 *
 * @example
 * splitRecovery({ recoveryMinor: 6_000_00, totalDebtMinor: 30_000_00, indemnityPaidMinor: 22_500_00 })
 * // { toInsurerMinor: 4_500_00, toInsuredMinor: 1_500_00 }
 */
export function splitRecovery(p: {
  readonly recoveryMinor: number;
  readonly totalDebtMinor: number;
  readonly indemnityPaidMinor: number;
}): RecoverySplit {
  if (p.totalDebtMinor <= 0 || p.indemnityPaidMinor <= 0) return { toInsurerMinor: 0, toInsuredMinor: p.recoveryMinor };
  const share = Math.min(1, p.indemnityPaidMinor / p.totalDebtMinor);
  const toInsurer = roundWith(p.recoveryMinor * share, 'halfEven');
  return { toInsurerMinor: toInsurer, toInsuredMinor: p.recoveryMinor - toInsurer };
}

/**
 * The premium: rate × insurable turnover, at least the minimum premium (DOMAIN 1.4; fees aside).
 *
 * @example
 * premiumFor({ ...DEFAULT_POLICY_TERMS, minPremiumMinor: 5_000_00 }, 1_000_000_00) // 5_000_00 (0.25 % is 2,500)
 */
export function premiumFor(terms: PolicyTerms, insurableTurnoverMinor: number): number {
  const premium = roundWith(terms.premiumRate * insurableTurnoverMinor, 'halfEven');
  return Math.max(premium, terms.minPremiumMinor ?? 0);
}
