import { randomUUID } from 'node:crypto';
import {
  applyClaimChange,
  CLAIM_DOCUMENTS,
  type Claim,
  type ClaimStatus,
  claimIndemnity,
  claimRecoverySplit,
  expectedIndemnityOn,
  type IndemnityLine,
  nextClaimStatuses,
  parsePolicyTerms,
  premiumFor,
  type RecoverySplit,
  validateClaimChange,
  validateClaimDraft,
} from '../../core/insurance/index.js';
import type { PolicyTerms } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { listInsurance } from '../../db/stores/insurance.js';
import {
  type ClaimHistoryEntry,
  listClaimHistory,
  listClaims,
  type StoredClaim,
  saveClaim,
} from '../../db/stores/insurance-claims.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/audit.js';
import { type InsuranceBook, loadInsuranceBook } from './load.js';
import { insurableTurnover } from './reports.js';

/** A claim with what the policy makes of it: indemnity, recovery split, expected cash date. */
export interface ClaimView extends StoredClaim {
  readonly customerCode: string;
  readonly customerName: string;
  readonly invoiceNumber: string | null;
  readonly policyNumber: string;
  readonly indemnity: IndemnityLine;
  readonly recoverySplit: RecoverySplit;
  /** When the indemnity cash is expected (null once rejected). */
  readonly expectedIndemnityOn: LocalDate | null;
  readonly missingDocuments: readonly string[];
  readonly nextStatuses: readonly ClaimStatus[];
}

interface ClaimContext {
  readonly book: InsuranceBook;
  readonly terms: ReadonlyMap<
    string,
    { readonly number: string; readonly terms: PolicyTerms; readonly premium: number }
  >;
  readonly claims: readonly StoredClaim[];
}

async function context(db: Db, orgId: string, asOf: LocalDate): Promise<Result<ClaimContext>> {
  const book = await loadInsuranceBook(db, { orgId, asOf });
  if (!book.ok) return book;
  const [stored, claims] = await Promise.all([
    listInsurance(db, { orgId }),
    listClaims(db, { orgId, documentOrder: CLAIM_DOCUMENTS }),
  ]);
  const terms = new Map<string, { number: string; terms: PolicyTerms; premium: number }>();
  const turnover = insurableTurnover(book.value, asOf);
  for (const p of stored.policies) {
    const parsed = p.id === book.value.policy.id ? ok(book.value.policy.terms) : parsePolicyTerms(JSON.parse(p.terms));
    if (!parsed.ok) continue;
    // The premium (for a maximum liability set as a multiple of it) is known for the policy in force.
    const premium = premiumFor(parsed.value, p.id === book.value.policy.id ? turnover : 0);
    terms.set(p.id, { number: p.policyNumber, terms: parsed.value, premium });
  }
  return ok({ book: book.value, terms, claims });
}

function invoiceOf(book: InsuranceBook, invoiceId: string | null) {
  return invoiceId === null ? undefined : book.risk.scored.book.ledger.invoices.find((i) => i.id === invoiceId);
}

function view(ctx: ClaimContext, c: StoredClaim): ClaimView {
  const policy = ctx.terms.get(c.policyId);
  const terms = policy?.terms ?? ctx.book.policy.terms;
  const others = ctx.claims.filter((o) => o.policyId === c.policyId);
  const indemnity = claimIndemnity(terms, c, others, policy?.premium ?? 0);
  const invoice = invoiceOf(ctx.book, c.invoiceId);
  const name = ctx.book.names.get(c.customerId);
  const dueOn = invoice?.dueOn ?? c.claimOn;
  return {
    ...c,
    customerCode: name?.code ?? c.customerId,
    customerName: name?.name ?? c.customerId,
    invoiceNumber: invoice?.number ?? null,
    policyNumber: policy?.number ?? '',
    indemnity,
    recoverySplit: claimRecoverySplit(c),
    expectedIndemnityOn: c.status === 'rejected' ? null : expectedIndemnityOn(terms, dueOn, c),
    missingDocuments: c.documents.filter((d) => d.receivedOn === null).map((d) => d.document),
    nextStatuses: nextClaimStatuses(c.status),
  };
}

/** The organisation's claims with their indemnity, recovery split and expected cash date. */
export async function listClaimViews(db: Db, params: { orgId: string; asOf: LocalDate }): Promise<Result<ClaimView[]>> {
  const ctx = await context(db, params.orgId, params.asOf);
  if (!ctx.ok) return ctx;
  return ok(ctx.value.claims.map((c) => view(ctx.value, c)));
}

