import type { PolicyTerms } from '../model/index.js';
import { money, multiply, roundWith } from '../money/index.js';
import { diffDays, type LocalDate } from '../time/index.js';
import type { InvoiceCover } from './cover.js';

/** Why an open receivable is not in the pack a bank would take as collateral. */
export const INELIGIBLE_REASONS = ['ELIG_NOT_INSURED', 'ELIG_DISPUTED', 'ELIG_OVERDUE_BEYOND_LIMIT'] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

/** One open receivable as the pack reads it: its cover (base currency) and its own amount and currency. */
export interface EligibilityItem {
  /** The cover of the item from `coverInvoices` (amounts in the policy's / base currency). */
  readonly cover: InvoiceCover;
  readonly currency: string;
  /** The open amount in the invoice's own currency. */
  readonly openMinor: number;
  readonly isDisputed: boolean;
  /** The insurer's limit on the buyer in force on the delivery date (base currency), if any. */
  readonly limitMinor: number | null;
}

export interface EligibleLine {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: string;
  readonly openMinor: number;
  /** The part of the open amount within the cover, in the invoice's currency. */
  readonly coveredMinor: number;
  readonly insuredPct: number;
  /** What the insurer would pay on it: covered part × insured percentage, rounded half-even once. */
  readonly insuredMinor: number;
  readonly limitMinor: number | null;
  readonly daysOverdue: number;
}

export interface IneligibleLine {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly reasons: readonly IneligibleReason[];
}

export interface CurrencyTotal {
  readonly currency: string;
  readonly count: number;
  readonly openMinor: number;
  readonly insuredMinor: number;
}

export interface EligiblePack {
  readonly eligible: readonly EligibleLine[];
  readonly excluded: readonly IneligibleLine[];
  readonly totals: readonly CurrencyTotal[];
}

/**
 * The insured receivables a bank would take as collateral (DOMAIN 1.5 rule 8): each open item
 * with an insured part under `coverInvoices` (partly insured ones count with their insured part),
 * not disputed, and not overdue by more than the policy's maximum extension period from its
 * ORIGINAL due date (past it, deliveries stop and the debt is on its way to a claim). The insured
 * amount is the covered part × the commercial insured percentage; totals per currency are the sums
 * of the lines, so the pack adds up to the fen.
 *
 * @example
 * eligibleReceivables([{ cover, currency: 'CNY', openMinor: 100_00, isDisputed: false, limitMinor: 500_00 }], terms, '2026-12-08')
 * // { eligible: [{ insuredMinor: 90_00, ... }], excluded: [], totals: [{ currency: 'CNY', count: 1, openMinor: 100_00, insuredMinor: 90_00 }] }
 */
export function eligibleReceivables(
  items: readonly EligibilityItem[],
  terms: PolicyTerms,
  asOf: LocalDate,
): EligiblePack {
  const eligible: EligibleLine[] = [];
  const excluded: IneligibleLine[] = [];
  for (const item of items) {
    const c = item.cover;
    if (item.openMinor <= 0) continue;
    const daysOverdue = Math.max(0, diffDays(c.dueOn, asOf));
    const reasons: IneligibleReason[] = [];
    if (c.insuredMinor <= 0) reasons.push('ELIG_NOT_INSURED');
    if (item.isDisputed) reasons.push('ELIG_DISPUTED');
    if (daysOverdue > terms.maxExtensionDays) reasons.push('ELIG_OVERDUE_BEYOND_LIMIT');
    if (reasons.length > 0) {
      excluded.push({ invoiceId: c.invoiceId, customerId: c.customerId, number: c.number, reasons });
      continue;
    }
    // The covered share of the base-currency cover applied to the invoice's own amount.
    const coveredMinor =
      c.insuredMinor >= c.openMinor ? item.openMinor : roundWith((item.openMinor * c.insuredMinor) / c.openMinor);
    const insuredPct = terms.insuredPctCommercial;
    eligible.push({
      invoiceId: c.invoiceId,
      customerId: c.customerId,
      number: c.number,
      issuedOn: c.issuedOn,
      dueOn: c.dueOn,
      currency: item.currency,
      openMinor: item.openMinor,
      coveredMinor,
      insuredPct,
      insuredMinor: multiply(money(coveredMinor, item.currency), insuredPct).amountMinor,
      limitMinor: item.limitMinor,
      daysOverdue,
    });
  }
  const byCurrency = new Map<string, { count: number; openMinor: number; insuredMinor: number }>();
  for (const l of eligible) {
    const t = byCurrency.get(l.currency) ?? { count: 0, openMinor: 0, insuredMinor: 0 };
    t.count++;
    t.openMinor += l.openMinor;
    t.insuredMinor += l.insuredMinor;
    byCurrency.set(l.currency, t);
  }
  const totals = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, ...t }));
  return { eligible, excluded, totals };
}
