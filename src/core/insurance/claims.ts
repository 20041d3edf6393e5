import type { PolicyTerms } from '../model/index.js';
import { isCurrencyCode } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { addDays, isLocalDate, type LocalDate } from '../time/index.js';
import { computeIndemnities, type IndemnityLine, type RecoverySplit, splitRecovery } from './indemnity.js';

/**
 * A claim's life (docs/adr/0026): draft → filed → documents complete → approved, partially
 * approved or rejected → paid (an approved or partially approved claim). A filed claim may also be
 * rejected before its documents are complete.
 */
export const CLAIM_STATUSES = [
  'draft',
  'filed',
  'documents_complete',
  'approved',
  'partially_approved',
  'rejected',
  'paid',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const NEXT: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['filed'],
  filed: ['documents_complete', 'rejected'],
  documents_complete: ['approved', 'partially_approved', 'rejected'],
  approved: ['paid'],
  partially_approved: ['paid'],
  rejected: [],
  paid: [],
};

/** The statuses a claim can move to from `status`. */
export function nextClaimStatuses(status: ClaimStatus): readonly ClaimStatus[] {
  return NEXT[status];
}

/**
 * The documents a claim needs (Sinosure: 索赔申请书 with 可能损失通知书, 商业发票, 货运单据, 对账单
 * and the record of collection efforts). Each is received or missing.
 */
export const CLAIM_DOCUMENTS = [
  'claim_form',
  'overdue_notice',
  'invoice',
  'delivery_proof',
  'statement_of_account',
  'collection_record',
] as const;
export type ClaimDocument = (typeof CLAIM_DOCUMENTS)[number];

export interface ClaimDocumentState {
  readonly document: ClaimDocument;
  readonly receivedOn: LocalDate | null;
}

/** A claim as the core reads it; amounts in minor units of `currency`. */
export interface Claim {
  readonly id: string;
  readonly policyId: string;
  readonly customerId: string;
  readonly invoiceId: string | null;
  readonly currency: string;
  readonly claimOn: LocalDate;
  /** The insured debt claimed: unpaid, within the limit, undisputed. */
  readonly amountClaimedMinor: number;
  /** Recoveries received before the claim (they reduce the indemnifiable loss). */
  readonly recoveriesBeforeMinor: number;
  /** Recoveries received after the claim was paid (split between insurer and insured). */
  readonly recoveriesAfterMinor: number;
  readonly status: ClaimStatus;
  readonly filedOn: LocalDate | null;
  readonly decidedOn: LocalDate | null;
  readonly paidOn: LocalDate | null;
  readonly expectedPaymentOn: LocalDate | null;
  /** What the insurer approved (a partial approval is below the computed indemnity). */
  readonly approvedMinor: number | null;
  readonly paidMinor: number | null;
  readonly note: string | null;
  readonly documents: readonly ClaimDocumentState[];
}

/** A new claim's fields after validation (the customer and invoice still as the user named them). */
export interface ClaimDraft {
  readonly customer: string;
  readonly invoice: string | null;
  readonly currency: string | null;
  readonly claimOn: LocalDate;
  readonly amountClaimedMinor: number;
  readonly recoveriesBeforeMinor: number;
  readonly expectedPaymentOn: LocalDate | null;
  readonly note: string | null;
}

/** A change to a claim after validation: a status move with its date, documents, amounts. */
export interface ClaimChange {
  readonly status: ClaimStatus | null;
  readonly on: LocalDate | null;
  readonly received: readonly ClaimDocument[];
  readonly missing: readonly ClaimDocument[];
  readonly approvedMinor: number | null;
  readonly paidMinor: number | null;
  readonly recoveryAfterMinor: number | null;
  readonly expectedPaymentOn: LocalDate | null;
  readonly note: string | null;
}

type Raw = Readonly<Record<string, unknown>>;

function bad(field: string, value: unknown, expected: string): Result<never> {
  return fail('INS_CLAIM_BAD_FIELD', { field, value: value === undefined ? '' : String(value), expected });
}

