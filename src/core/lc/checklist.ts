import type { BusinessCalendar } from '../time/calendar.js';
import { diffDays } from '../time/local-date.js';
import { DEFAULT_PRESENTATION_DAYS, type LetterOfCredit, presentationDeadline } from './letter-of-credit.js';

/**
 * The UCP 600 red-flag checklist before a credit is accepted (DOMAIN 7.7), one code per item;
 * each reads in words as `LC_CHECK_<code>` in both languages.
 */
export const LC_CHECKS = [
  'issuing_bank_authenticated',
  'irrevocable',
  'confirmed_if_high_risk',
  'no_soft_clauses',
  'realistic_shipment_date',
  'presentation_period',
  'terms_match_contract',
  'no_advance_fees',
  'documents_through_banks',
] as const;
export type LcCheck = (typeof LC_CHECKS)[number];
export type LcCheckState = 'pass' | 'flag' | 'unknown';

/** A presentation period shorter than this many days leaves no time to assemble documents. */
export const SHORT_PRESENTATION_DAYS = 7;
/** Days between issue and latest shipment below which the shipment date is unrealistic. */
export const SHORT_SHIPMENT_DAYS = 7;

export interface LcCheckItem {
  readonly code: LcCheck;
  readonly state: LcCheckState;
  /** Whether the state was derived from the credit's own terms (true) or answered by a person (false). */
  readonly isDerived: boolean;
}

/**
 * The checklist: items the credit's terms decide are derived (irrevocable; a confirming bank where
 * the issuing bank is not judged sound; the presentation period neither over 21 days nor under 7;
 * a latest shipment date at least 7 days after issue), the others are what the user answered,
 * 'unknown' until answered. An answer cannot clear a flag the terms raise.
 *
 * @example
 * lcChecklist(cal, { isIrrevocable: false, … }, {})[1] // { code: 'irrevocable', state: 'flag', isDerived: true }
 */
export function lcChecklist(
  cal: BusinessCalendar,
  lc: LetterOfCredit,
  answers: Readonly<Partial<Record<LcCheck, LcCheckState>>>,
): LcCheckItem[] {
  const derived = new Map<LcCheck, LcCheckState>();
  derived.set('irrevocable', lc.isIrrevocable ? 'pass' : 'flag');
  const issuerSound = lc.issuingBank.isSound;
  if (issuerSound === true) derived.set('confirmed_if_high_risk', 'pass');
  else if (lc.confirmingBank !== null && lc.confirmingBank.isSound === true)
    derived.set('confirmed_if_high_risk', 'pass');
  else if (issuerSound === false) derived.set('confirmed_if_high_risk', 'flag');
  const period = lc.presentationDays ?? DEFAULT_PRESENTATION_DAYS;
  const room = diffDays(lc.shippedOn ?? lc.latestShipmentOn, presentationDeadline(cal, lc));
  derived.set(
    'presentation_period',
    period > DEFAULT_PRESENTATION_DAYS || room < SHORT_PRESENTATION_DAYS ? 'flag' : 'pass',
  );
  if (diffDays(lc.issuedOn, lc.latestShipmentOn) < SHORT_SHIPMENT_DAYS) derived.set('realistic_shipment_date', 'flag');
  return LC_CHECKS.map((code) => {
    const fromTerms = derived.get(code);
    const answered = answers[code] ?? 'unknown';
    if (fromTerms === 'flag') return { code, state: 'flag', isDerived: true };
    if (fromTerms === 'pass' && answered !== 'flag') return { code, state: 'pass', isDerived: true };
    return { code, state: answered, isDerived: false };
  });
}

/** Why a credit does not secure its receivable; each reads as `LC_UNSECURED_<code>`. */
export type LcUnsecuredReason =
  | 'status'
  | 'checklist_flag'
  | 'checklist_unknown'
  | 'documents_not_examined'
  | 'documents_discrepant'
  | 'bank_not_sound'
  | 'expired';

/**
 * A receivable counts as secured by its credit only when the documents comply and the bank that
 * pays is sound (the confirming bank when there is one, else the issuing bank), the checklist has
 * no flag and nothing unanswered, and the credit is live (DOMAIN 7.7: "secure only if complying";
 * Sinosure excludes discrepancies and fake credits). Returns the reasons it is not, empty when it is.
 *
 * @example
 * lcSecurity(lc, checklist, '2026-12-08') // { isSecured: false, reasons: ['documents_not_examined'] }
 */
export function lcSecurity(
  lc: LetterOfCredit,
  checklist: readonly LcCheckItem[],
  asOf: string,
): { isSecured: boolean; reasons: LcUnsecuredReason[] } {
  const reasons: LcUnsecuredReason[] = [];
  if (lc.status === 'refused' || lc.status === 'cancelled' || lc.status === 'draft') reasons.push('status');
  if (lc.status === 'expired' || (lc.presentedOn === null && asOf > lc.expiresOn)) reasons.push('expired');
  if (checklist.some((c) => c.state === 'flag')) reasons.push('checklist_flag');
  if (checklist.some((c) => c.state === 'unknown')) reasons.push('checklist_unknown');
  if (lc.documentsComply === null) reasons.push('documents_not_examined');
  if (lc.documentsComply === false) reasons.push('documents_discrepant');
  const payer = lc.confirmingBank ?? lc.issuingBank;
  if (payer.isSound !== true) reasons.push('bank_not_sound');
  return { isSecured: reasons.length === 0, reasons };
}
