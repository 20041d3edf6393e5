import type { Reason } from '../credit/index.js';
import type { BuyerCoverKind, PolicyTerms } from '../model/index.js';
import { groupBy } from '../shared/index.js';
import { addDays, diffDays, type LocalDate } from '../time/index.js';

/** An open invoice (or instalment) as the cover check reads it: amounts in the policy's currency. */
export interface CoverInvoice {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  /** The delivery date the policy counts from (the invoice's issue date). */
  readonly issuedOn: LocalDate;
  /** The ORIGINAL due date: extensions move cash, not the policy's deadlines. */
  readonly dueOn: LocalDate;
  readonly openMinor: number;
}

/** One buyer limit decision under the policy (insured_buyer_limits), in the policy's currency. */
export interface CoverLimit {
  readonly customerId: string;
  readonly kind: BuyerCoverKind;
  readonly limitMinor: number;
  readonly effectiveFrom: LocalDate;
  /** Deliveries on or after this date are uninsured; earlier ones stay insured (run-off). */
  readonly cancelledOn: LocalDate | null;
}

export interface CoverPolicy {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly terms: PolicyTerms;
}

/** Why (part of) an open invoice is not insured: codes worded in both languages by the catalogues. */
export const COVER_EXCLUSIONS = [
  'INS_OUTSIDE_POLICY_PERIOD',
  'INS_NO_LIMIT',
  'INS_BUYER_EXCLUDED',
  'INS_TERMS_BEYOND_MAX',
  'INS_SHIPPED_AFTER_LIMIT_CUT',
  'INS_PAST_STOP_DELIVERY',
  'INS_OVER_LIMIT',
] as const;
export type CoverExclusion = (typeof COVER_EXCLUSIONS)[number];

export interface InvoiceCover extends CoverInvoice {
  /** True when the whole open amount is insured; `reasons` say why any part is not. */
  readonly covered: boolean;
  readonly insuredMinor: number;
  readonly uninsuredMinor: number;
  readonly limitKind: BuyerCoverKind | null;
  readonly reasons: readonly (Reason & { readonly code: CoverExclusion })[];
}

type CoverReason = InvoiceCover['reasons'][number];

/** The limit decision in force for a delivery on `on`: the newest effective on or before it. */
function limitOn(limits: readonly CoverLimit[], on: LocalDate): CoverLimit | null {
  return limits.filter((l) => l.effectiveFrom <= on).at(-1) ?? null;
}

/** The older unpaid invoice with the earliest due date: its due date + the maximum extension stops deliveries. */
interface Oldest {
  readonly number: string;
  readonly dueOn: LocalDate;
}

/** The stop-delivery the oldest unpaid invoice delivered before this one had set by its delivery, if any. */
function stopBefore(oldest: Oldest | null, inv: CoverInvoice, terms: PolicyTerms): CoverReason | null {
  if (oldest === null) return null;
  const stopOn = addDays(oldest.dueOn, terms.maxExtensionDays);
  return stopOn < inv.issuedOn ? { code: 'INS_PAST_STOP_DELIVERY', data: { stopOn, oldest: oldest.number } } : null;
}

/** Exclusions of the whole invoice: the policy period, the terms, the limit at delivery, stop-delivery. */
function exclusions(
  inv: CoverInvoice,
  limit: CoverLimit | null,
  oldest: Oldest | null,
  policy: CoverPolicy,
): CoverReason[] {
  const out: CoverReason[] = [];
  if (inv.issuedOn < policy.startsOn || inv.issuedOn > policy.endsOn)
    out.push({ code: 'INS_OUTSIDE_POLICY_PERIOD', data: { startsOn: policy.startsOn, endsOn: policy.endsOn } });
  const termsDays = diffDays(inv.issuedOn, inv.dueOn);
  if (termsDays > policy.terms.maxCreditTermsDays)
    out.push({ code: 'INS_TERMS_BEYOND_MAX', data: { days: termsDays, maxDays: policy.terms.maxCreditTermsDays } });
  if (limit === null) out.push({ code: 'INS_NO_LIMIT', data: {} });
  else if (limit.kind === 'excluded') out.push({ code: 'INS_BUYER_EXCLUDED', data: {} });
  else if (limit.cancelledOn !== null && limit.cancelledOn <= inv.issuedOn)
    out.push({ code: 'INS_SHIPPED_AFTER_LIMIT_CUT', data: { cutOn: limit.cancelledOn, limitMinor: 0 } });
  const stop = stopBefore(oldest, inv, policy.terms);
  if (stop) out.push(stop);
  return out;
}