function text(raw: Raw, field: string, required: boolean): Result<string | null> {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return required ? bad(field, v, 'a value') : ok(null);
  if (typeof v !== 'string' || v.trim() === '') return bad(field, v, 'text');
  return ok(v.trim());
}

function date(raw: Raw, field: string, required: boolean): Result<LocalDate | null> {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return required ? bad(field, v, 'a date YYYY-MM-DD') : ok(null);
  if (typeof v !== 'string' || !isLocalDate(v)) return bad(field, v, 'a date YYYY-MM-DD');
  return ok(v);
}

function minor(raw: Raw, field: string, min: 0 | 1): Result<number | null> {
  const v = raw[field];
  if (v === undefined || v === null) return ok(null);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    return bad(field, v, min === 1 ? 'an amount in minor units above 0' : 'an amount in minor units, 0 or more');
  return ok(v);
}

function documents(raw: Raw, field: string): Result<ClaimDocument[]> {
  const v = raw[field];
  if (v === undefined || v === null) return ok([]);
  if (!Array.isArray(v)) return bad(field, v, `a list of ${CLAIM_DOCUMENTS.join(', ')}`);
  for (const d of v)
    if (!(CLAIM_DOCUMENTS as readonly unknown[]).includes(d))
      return bad(field, d, `one of ${CLAIM_DOCUMENTS.join(', ')}`);
  return ok([...new Set(v as ClaimDocument[])]);
}

const DRAFT_FIELDS = new Set([
  'customer',
  'invoice',
  'currency',
  'claimOn',
  'amountClaimedMinor',
  'recoveriesBeforeMinor',
  'expectedPaymentOn',
  'note',
]);
const CHANGE_FIELDS = new Set([
  'status',
  'on',
  'received',
  'missing',
  'approvedMinor',
  'paidMinor',
  'recoveryAfterMinor',
  'expectedPaymentOn',
  'note',
]);

function unknownField(raw: Raw, known: ReadonlySet<string>): Result<never> | null {
  const extra = Object.keys(raw).find((k) => !known.has(k));
  return extra === undefined ? null : bad(extra, raw[extra], `one of ${[...known].join(', ')}`);
}

/**
 * The one validation of a new claim, for the API and the command line (ADR 0013): each bad field
 * is an error naming it. Amounts are whole minor units.
 *
 * @example
 * validateClaimDraft({ customer: 'C001', claimOn: '2026-11-30', amountClaimedMinor: 30_000_00 })
 * // ok({ customer: 'C001', invoice: null, claimOn: '2026-11-30', amountClaimedMinor: 3000000, recoveriesBeforeMinor: 0, ... })
 */
export function validateClaimDraft(input: unknown): Result<ClaimDraft> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return bad('claim', input, 'an object');
  const raw = input as Raw;
  const extra = unknownField(raw, DRAFT_FIELDS);
  if (extra) return extra;
  const customer = text(raw, 'customer', true);
  if (!customer.ok) return customer;
  const invoice = text(raw, 'invoice', false);
  if (!invoice.ok) return invoice;
  const currency = text(raw, 'currency', false);
  if (!currency.ok) return currency;
  if (currency.value !== null && !isCurrencyCode(currency.value))
    return bad('currency', currency.value, 'an ISO 4217 code');
  const claimOn = date(raw, 'claimOn', true);
  if (!claimOn.ok) return claimOn;
  const amount = minor(raw, 'amountClaimedMinor', 1);
  if (!amount.ok) return amount;
  if (amount.value === null) return bad('amountClaimedMinor', undefined, 'an amount in minor units above 0');
  const before = minor(raw, 'recoveriesBeforeMinor', 0);
  if (!before.ok) return before;
  const expected = date(raw, 'expectedPaymentOn', false);
  if (!expected.ok) return expected;
  const note = text(raw, 'note', false);
  if (!note.ok) return note;
  return ok({
    customer: customer.value as string,
    invoice: invoice.value,
    currency: currency.value,
    claimOn: claimOn.value as LocalDate,
    amountClaimedMinor: amount.value,
    recoveriesBeforeMinor: before.value ?? 0,
    expectedPaymentOn: expected.value,
    note: note.value,
  });
}

