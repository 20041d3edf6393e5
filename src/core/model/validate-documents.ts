import { formatMinor, isCurrencyCode } from '../money/index.js';
import type { Instalment } from './documents.js';
import { Violations, type WriteViolation } from './write-rules.js';

/** An invoice or a bill as it is about to be stored (the fields the rules read). */
export interface DocumentDraft {
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly amountMinor: number;
  readonly taxMinor?: number | null | undefined;
  readonly currency: string;
  /** Invoices only: the instalment schedule; empty or absent for a single due date. */
  readonly instalments?: readonly Instalment[] | null | undefined;
}

const money = (minor: number, currency: string) =>
  isCurrencyCode(currency) && Number.isSafeInteger(minor) ? formatMinor(minor, currency) : String(minor);

/**
 * The rules of an invoice or a bill: a known currency, an amount above zero, tax from zero to the
 * amount, the due date not before the issue date; instalments each above zero, due on or after the
 * issue date, and together exactly the amount.
 *
 * @example
 * validateDocument({ issuedOn: '2026-03-01', dueOn: '2026-02-01', amountMinor: -1, currency: 'CNY' })
 * // [{ code: 'NOT_POSITIVE', field: 'amountMinor', … }, { code: 'DUE_BEFORE_ISSUE', field: 'dueOn', … }]
 */
export function validateDocument(d: DocumentDraft): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', d.currency);
  v.positive('amountMinor', d.amountMinor);
  v.nonNegative('taxMinor', d.taxMinor);
  if (typeof d.taxMinor === 'number' && d.taxMinor > d.amountMinor && d.amountMinor > 0)
    v.add('TAX_EXCEEDS_AMOUNT', 'taxMinor', money(d.taxMinor, d.currency), `≤ ${money(d.amountMinor, d.currency)}`);
  v.notBefore('DUE_BEFORE_ISSUE', 'dueOn', d.dueOn, d.issuedOn);
  const parts = d.instalments ?? [];
  if (parts.length > 0) {
    let sum = 0;
    parts.forEach((p, i) => {
      v.positive(`instalments.${i}.amountMinor`, p.amountMinor);
      v.notBefore('DUE_BEFORE_ISSUE', `instalments.${i}.dueOn`, p.dueOn, d.issuedOn);
      sum += p.amountMinor;
    });
    if (sum !== d.amountMinor)
      v.add('INSTALMENTS_SUM_MISMATCH', 'instalments', money(sum, d.currency), money(d.amountMinor, d.currency));
  }
  return v.result;
}

/** A credit note: a known currency and an amount above zero (it reduces an invoice). */
export function validateCreditNote(d: { readonly amountMinor: number; readonly currency: string }) {
  const v = new Violations();
  v.currency('currency', d.currency);
  v.positive('amountMinor', d.amountMinor);
  return v.result;
}
