import type { Grade } from '../../model/index.js';
import { addDays, diffDays, type LocalDate } from '../../time/index.js';
import type { Reason } from '../scorecard/index.js';

export interface HoldSettings {
  /** Hold when any invoice is more than this many days past due (DOMAIN 4.2: 30). */
  readonly overdueDays: number;
  /** Roles that may override a hold. */
  readonly overrideRoles: readonly string[];
}

export const DEFAULT_HOLD_SETTINGS: HoldSettings = { overdueDays: 30, overrideRoles: ['owner', 'credit_controller'] };

/** An open invoice line as the hold check reads it. */
export interface HoldOpenItem {
  readonly invoiceId: string;
  readonly number: string;
  readonly dueOn: LocalDate;
  readonly openMinor: number;
  /** The policy's maxExtensionDays when the invoice is insured; null when it is not. */
  readonly maxExtensionDays: number | null;
}

export interface HoldInput {
  readonly customerId: string;
  readonly currency: string;
  readonly orderMinor: number;
  readonly exposureMinor: number;
  /** The approved limit in force; null = none approved (a first credit sale needs onboarding). */
  readonly approvedLimitMinor: number | null;
  readonly openItems: readonly HoldOpenItem[];
  readonly insurerLimitCancelledOn: LocalDate | null;
  readonly grade: Grade | null;
  readonly overrides: readonly Reason[];
}

export interface HoldDecision {
  readonly customerId: string;
  readonly decision: 'allow' | 'hold';
  readonly reasons: readonly Reason[];
  readonly exposureAfterMinor: number;
  readonly headroomMinor: number | null;
  readonly currency: string;
}

function overdueReasons(input: HoldInput, asOf: LocalDate, settings: HoldSettings): Reason[] {
  const out: Reason[] = [];
  const late = input.openItems.filter((i) => i.openMinor > 0 && diffDays(i.dueOn, asOf) > settings.overdueDays);
  const worst = late.sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  if (worst)
    out.push({
      code: 'CH_OVERDUE',
      data: {
        invoice: worst.number,
        days: diffDays(worst.dueOn, asOf),
        count: late.length,
        limitDays: settings.overdueDays,
      },
    });
  // Atradius stop-deliveries: the oldest unpaid insured invoice past due + maxExtensionDays.
  const insured = input.openItems
    .filter((i) => i.openMinor > 0 && i.maxExtensionDays !== null)
    .map((i) => ({ i, stopOn: addDays(i.dueOn, i.maxExtensionDays as number) }))
    .filter((x) => x.stopOn < asOf)
    .sort((a, b) => (a.stopOn < b.stopOn ? -1 : 1))[0];
  if (insured) out.push({ code: 'CH_PAST_MAX_EXTENSION', data: { invoice: insured.i.number, stopOn: insured.stopOn } });
  return out;
}

/**
 * The credit hold check at order entry (DOMAIN 4.2, 4.3 rule 3, 1.5 rule 5): hold when exposure +
 * order exceeds the approved limit (or none is approved), any invoice is more than 30 days past
 * due, an insured invoice is past its maximum extension date, the insurer cancelled the limit, the
 * grade is E, or a scorecard override applies. Every reason is listed.
 *
 * @example
 * checkCreditHold({ ...input, exposureMinor: 900, orderMinor: 200, approvedLimitMinor: 1000 }, asOf).decision; // 'hold'
 */
export function checkCreditHold(
  input: HoldInput,
  asOf: LocalDate,
  settings: HoldSettings = DEFAULT_HOLD_SETTINGS,
): HoldDecision {
  const reasons: Reason[] = [];
  const after = input.exposureMinor + input.orderMinor;
  const limit = input.approvedLimitMinor;
  if (limit === null) reasons.push({ code: 'CH_NO_LIMIT', data: {} });
  else if (after > limit)
    reasons.push({
      code: 'CH_OVER_LIMIT',
      data: {
        exposureMinor: input.exposureMinor,
        orderMinor: input.orderMinor,
        limitMinor: limit,
        currency: input.currency,
      },
    });
  reasons.push(...overdueReasons(input, asOf, settings));
  const cancelled = input.insurerLimitCancelledOn;
  if (cancelled !== null && cancelled <= asOf) reasons.push({ code: 'CH_INSURER_CANCELLED', data: { on: cancelled } });
  if (input.grade === 'E') reasons.push({ code: 'CH_GRADE_E', data: {} });
  for (const o of input.overrides) reasons.push({ code: 'CH_SCORE_OVERRIDE', data: { ...o.data, override: o.code } });
  return {
    customerId: input.customerId,
    decision: reasons.length > 0 ? 'hold' : 'allow',
    reasons,
    exposureAfterMinor: after,
    headroomMinor: limit === null ? null : limit - input.exposureMinor,
    currency: input.currency,
  };
}

/** Whether `role` may override a hold (settings: owner and credit_controller). */
export function canOverrideHold(role: string, settings: HoldSettings = DEFAULT_HOLD_SETTINGS): boolean {
  return settings.overrideRoles.includes(role);
}
