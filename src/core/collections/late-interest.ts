import { allocateMinor, type CurrencyCode, type Money, money, roundWith } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { addDays, diffDays, isLocalDate, type LocalDate } from '../time/index.js';

/** Which rule computes the interest: the Chinese 条例, the EU directive 2011/7, or the contract alone. */
export const INTEREST_LAWS = ['cn', 'eu', 'contract'] as const;
export type InterestLaw = (typeof INTEREST_LAWS)[number];

/** A stretch of interest days (both ends included) at one rate. */
export interface InterestPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: number;
  /** The yearly rate (a fraction: 0.12 = 12 %) over `dayBasis` days, or null when a daily rate applies. */
  readonly annualRate: number | null;
  /** The daily rate (0.0005 = 0.05 % a day), or null when a yearly rate applies. */
  readonly dailyRate: number | null;
  /** This period's share of the rounded interest (the periods sum to the total). */
  readonly interestMinor: number;
}

/**
 * Why the rate is what it is, as a code the catalogues word: the statutory daily rate, the
 * contract rate, the LPR floor over a lower contract rate, the reference rate plus margin, or no
 * interest at all (not eligible, paid on time).
 */
export interface RateBasis {
  readonly code: string;
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
}

export interface LateInterest {
  readonly law: InterestLaw;
  readonly principal: Money;
  readonly dueOn: LocalDate;
  readonly paidOn: LocalDate;
  /** Interest days: from the day after the due date to the payment date, both included. */
  readonly days: number;
  readonly periods: readonly InterestPeriod[];
  readonly interest: Money;
  /** The EU fixed compensation per invoice (EUR 40), or null under the other laws. */
  readonly fixedCompensation: Money | null;
  readonly basis: RateBasis;
}

/** What every law needs: the open principal and the two dates. */
export interface InterestClaim {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly dueOn: LocalDate;
  readonly paidOn: LocalDate;
}

/**
 * The one rounding of late interest: the exact sum of all periods, half-even to the minor unit.
 * Rounded once, so a claim split into half-years is not a cent off the whole.
 *
 * @example
 * roundInterestMinor(91212.33) // 91212
 */
export function roundInterestMinor(exactMinor: number): number {
  return roundWith(exactMinor, 'halfEven');
}

/**
 * Interest days: the day after `dueOn` to `paidOn`, both included; 0 when paid on or before the due date.
 *
 * @example
 * interestDays('2024-02-20', '2024-03-05') // 14 (29 February counts)
 */
export function interestDays(dueOn: LocalDate, paidOn: LocalDate): number {
  return Math.max(0, diffDays(dueOn, paidOn));
}

/** A period before its share of the rounded total is known: the exact interest in minor units. */
export interface ExactPeriod extends Omit<InterestPeriod, 'interestMinor'> {
  readonly exactMinor: number;
}

/** Rounds the total once and gives each period its largest-remainder share of it. */
export function settlePeriods(periods: readonly ExactPeriod[]): { periods: InterestPeriod[]; totalMinor: number } {
  const exact = periods.reduce((s, p) => s + p.exactMinor, 0);
  const totalMinor = roundInterestMinor(exact);
  if (periods.length === 0 || totalMinor === 0)
    return { periods: periods.map(({ exactMinor: _e, ...p }) => ({ ...p, interestMinor: 0 })), totalMinor };
  const shares = allocateMinor(
    totalMinor,
    periods.map((p) => p.exactMinor),
  );
  return {
    periods: periods.map(({ exactMinor: _e, ...p }, i) => ({ ...p, interestMinor: shares[i] ?? 0 })),
    totalMinor,
  };
}

/** One period at a yearly rate over `dayBasis` days, from the day after `dueOn` to `paidOn`. */
export function flatPeriod(claim: InterestClaim, annualRate: number, dayBasis: number): ExactPeriod[] {
  const days = interestDays(claim.dueOn, claim.paidOn);
  if (days === 0) return [];
  return [
    {
      from: addDays(claim.dueOn, 1),
      to: claim.paidOn,
      days,
      annualRate,
      dailyRate: null,
      exactMinor: (claim.amountMinor * annualRate * days) / dayBasis,
    },
  ];
}

const invalid = (field: string, value: unknown, expected: string) =>
  fail('INTEREST_INVALID_INPUT', { field, value: String(value), expected });

/** Checks the principal and the dates every law reads. */
export function checkClaim(claim: InterestClaim): Result<InterestClaim> {
  if (!Number.isSafeInteger(claim.amountMinor) || claim.amountMinor <= 0)
    return invalid('amount', claim.amountMinor, 'a positive amount');
  if (!isLocalDate(claim.dueOn)) return invalid('due', claim.dueOn, 'YYYY-MM-DD');
  if (!isLocalDate(claim.paidOn)) return invalid('paid', claim.paidOn, 'YYYY-MM-DD');
  return ok(claim);
}

/** A yearly rate as a fraction from 0 to 1 (0 % to 100 % a year). */
export function checkRate(field: string, rate: number): Result<number> {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) return invalid(field, rate, '0-100 %');
  return ok(rate);
}

/**
 * Interest at the contract's yearly rate: simple interest on actual days over `dayBasis` (365 by
 * default), from the day after the due date to the payment date.
 *
 * @example
 * computeContractInterest({ amountMinor: 100_000_00, currency: 'CNY', dueOn: '2025-01-31', paidOn: '2025-03-02' }, 0.06)
 * // 30 days, 493.15 CNY
 */
export function computeContractInterest(
  claim: InterestClaim,
  annualRate: number,
  dayBasis = 365,
): Result<LateInterest> {
  const checked = checkClaim(claim);
  if (!checked.ok) return checked;
  const rate = checkRate('rate', annualRate);
  if (!rate.ok) return rate;
  const { periods, totalMinor } = settlePeriods(flatPeriod(claim, annualRate, dayBasis));
  return ok({
    law: 'contract',
    principal: money(claim.amountMinor, claim.currency),
    dueOn: claim.dueOn,
    paidOn: claim.paidOn,
    days: interestDays(claim.dueOn, claim.paidOn),
    periods,
    interest: money(totalMinor, claim.currency),
    fixedCompensation: null,
    basis: { code: 'LI_BASIS_CONTRACT', data: { rate: annualRate, dayBasis } },
  });
}