/** The one validation of a change to a claim (API and command line). */
export function validateClaimChange(input: unknown): Result<ClaimChange> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return bad('change', input, 'an object');
  const raw = input as Raw;
  const extra = unknownField(raw, CHANGE_FIELDS);
  if (extra) return extra;
  const status = raw.status;
  if (status !== undefined && status !== null && !(CLAIM_STATUSES as readonly unknown[]).includes(status))
    return bad('status', status, `one of ${CLAIM_STATUSES.join(', ')}`);
  const on = date(raw, 'on', false);
  if (!on.ok) return on;
  const received = documents(raw, 'received');
  if (!received.ok) return received;
  const missing = documents(raw, 'missing');
  if (!missing.ok) return missing;
  const both = received.value.find((d) => missing.value.includes(d));
  if (both !== undefined) return bad('missing', both, 'a document not also listed as received');
  const approved = minor(raw, 'approvedMinor', 0);
  if (!approved.ok) return approved;
  const paid = minor(raw, 'paidMinor', 0);
  if (!paid.ok) return paid;
  const recovery = minor(raw, 'recoveryAfterMinor', 1);
  if (!recovery.ok) return recovery;
  const expected = date(raw, 'expectedPaymentOn', false);
  if (!expected.ok) return expected;
  const note = text(raw, 'note', false);
  if (!note.ok) return note;
  return ok({
    status: (status as ClaimStatus | undefined) ?? null,
    on: on.value,
    received: received.value,
    missing: missing.value,
    approvedMinor: approved.value,
    paidMinor: paid.value,
    recoveryAfterMinor: recovery.value,
    expectedPaymentOn: expected.value,
    note: note.value,
  });
}

/**
 * Applies a validated change to a claim on `today` (the status date defaults to it). Refused:
 * a move the workflow does not allow (INS_CLAIM_BAD_STATUS); documents complete while one is
 * missing (INS_CLAIM_DOCUMENTS_MISSING); a partial approval without an approved amount below the
 * indemnity; a recovery after the claim before it is paid.
 */
export function applyClaimChange(
  claim: Claim,
  change: ClaimChange,
  indemnityMinor: number,
  today: LocalDate,
): Result<Claim> {
  const on = change.on ?? today;
  const docs = claim.documents.map((d) =>
    change.received.includes(d.document)
      ? { document: d.document, receivedOn: d.receivedOn ?? on }
      : change.missing.includes(d.document)
        ? { document: d.document, receivedOn: null }
        : d,
  );
  let next: Claim = {
    ...claim,
    documents: docs,
    expectedPaymentOn: change.expectedPaymentOn ?? claim.expectedPaymentOn,
    note: change.note ?? claim.note,
    approvedMinor: change.approvedMinor ?? claim.approvedMinor,
  };
  if (change.status !== null && change.status !== claim.status) {
    const to = change.status;
    if (!NEXT[claim.status].includes(to))
      return fail('INS_CLAIM_BAD_STATUS', {
        field: 'status',
        value: to,
        from: claim.status,
        expected: NEXT[claim.status].join(', ') || '—',
      });
    if (to === 'documents_complete') {
      const missing = docs.filter((d) => d.receivedOn === null).map((d) => d.document);
      if (missing.length > 0)
        return fail('INS_CLAIM_DOCUMENTS_MISSING', {
          field: 'status',
          value: missing.join(', '),
          count: missing.length,
        });
    }
    if (to === 'filed') next = { ...next, filedOn: on };
    if (to === 'approved') next = { ...next, decidedOn: on, approvedMinor: change.approvedMinor ?? indemnityMinor };
    if (to === 'rejected') next = { ...next, decidedOn: on, approvedMinor: 0 };
    if (to === 'partially_approved') {
      const a = change.approvedMinor;
      if (a === null || a >= indemnityMinor)
        return bad('approvedMinor', a ?? '', `an amount below the indemnity ${indemnityMinor}`);
      next = { ...next, decidedOn: on };
    }
    if (to === 'paid') next = { ...next, paidOn: on, paidMinor: change.paidMinor ?? next.approvedMinor ?? 0 };
    next = { ...next, status: to };
  } else if (change.paidMinor !== null) {
    if (claim.status !== 'paid') return bad('paidMinor', change.paidMinor, 'status paid');
    next = { ...next, paidMinor: change.paidMinor };
  }
  if (change.recoveryAfterMinor !== null) {
    if (next.status !== 'paid') return bad('recoveryAfterMinor', change.recoveryAfterMinor, 'a paid claim');
    next = { ...next, recoveriesAfterMinor: next.recoveriesAfterMinor + change.recoveryAfterMinor };
  }
  return ok(next);
}