/** The reason the part above the limit is uninsured: a cut made before the delivery, or plain over limit. */
function overLimitReason(limits: readonly CoverLimit[], limit: CoverLimit, uninsuredMinor: number): CoverReason {
  const earlier = limits.filter((l) => l.effectiveFrom < limit.effectiveFrom).at(-1);
  if (earlier !== undefined && earlier.limitMinor > limit.limitMinor)
    return {
      code: 'INS_SHIPPED_AFTER_LIMIT_CUT',
      data: { cutOn: limit.effectiveFrom, limitMinor: limit.limitMinor, uninsuredMinor },
    };
  return { code: 'INS_OVER_LIMIT', data: { limitMinor: limit.limitMinor, uninsuredMinor } };
}

function coverBuyer(invoices: readonly CoverInvoice[], limits: readonly CoverLimit[], policy: CoverPolicy) {
  const sorted = [...invoices].sort(
    (a, b) =>
      a.issuedOn.localeCompare(b.issuedOn) || a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number),
  );
  const byDate = [...limits].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const out: InvoiceCover[] = [];
  let insuredSoFar = 0;
  let oldest: Oldest | null = null;
  for (const inv of sorted) {
    const limit = limitOn(byDate, inv.issuedOn);
    const reasons = exclusions(inv, limit, oldest, policy);
    // Only deliveries made before this one count: a same-day delivery cannot have stopped it.
    if (oldest === null || inv.dueOn < oldest.dueOn) oldest = { number: inv.number, dueOn: inv.dueOn };
    let insured = 0;
    if (reasons.length === 0 && limit !== null) {
      // Oldest deliveries first use up the limit (DOMAIN 1.4): the limit caps what is owed at one time.
      insured = Math.max(0, Math.min(inv.openMinor, limit.limitMinor - insuredSoFar));
      if (insured < inv.openMinor) reasons.push(overLimitReason(byDate, limit, inv.openMinor - insured));
    }
    insuredSoFar += insured;
    out.push({
      ...inv,
      covered: insured === inv.openMinor && inv.openMinor > 0,
      insuredMinor: insured,
      uninsuredMinor: inv.openMinor - insured,
      limitKind: limit?.kind ?? null,
      reasons,
    });
  }
  return out;
}

/**
 * Cover of each open invoice under one policy (DOMAIN 1.4–1.5): insured or not, and why. A delivery
 * is uninsured outside the policy period, without a limit on its delivery date, to an excluded
 * buyer, on terms beyond the maximum credit period, after the limit was cancelled or cut (run-off
 * keeps earlier deliveries insured), or after an older unpaid invoice passed its maximum extension
 * (stop-delivery). What is left is insured up to the limit, oldest deliveries first.
 *
 * @example
 * coverInvoices(policy, [{ customerId: 'c1', kind: 'insurer_limit', limitMinor: 100_00, effectiveFrom: '2026-01-01', cancelledOn: null }],
 *   [{ invoiceId: 'i1', customerId: 'c1', number: 'F1', issuedOn: '2026-03-01', dueOn: '2026-04-30', openMinor: 150_00 }])
 * // [{ covered: false, insuredMinor: 100_00, uninsuredMinor: 50_00, reasons: [{ code: 'INS_OVER_LIMIT', ... }] }]
 */
export function coverInvoices(
  policy: CoverPolicy,
  limits: readonly CoverLimit[],
  invoices: readonly CoverInvoice[],
): InvoiceCover[] {
  const limitsOf = groupBy(limits, (l) => l.customerId);
  const out: InvoiceCover[] = [];
  for (const [customerId, list] of groupBy(invoices, (i) => i.customerId))
    out.push(...coverBuyer(list, limitsOf.get(customerId) ?? [], policy));
  return out;
}
