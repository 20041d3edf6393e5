import type { PolicyTerms } from '../model/index.js';
import { addDays, diffDays, type LocalDate } from '../time/index.js';
import type { InvoiceCover } from './cover.js';

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
