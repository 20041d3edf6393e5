import type { PolicyTerms } from '../model/index.js';
import { addDays, diffDays, type LocalDate } from '../time/index.js';
import type { CoverLimit, InvoiceCover } from './cover.js';

/** The policy obligations on an insured unpaid invoice, in the order they fall. */
export const DEADLINE_KINDS = [
  'overdue_notification',
  'stop_deliveries',
  'collection_transfer',
  'claim_filing',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Where a deadline stands on the as-of date: escalating at T-7, T-3 and T0; missed is critical. */
export type DeadlineLevel = 'info' | 'watch' | 'warning' | 'critical';

export interface InsuranceDeadline {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly kind: DeadlineKind;
  readonly on: LocalDate;
  /** Days from the as-of date to the deadline (negative: missed). */
  readonly daysLeft: number;
  readonly level: DeadlineLevel;
  readonly isMissed: boolean;
}

/** The four dates from the ORIGINAL due date (calendar days: weekends and holidays count, DOMAIN 1.5 rule 3). */
export function invoiceDeadlines(dueOn: LocalDate, terms: PolicyTerms): Record<DeadlineKind, LocalDate> {
  const stopOn = addDays(dueOn, terms.maxExtensionDays);
  return {
    overdue_notification: addDays(dueOn, terms.overdueNotifyDays),
    stop_deliveries: stopOn,
    collection_transfer: addDays(stopOn, terms.collectionTransferDays),
    claim_filing: addDays(dueOn, terms.claimFilingDays),
  };
}

function levelOf(daysLeft: number): DeadlineLevel {
  if (daysLeft < 0) return 'critical';
  if (daysLeft <= 3) return 'warning';
  if (daysLeft <= 7) return 'watch';
  return 'info';
}

/**
 * The deadline calendar of the insured open invoices (DOMAIN 1.5 rules 3–4): overdue notification,
 * stop deliveries, transfer to collection and claim filing, each from the invoice's ORIGINAL due
 * date, with its level on `asOf`. Only invoices with an insured part carry obligations; a missed
 * deadline stays listed (cover may be lost). Sorted by date.
 *
 * @example
 * insuranceDeadlines([invoiceDueOn('2026-11-01')], DEFAULT_POLICY_TERMS, '2026-11-10')
 * // [{ kind: 'overdue_notification', on: '2026-11-16', daysLeft: 6, level: 'watch' }, ...]
 */
export function insuranceDeadlines(
  invoices: readonly InvoiceCover[],
  terms: PolicyTerms,
  asOf: LocalDate,
): InsuranceDeadline[] {
  const out: InsuranceDeadline[] = [];
  for (const inv of invoices) {
    if (inv.insuredMinor <= 0) continue;
    const dates = invoiceDeadlines(inv.dueOn, terms);
    for (const kind of DEADLINE_KINDS) {
      const on = dates[kind];
      const daysLeft = diffDays(asOf, on);
      out.push({
        invoiceId: inv.invoiceId,
        customerId: inv.customerId,
        number: inv.number,
        kind,
        on,
        daysLeft,
        level: levelOf(daysLeft),
        isMissed: daysLeft < 0,
      });
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.number.localeCompare(b.number));
}

/** Obligations beside the per-invoice calendar (DOMAIN 1.5 rule 9, 1.2 limit re-request, renewal notice). */
export const OBLIGATION_KINDS = ['shipment_declaration', 'limit_renewal', 'policy_renewal'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface InsuranceObligation {
  readonly kind: ObligationKind;
  /** The buyer it concerns (null: the policy itself). */
  readonly customerId: string | null;
  /** The invoice (shipment) it concerns, for a declaration. */
  readonly invoiceId: string | null;
  readonly number: string | null;
  readonly on: LocalDate;
  readonly daysLeft: number;
  readonly level: DeadlineLevel;
  readonly isMissed: boolean;
}

/** A limit must be requested again at the latest a year after its decision (DOMAIN 1.2, Allianz CSG). */
export const LIMIT_RENEWAL_DAYS = 365;

function obligation(
  kind: ObligationKind,
  on: LocalDate,
  asOf: LocalDate,
  at: { customerId: string | null; invoiceId: string | null; number: string | null },
): InsuranceObligation {
  const daysLeft = diffDays(asOf, on);
  return { kind, ...at, on, daysLeft, level: levelOf(daysLeft), isMissed: daysLeft < 0 };
}

/**
 * The policy's other obligations as of `asOf` (DOMAIN 1.2, 1.5 rules 1 and 9), sorted by date:
 * - shipment declaration (出运申报) of each insured open invoice: issue (shipment) date +
 *   `shipmentDeclarationDays`; only those not yet past (whether a past one was declared is not known);
 * - limit renewal of each buyer's insurer limit in force (not cancelled): its effective date + 365;
 * - policy renewal notice: the policy's end − `renewalNoticeDays`, until the policy ends.
 *
 * @example
 * insuranceObligations({ invoices: [shippedOn('2026-12-01')], limits: [], terms: DEFAULT_POLICY_TERMS,
 *   policyEndsOn: '2027-05-31', asOf: '2026-12-08' })
 * // [{ kind: 'shipment_declaration', on: '2026-12-16', daysLeft: 8, level: 'info' }, { kind: 'policy_renewal', on: '2027-04-01', … }]
 */
export function insuranceObligations(p: {
  readonly invoices: readonly InvoiceCover[];
  readonly limits: readonly CoverLimit[];
  readonly terms: PolicyTerms;
  readonly policyEndsOn: LocalDate;
  readonly asOf: LocalDate;
}): InsuranceObligation[] {
  const out: InsuranceObligation[] = [];
  for (const inv of p.invoices) {
    if (inv.insuredMinor <= 0) continue;
    const on = addDays(inv.issuedOn, p.terms.shipmentDeclarationDays);
    if (on < p.asOf) continue;
    out.push(
      obligation('shipment_declaration', on, p.asOf, {
        customerId: inv.customerId,
        invoiceId: inv.invoiceId,
        number: inv.number,
      }),
    );
  }
  const latest = new Map<string, CoverLimit>();
  for (const l of p.limits) {
    const prev = latest.get(l.customerId);
    if (l.effectiveFrom <= p.asOf && (prev === undefined || prev.effectiveFrom <= l.effectiveFrom))
      latest.set(l.customerId, l);
  }
  for (const l of latest.values()) {
    if (l.kind !== 'insurer_limit' || l.limitMinor <= 0) continue;
    if (l.cancelledOn !== null && l.cancelledOn <= p.asOf) continue;
    out.push(
      obligation('limit_renewal', addDays(l.effectiveFrom, LIMIT_RENEWAL_DAYS), p.asOf, {
        customerId: l.customerId,
        invoiceId: null,
        number: null,
      }),
    );
  }
  if (p.policyEndsOn >= p.asOf)
    out.push(
      obligation('policy_renewal', addDays(p.policyEndsOn, -p.terms.renewalNoticeDays), p.asOf, {
        customerId: null,
        invoiceId: null,
        number: null,
      }),
    );
  return out.sort((a, b) => a.on.localeCompare(b.on) || (a.customerId ?? '').localeCompare(b.customerId ?? ''));
}
