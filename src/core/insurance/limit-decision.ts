import type { BuyerCoverKind } from '../model/index.js';
import { isCurrencyCode } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { isLocalDate, type LocalDate } from '../time/index.js';

export const BUYER_COVER_KINDS: readonly BuyerCoverKind[] = [
  'insurer_limit',
  'discretionary',
  'below_threshold',
  'excluded',
];

/** One insurer limit decision on one buyer as written to insured_buyer_limits. */
export interface LimitDecision {
  readonly policyId: string;
  readonly customerId: string;
  readonly kind: BuyerCoverKind;
  readonly currency: string;
  readonly limitMinor: number;
  readonly effectiveFrom: LocalDate;
  readonly cancelledOn: LocalDate | null;
}

/**
 * Checks one limit decision before it is written, whoever writes it: a known kind, a currency
 * code, a whole non-negative amount (0 for an excluded buyer), dates, and a cancellation after the
 * decision took effect. The error names the field; `at` says where the row came from.
 *
 * @example
 * checkLimitDecision({ ...row, cancelledOn: '2026-01-01', effectiveFrom: '2026-02-01' }, 'cover C-1')
 * // fail INS_BAD_LIMIT { at: 'cover C-1', field: 'cancelledOn', ... }
 */
export function checkLimitDecision(d: LimitDecision, at: string): Result<LimitDecision> {
  const bad = (field: string, value: unknown, expected: string) =>
    fail('INS_BAD_LIMIT', { at, field, value: String(value), expected });
  if (!BUYER_COVER_KINDS.includes(d.kind)) return bad('kind', d.kind, BUYER_COVER_KINDS.join(', '));
  if (!isCurrencyCode(d.currency)) return bad('currency', d.currency, 'an ISO 4217 code');
  if (!Number.isSafeInteger(d.limitMinor) || d.limitMinor < 0)
    return bad('limitMinor', d.limitMinor, 'an amount in minor units, 0 or more');
  if (d.kind === 'excluded' && d.limitMinor !== 0) return bad('limitMinor', d.limitMinor, '0 for an excluded buyer');
  if (!isLocalDate(d.effectiveFrom)) return bad('effectiveFrom', d.effectiveFrom, 'a date YYYY-MM-DD');
  if (d.cancelledOn !== null && !isLocalDate(d.cancelledOn))
    return bad('cancelledOn', d.cancelledOn, 'a date YYYY-MM-DD');
  if (d.cancelledOn !== null && d.cancelledOn <= d.effectiveFrom)
    return bad('cancelledOn', d.cancelledOn, `a date after ${d.effectiveFrom}`);
  return ok(d);
}
