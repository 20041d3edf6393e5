import { money } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { addDays, isLocalDate, type LocalDate, maxDate, minDate } from '../time/index.js';
import {
  checkClaim,
  checkRate,
  type ExactPeriod,
  type InterestClaim,
  interestDays,
  type LateInterest,
  settlePeriods,
} from './late-interest.js';
import type { LateInterestSettings } from './late-interest-settings.js';

/** A reference rate (ECB main refinancing rate, or a national base rate) in force from a date. */
export interface ReferenceRate {
  readonly from: LocalDate;
  /** A fraction: 0.045 = 4.5 %. */
  readonly rate: number;
}

export interface EuInterestTerms {
  /** One rate for every half-year, or the rates in force from their dates. */
  readonly referenceRate: number | readonly ReferenceRate[];
  /** The creditor's country (ISO), for the national margin; null = the directive's 8 points. */
  readonly country: string | null;
  /** Points over the reference rate when the contract or law sets its own; null = from the settings. */
  readonly marginPoints: number | null;
}

/** The first day of the half-year `date` is in: 1 January or 1 July. */
export function halfYearStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
}

/** The first day of the next half-year. */
function nextHalfYear(start: LocalDate): LocalDate {
  const year = Number(start.slice(0, 4));
  return start.slice(5) === '01-01' ? `${year}-07-01` : `${String(year + 1).padStart(4, '0')}-01-01`;
}

/**
 * The interest days split at 1 January and 1 July, the days the reference rate resets (DOMAIN 5.2).
 *
 * @example
 * splitByHalfYear('2023-11-15', '2024-08-10')
 * // [2023-11-16..2023-12-31 (46), 2024-01-01..2024-06-30 (182, a leap year), 2024-07-01..2024-08-10 (41)]
 */
export function splitByHalfYear(
  dueOn: LocalDate,
  paidOn: LocalDate,
): { from: LocalDate; to: LocalDate; days: number }[] {
  const out: { from: LocalDate; to: LocalDate; days: number }[] = [];
  if (interestDays(dueOn, paidOn) === 0) return out;
  let from = addDays(dueOn, 1);
  // One period per half-year: a claim of a thousand years has two thousand, so the loop ends.
  while (from <= paidOn) {
    const start = halfYearStart(from);
    const to = minDate(addDays(nextHalfYear(start), -1), paidOn);
    out.push({ from: maxDate(from, start), to, days: interestDays(addDays(from, -1), to) });
    from = addDays(to, 1);
  }
  return out;
}

/** The reference rate of the half-year starting `start`: the last one in force on that day. */
function rateOn(rates: number | readonly ReferenceRate[], start: LocalDate): number | null {
  if (typeof rates === 'number') return rates;
  let found: number | null = null;
  for (const r of rates) if (r.from <= start) found = r.rate;
  return found;
}

function checkTerms(terms: EuInterestTerms): Result<EuInterestTerms> {
  const list =
    typeof terms.referenceRate === 'number' ? [{ from: '2000-01-01', rate: terms.referenceRate }] : terms.referenceRate;
  for (const [i, r] of list.entries()) {
    if (!isLocalDate(r.from))
      return fail('INTEREST_INVALID_INPUT', { field: `reference-rate[${i}]`, value: r.from, expected: 'YYYY-MM-DD' });
    if (!Number.isFinite(r.rate) || r.rate < -0.05 || r.rate > 0.5)
      return fail('INTEREST_INVALID_INPUT', {
        field: 'reference-rate',
        value: String(r.rate),
        expected: '-5 % to 50 %',
      });
  }
  if (terms.marginPoints !== null) {
    const m = checkRate('margin', terms.marginPoints / 100);
    if (!m.ok) return m;
  }
  return ok(terms);
}

/**
 * Late interest under the EU directive 2011/7 (DOMAIN 5.2): the reference rate in force on the
 * first day of each half-year plus the margin (8 points, or the creditor country's), simple interest
 * on actual days over 365, and the fixed compensation of EUR 40 per invoice once interest runs.
 *
 * @example
 * computeEuInterest({ amountMinor: 10_000_00, currency: 'EUR', dueOn: '2023-11-15', paidOn: '2024-08-10' },
 *   { referenceRate: [{ from: '2023-07-01', rate: 0.04 }, { from: '2024-01-01', rate: 0.045 },
 *     { from: '2024-07-01', rate: 0.0425 }], country: null, marginPoints: null }, settings)
 * // 269 days: 151.23 + 623.29 + 137.60 = EUR 912.12, plus EUR 40.00
 */
export function computeEuInterest(
  claim: InterestClaim,
  terms: EuInterestTerms,
  settings: LateInterestSettings,
): Result<LateInterest> {
  const checked = checkClaim(claim);
  if (!checked.ok) return checked;
  const termsOk = checkTerms(terms);
  if (!termsOk.ok) return termsOk;
  const country = terms.country?.toUpperCase() ?? null;
  const margins = settings.euCountryMargins;
  const points =
    terms.marginPoints ??
    (country !== null && Object.hasOwn(margins, country) ? (margins[country] as number) : settings.euMarginPoints);
  const exact: ExactPeriod[] = [];
  for (const p of splitByHalfYear(claim.dueOn, claim.paidOn)) {
    const reference = rateOn(terms.referenceRate, halfYearStart(p.from));
    if (reference === null)
      return fail('INTEREST_REFERENCE_RATE_MISSING', { field: 'reference-rate', halfYear: halfYearStart(p.from) });
    // Rates in whole hundredths of a point: 4.5 % + 8 points is 12.5 %, not 12.499999….
    const annualRate = Math.round((reference + points / 100) * 1e6) / 1e6;
    exact.push({
      ...p,
      annualRate,
      dailyRate: null,
      exactMinor: (claim.amountMinor * annualRate * p.days) / settings.dayBasis,
    });
  }
  const { periods, totalMinor } = settlePeriods(exact);
  const days = interestDays(claim.dueOn, claim.paidOn);
  return ok({
    law: 'eu',
    principal: money(claim.amountMinor, claim.currency),
    dueOn: claim.dueOn,
    paidOn: claim.paidOn,
    days,
    periods,
    interest: money(totalMinor, claim.currency),
    fixedCompensation: days > 0 ? money(settings.euFixedCompensationMinor, 'EUR') : null,
    basis: { code: days > 0 ? 'LI_BASIS_EU' : 'LI_BASIS_ON_TIME', data: { marginPoints: points, country } },
  });
}
