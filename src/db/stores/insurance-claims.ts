import type { Claim, ClaimDocument, ClaimStatus } from '../../core/insurance/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../connection.js';
import type { Row } from '../schema.js';

/** A stored claim: the core's claim with its reference and bookkeeping. */
export interface StoredClaim extends Claim {
  readonly number: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One status change of a claim, in order. */
export interface ClaimHistoryEntry {
  readonly seq: number;
  readonly status: ClaimStatus;
  readonly on: LocalDate;
  readonly changedAt: string;
  readonly changedBy: string | null;
  readonly note: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toClaim(
  r: Row<'insurance_claims'>,
  docs: readonly Row<'insurance_claim_documents'>[],
  order: readonly string[],
): StoredClaim {
  const byDoc = new Map(docs.map((d) => [d.document, d.received_on as LocalDate | null]));
  return {
    id: r.id,
    number: r.number,
    policyId: r.policy_id,
    customerId: r.customer_id,
    invoiceId: r.invoice_id,
    currency: r.currency,
    claimOn: r.claim_on as LocalDate,
    amountClaimedMinor: Number(r.amount_claimed_minor),
    recoveriesBeforeMinor: Number(r.recoveries_before_minor),
    recoveriesAfterMinor: Number(r.recoveries_after_minor),
    status: r.status as ClaimStatus,
    filedOn: r.filed_on as LocalDate | null,
    decidedOn: r.decided_on as LocalDate | null,
    paidOn: r.paid_on as LocalDate | null,
    expectedPaymentOn: r.expected_payment_on as LocalDate | null,
    approvedMinor: num(r.approved_minor),
    paidMinor: num(r.paid_minor),
    note: r.note,
    documents: order
      .filter((d) => byDoc.has(d))
      .map((d) => ({ document: d as ClaimDocument, receivedOn: byDoc.get(d) ?? null })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The organisation's claims (by claim date, then reference), with their documents in `order`. */
export async function listClaims(
  db: Db,
  params: { orgId: string; documentOrder: readonly string[] },
): Promise<StoredClaim[]> {
  const [rows, docs] = await Promise.all([
    db.kysely
      .selectFrom('insurance_claims')
      .selectAll()
      .where('org_id', '=', params.orgId)
      .orderBy('claim_on')
      .orderBy('number')
      .execute(),
    db.kysely.selectFrom('insurance_claim_documents').selectAll().where('org_id', '=', params.orgId).execute(),
  ]);
  const byClaim = new Map<string, Row<'insurance_claim_documents'>[]>();
  for (const d of docs) byClaim.set(d.claim_id, [...(byClaim.get(d.claim_id) ?? []), d]);
  return rows.map((r) => toClaim(r, byClaim.get(r.id) ?? [], params.documentOrder));
}

/** One claim's status history, oldest first. */
export async function listClaimHistory(
  db: Db,
  params: { orgId: string; claimId: string },
): Promise<ClaimHistoryEntry[]> {
  const rows = await db.kysely
    .selectFrom('insurance_claim_status_history')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('claim_id', '=', params.claimId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    status: r.status as ClaimStatus,
    on: r.on_date as LocalDate,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
    note: r.note,
  }));
}

function claimValues(orgId: string, c: StoredClaim) {
  return {
    org_id: orgId,
    id: c.id,
    number: c.number,
    policy_id: c.policyId,
    customer_id: c.customerId,
    invoice_id: c.invoiceId,
    currency: c.currency,
    claim_on: c.claimOn,
    amount_claimed_minor: c.amountClaimedMinor,
    recoveries_before_minor: c.recoveriesBeforeMinor,
    recoveries_after_minor: c.recoveriesAfterMinor,
    status: c.status,
    filed_on: c.filedOn,
    decided_on: c.decidedOn,
    paid_on: c.paidOn,
    expected_payment_on: c.expectedPaymentOn,
    approved_minor: c.approvedMinor,
    paid_minor: c.paidMinor,
    note: c.note,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/**
 * Writes a claim (new or changed), its documents and, when its status moved, one history entry,
 * (the caller runs it in its transaction, beside the audit entry).
 */
export async function saveClaim(
  db: Db,
  params: {
    orgId: string;
    claim: StoredClaim;
    isNew: boolean;
    history: { status: ClaimStatus; on: LocalDate; changedBy: string | null; note: string | null } | null;
  },
): Promise<void> {
  const { orgId, claim } = params;
  const tx = db;
  {
    const values = claimValues(orgId, claim);
    if (params.isNew) await tx.kysely.insertInto('insurance_claims').values(values).execute();
    else {
      const { org_id: _o, id: _i, created_at: _c, ...rest } = values;
      await tx.kysely
        .updateTable('insurance_claims')
        .set(rest)
        .where('org_id', '=', orgId)
        .where('id', '=', claim.id)
        .execute();
      await tx.kysely
        .deleteFrom('insurance_claim_documents')
        .where('org_id', '=', orgId)
        .where('claim_id', '=', claim.id)
        .execute();
    }
    if (claim.documents.length > 0)
      await tx.kysely
        .insertInto('insurance_claim_documents')
        .values(
          claim.documents.map((d) => ({
            org_id: orgId,
            claim_id: claim.id,
            document: d.document,
            received_on: d.receivedOn,
          })),
        )
        .execute();
    if (params.history !== null) {
      const last = await tx.kysely
        .selectFrom('insurance_claim_status_history')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('org_id', '=', orgId)
        .where('claim_id', '=', claim.id)
        .executeTakeFirst();
      await tx.kysely
        .insertInto('insurance_claim_status_history')
        .values({
          org_id: orgId,
          claim_id: claim.id,
          seq: Number(last?.seq ?? 0) + 1,
          status: params.history.status,
          on_date: params.history.on,
          changed_at: claim.updatedAt,
          changed_by: params.history.changedBy,
          note: params.history.note,
        })
        .execute();
    }
  }
}