/** One claim (by id or reference) with its status history. */
export async function showClaim(
  db: Db,
  params: { orgId: string; asOf: LocalDate; claim: string },
): Promise<Result<ClaimView & { readonly history: readonly ClaimHistoryEntry[] }>> {
  const ctx = await context(db, params.orgId, params.asOf);
  if (!ctx.ok) return ctx;
  const c = ctx.value.claims.find((x) => x.id === params.claim || x.number === params.claim);
  if (c === undefined) return fail('INS_CLAIM_NOT_FOUND', { field: 'claim' });
  const history = await listClaimHistory(db, { orgId: params.orgId, claimId: c.id });
  return ok({ ...view(ctx.value, c), history });
}

/**
 * Use case 'insurance.claim.file': a new claim (status draft, every document missing) for a buyer
 * (code or id) and optionally one of its invoices (number), under the policy in force on the
 * claim date; validated by the core's one claim validator (API and command line alike).
 */
export async function fileClaim(db: Db, by: Actor, input: unknown): Promise<Result<ClaimView>> {
  const draft = validateClaimDraft(input);
  if (!draft.ok) return draft;
  const d = draft.value;
  const ctx = await context(db, by.orgId, d.claimOn);
  if (!ctx.ok) return ctx;
  const { book } = ctx.value;
  const customer = book.risk.scored.book.customers.find((c) => c.code === d.customer || c.id === d.customer);
  if (customer === undefined) return fail('UNKNOWN_CUSTOMER', { field: 'customer', value: d.customer });
  let invoiceId: string | null = null;
  if (d.invoice !== null) {
    const inv = book.risk.scored.book.ledger.invoices.find(
      (i) => i.customerId === customer.id && (i.number === d.invoice || i.id === d.invoice),
    );
    if (inv === undefined) return fail('UNKNOWN_INVOICE', { field: 'invoice', value: d.invoice });
    invoiceId = inv.id;
  }
  const seq = ctx.value.claims.filter((c) => c.claimOn.slice(0, 4) === d.claimOn.slice(0, 4)).length + 1;
  const claim: StoredClaim = {
    id: randomUUID(),
    number: `CL-${d.claimOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`,
    policyId: book.policy.id,
    customerId: customer.id,
    invoiceId,
    currency: d.currency ?? book.policy.currency,
    claimOn: d.claimOn,
    amountClaimedMinor: d.amountClaimedMinor,
    recoveriesBeforeMinor: d.recoveriesBeforeMinor,
    recoveriesAfterMinor: 0,
    status: 'draft',
    filedOn: null,
    decidedOn: null,
    paidOn: null,
    expectedPaymentOn: d.expectedPaymentOn,
    approvedMinor: null,
    paidMinor: null,
    note: d.note,
    documents: CLAIM_DOCUMENTS.map((document) => ({ document, receivedOn: null })),
    createdAt: by.now,
    updatedAt: by.now,
  };
  await withTransaction(db, async (tx) => {
    await saveClaim(tx, {
      orgId: by.orgId,
      claim,
      isNew: true,
      history: { status: 'draft', on: d.claimOn, changedBy: by.actor, note: d.note },
    });
    await writeAudit(tx, by, {
      action: 'insurance.claim.file',
      entityType: 'insurance_claims',
      entityId: claim.id,
      before: null,
      after: claim,
    });
  });
  return ok(view({ ...ctx.value, claims: [...ctx.value.claims, claim] }, claim));
}

/**
 * Use case 'insurance.claim.update': a status move (with its date), documents received or missing,
 * the approved or paid amount, a recovery after payment; validated and checked against the
 * workflow by the core, written with one history entry and its audit entry in one transaction.
 */
export async function updateClaim(
  db: Db,
  by: Actor,
  params: { claim: string; today: LocalDate; change: unknown },
): Promise<Result<ClaimView>> {
  const change = validateClaimChange(params.change);
  if (!change.ok) return change;
  const ctx = await context(db, by.orgId, params.today);
  if (!ctx.ok) return ctx;
  const before = ctx.value.claims.find((x) => x.id === params.claim || x.number === params.claim);
  if (before === undefined) return fail('INS_CLAIM_NOT_FOUND', { field: 'claim' });
  const indemnity = view(ctx.value, before).indemnity.indemnityMinor;
  const next = applyClaimChange(before as Claim, change.value, indemnity, params.today);
  if (!next.ok) return next;
  const claim: StoredClaim = { ...before, ...next.value, updatedAt: by.now };
  const moved = claim.status !== before.status;
  await withTransaction(db, async (tx) => {
    await saveClaim(tx, {
      orgId: by.orgId,
      claim,
      isNew: false,
      history: moved
        ? { status: claim.status, on: change.value.on ?? params.today, changedBy: by.actor, note: change.value.note }
        : null,
    });
    await writeAudit(tx, by, {
      action: 'insurance.claim.update',
      entityType: 'insurance_claims',
      entityId: claim.id,
      before,
      after: claim,
    });
  });
  const claims = ctx.value.claims.map((c) => (c.id === claim.id ? claim : c));
  return ok(view({ ...ctx.value, claims }, claim));
}
