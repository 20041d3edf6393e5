import type { Reason } from '../../core/credit/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { addDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { type HoldOverride, listHoldOverrides, type OverriddenOrder } from '../../db/stores/credit.js';
import type { CreditBook } from './load-book.js';

/**
 * How long a hold override applies to its order, in calendar days counted from the day it was
 * granted (that day included). Setting `credit.holds.overrideValidDays` of the organisation;
 * design default 1: the override lasts until the end of the day it was given (China Standard
 * Time, the day every check is made on), so an order not shipped that day is checked afresh.
 */
export const DEFAULT_OVERRIDE_VALID_DAYS = 1;
const MAX_OVERRIDE_VALID_DAYS = 90;

/** The override validity of the organisation: its setting, or the default; a bad setting is an error, not ignored. */
export function overrideValidDays(book: CreditBook): Result<number> {
  const holds = book.org.settings['credit.holds'];
  const value =
    typeof holds === 'object' && holds !== null ? (holds as Record<string, unknown>).overrideValidDays : undefined;
  if (value === undefined) return ok(DEFAULT_OVERRIDE_VALID_DAYS);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_OVERRIDE_VALID_DAYS)
    return ok(value);
  return fail('VALIDATION_FAILED', {
    field: 'settings.credit.holds.overrideValidDays',
    value: String(value),
    expected: `a whole number of days from 1 to ${MAX_OVERRIDE_VALID_DAYS}`,
  });
}

/** The last day (inclusive) an override granted on `grantedOn` applies. */
export function overrideValidUntil(grantedOn: LocalDate, days: number): LocalDate {
  return addDays(grantedOn, days - 1);
}

/**
 * An override applied to an order check: why, who, when, and until when (the order it covers is the
 * check's own order, so those fields are left out).
 */
export type AppliedOverride = Omit<HoldOverride, 'customerId' | 'orderRef' | 'amountMinor' | 'currency' | 'reasons'>;

export function toApplied(o: HoldOverride): AppliedOverride {
  const { customerId: _c, orderRef: _o, amountMinor: _a, currency: _cu, reasons: _r, ...applied } = o;
  return applied;
}

/**
 * The override in force for a held order on `asOf`, if one covers every reason it is held for
 * now: a reason that arose after the override (say the insurer cancelled its limit since) holds
 * the order again until someone overrides that too.
 */
export async function findApplicableOverride(
  db: Db,
  params: OverriddenOrder & { orgId: string; asOf: LocalDate; reasons: readonly Reason[] },
): Promise<AppliedOverride | null> {
  const overrides = await listHoldOverrides(db, { ...params, on: params.asOf });
  const covering = overrides.find((o) => params.reasons.every((r) => o.reasons.includes(r.code)));
  return covering ? toApplied(covering) : null;
}