/** Claims that take part in the policy year's AFL and maximum liability: not drafts, not rejected. */
function counts(c: Claim): boolean {
  return c.status !== 'draft' && c.status !== 'rejected';
}

/**
 * A claim's indemnity by the policy's arithmetic (src/core/insurance/indemnity.ts): the policy
 * year's earlier claims (by claim date, then id) use up the AFL and the maximum liability first.
 * `others` are the policy's other claims; drafts and rejected claims do not count.
 *
 * @example
 * claimIndemnity({ ...DEFAULT_POLICY_TERMS, perBuyerExcessMinor: 1_000_00 }, claim30k, [], 0)
 * // indemnityMinor 26_000_00 (30,000 × 90 % − 1,000)
 */
export function claimIndemnity(
  terms: PolicyTerms,
  claim: Claim,
  others: readonly Claim[],
  premiumMinor: number,
): IndemnityLine {
  const earlier = others
    .filter((c) => c.id !== claim.id && counts(c))
    .filter((c) => c.claimOn < claim.claimOn || (c.claimOn === claim.claimOn && c.id < claim.id))
    .sort((a, b) => a.claimOn.localeCompare(b.claimOn) || a.id.localeCompare(b.id));
  const losses = [...earlier, claim].map((c) => ({
    customerId: c.customerId,
    insuredDebtMinor: c.amountClaimedMinor,
    recoveriesMinor: c.recoveriesBeforeMinor,
  }));
  const r = computeIndemnities(terms, losses, premiumMinor);
  return r.lines[r.lines.length - 1] as IndemnityLine;
}

/**
 * The recoveries after a paid claim split pro rata (DOMAIN 1.4 and 1.5 rule 7): the insurer's
 * share is the indemnity paid ÷ the debt claimed; the insured keeps the rest.
 *
 * @example
 * claimRecoverySplit({ ...claim, amountClaimedMinor: 30_000_00, paidMinor: 22_500_00, recoveriesAfterMinor: 6_000_00 })
 * // { toInsurerMinor: 4_500_00, toInsuredMinor: 1_500_00 }
 */
export function claimRecoverySplit(claim: Claim): RecoverySplit {
  return splitRecovery({
    recoveryMinor: claim.recoveriesAfterMinor,
    totalDebtMinor: claim.amountClaimedMinor,
    indemnityPaidMinor: claim.paidMinor ?? 0,
  });
}

/**
 * When the indemnity cash is expected (DOMAIN 1.5 rules 3 and 6): the claim's expected payment
 * date when one is set (or the day it was paid); after the decision, decision + indemnity payment
 * days; once filed, filing + payment days; without a claim, the claim-filing deadline (original
 * due + claim filing days) + payment days.
 *
 * @example
 * expectedIndemnityOn(DEFAULT_POLICY_TERMS, '2026-06-30', null) // '2027-01-26' (+180 +30)
 */
export function expectedIndemnityOn(terms: PolicyTerms, dueOn: LocalDate, claim: Claim | null): LocalDate {
  if (claim?.paidOn) return claim.paidOn;
  if (claim?.expectedPaymentOn) return claim.expectedPaymentOn;
  if (claim?.decidedOn) return addDays(claim.decidedOn, terms.indemnityPaymentDays);
  if (claim?.filedOn) return addDays(claim.filedOn, terms.indemnityPaymentDays);
  return addDays(dueOn, terms.claimFilingDays + terms.indemnityPaymentDays);
}
