import type { Grade } from '../../core/model/index.js';
import type { Db } from '../connection.js';
import type { CreditReviewsTable, OnboardingChecksTable } from '../schema-credit.js';

/**
 * Storage of buyer credit (migration 0004 and the credit tables of 0001): scores (history, one row
 * per customer per as-of date, idempotent), limits (append-only history), onboarding checks,
 * reviews, hold overrides (migration 0005) and their audit entries. Every function takes `orgId`
 * and filters by it.
 */

export interface StoredScore {
  readonly customerId: string;
  readonly asOf: string;
  readonly score: number;
  readonly grade: Grade;
  readonly pd: number;
  readonly isIndicative: boolean;
  readonly detail: unknown;
}

/** Saves scores; a second save for the same customer and as-of date replaces the first (idempotent). */
export async function saveCreditScores(db: Db, orgId: string, scores: readonly StoredScore[]): Promise<void> {
  if (scores.length === 0) return;
  const rows = scores.map((s) => ({
    org_id: orgId,
    customer_id: s.customerId,
    as_of: s.asOf,
    score: s.score,
    grade: s.grade,
    pd: s.pd,
    is_indicative: s.isIndicative ? 1 : 0,
    detail: JSON.stringify(s.detail),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.kysely
      .insertInto('credit_scores')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['org_id', 'customer_id', 'as_of']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          grade: eb.ref('excluded.grade'),
          pd: eb.ref('excluded.pd'),
          is_indicative: eb.ref('excluded.is_indicative'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
  }
}

/** Stored scores on or before `to` (score, grade, pd only; detail stays in the database), oldest first. */
export async function listScoreHistory(db: Db, params: { orgId: string; to: string; customerId?: string }) {
  let q = db.kysely
    .selectFrom('credit_scores')
    .select(['customer_id', 'as_of', 'score', 'grade', 'pd'])
    .where('org_id', '=', params.orgId)
    .where('as_of', '<=', params.to);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  const rows = await q.orderBy('as_of').orderBy('customer_id').execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    asOf: r.as_of,
    score: Number(r.score),
    grade: r.grade as Grade,
    pd: Number(r.pd),
  }));
}

export interface NewCreditLimit {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly limitMinor: number;
  readonly needMinor: number | null;
  readonly capacityMinor: number | null;
  readonly internalMinor: number | null;
  readonly insurerCapMinor: number | null;
  readonly binding: string;
  readonly effectiveFrom: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly reason: string | null;
  readonly detail: unknown;
}

/** Appends a limit row (history is never rewritten). */
export async function insertCreditLimit(db: Db, orgId: string, l: NewCreditLimit): Promise<void> {
  await db.kysely
    .insertInto('credit_limits')
    .values({
      org_id: orgId,
      id: l.id,
      customer_id: l.customerId,
      currency: l.currency,
      limit_minor: l.limitMinor,
      need_minor: l.needMinor,
      capacity_minor: l.capacityMinor,
      internal_minor: l.internalMinor,
      insurer_cap_minor: l.insurerCapMinor,
      binding: l.binding,
      effective_from: l.effectiveFrom,
      approved_by: l.approvedBy,
      approved_at: l.approvedAt,
      reason: l.reason,
      detail: JSON.stringify(l.detail ?? {}),
    })
    .execute();
}

/** Limit rows effective on or before `asOf` (all customers, or one), oldest first; the last per customer is current. */
export async function listCreditLimits(db: Db, params: { orgId: string; asOf: string; customerId?: string }) {
  let q = db.kysely
    .selectFrom('credit_limits')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('effective_from', '<=', params.asOf);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  return q.orderBy('customer_id').orderBy('effective_from').orderBy('approved_at').orderBy('id').execute();
}

export async function insertOnboardingCheck(
  db: Db,
  orgId: string,
  row: Omit<OnboardingChecksTable, 'org_id'>,
): Promise<void> {
  await db.kysely
    .insertInto('onboarding_checks')
    .values({ org_id: orgId, ...row })
    .onConflict((oc) =>
      oc.columns(['org_id', 'customer_id', 'item', 'checked_on']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        checked_by: eb.ref('excluded.checked_by'),
        note: eb.ref('excluded.note'),
      })),
    )
    .execute();
}

export async function listOnboardingChecks(db: Db, params: { orgId: string; customerId?: string }) {
  let q = db.kysely.selectFrom('onboarding_checks').selectAll().where('org_id', '=', params.orgId);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  return q.orderBy('customer_id').orderBy('checked_on').execute();
}

export async function insertCreditReview(
  db: Db,
  orgId: string,
  row: Omit<CreditReviewsTable, 'org_id'>,
): Promise<void> {
  await db.kysely
    .insertInto('credit_reviews')
    .values({ org_id: orgId, ...row })
    .execute();
}

/** Every review, oldest first (the last per customer is the one the schedule counts from). */
export async function listCreditReviews(db: Db, params: { orgId: string; customerId?: string }) {
  let q = db.kysely.selectFrom('credit_reviews').selectAll().where('org_id', '=', params.orgId);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  return q.orderBy('customer_id').orderBy('reviewed_on').orderBy('id').execute();
}

/** Every customer's id, code and name: how lists name customers to people. */
export async function listCustomerNames(db: Db, params: { orgId: string }) {
  return db.kysely.selectFrom('customers').select(['id', 'code', 'name']).where('org_id', '=', params.orgId).execute();
}

/** A customer of the organisation by id or code (id first), or undefined. */
export async function findCreditCustomer(db: Db, params: { orgId: string; customer: string }) {
  const rows = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', params.orgId)
    .where((eb) => eb.or([eb('id', '=', params.customer), eb('code', '=', params.customer)]))
    .execute();
  return rows.find((r) => r.id === params.customer) ?? rows[0];
}

/** The order an override covers: customer, amount and currency as entered, and its reference (or none). */
export interface OverriddenOrder {
  readonly customerId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly orderRef: string | null;
}

export interface HoldOverride extends OverriddenOrder {
  readonly id: string;
  /** The hold reason codes overridden. */
  readonly reasons: readonly string[];
  readonly reason: string;
  readonly overriddenBy: string;
  readonly role: string;
  readonly overriddenAt: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly auditId: string;
}

/** Stores a hold override (never rewritten; a later one for the same order takes precedence). */
export async function insertHoldOverride(db: Db, params: { orgId: string; override: HoldOverride }): Promise<void> {
  const o = params.override;
  await db.kysely
    .insertInto('credit_hold_overrides')
    .values({
      org_id: params.orgId,
      id: o.id,
      customer_id: o.customerId,
      order_ref: o.orderRef,
      amount_minor: o.amountMinor,
      currency: o.currency,
      reasons: JSON.stringify(o.reasons),
      reason: o.reason,
      overridden_by: o.overriddenBy,
      role: o.role,
      overridden_at: o.overriddenAt,
      valid_from: o.validFrom,
      valid_until: o.validUntil,
      audit_id: o.auditId,
    })
    .execute();
}

/**
 * Overrides of one order in force on `on`: same customer, amount, currency and order reference
 * (none matches none only), valid_from <= on <= valid_until. Newest first.
 */
export async function listHoldOverrides(
  db: Db,
  params: OverriddenOrder & { orgId: string; on: string },
): Promise<HoldOverride[]> {
  const rows = await db.kysely
    .selectFrom('credit_hold_overrides')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('customer_id', '=', params.customerId)
    .where('amount_minor', '=', params.amountMinor)
    .where('currency', '=', params.currency)
    .where('order_ref', params.orderRef === null ? 'is' : '=', params.orderRef)
    .where('valid_from', '<=', params.on)
    .where('valid_until', '>=', params.on)
    .orderBy('overridden_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    orderRef: r.order_ref,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    reasons: JSON.parse(r.reasons) as string[],
    reason: r.reason,
    overriddenBy: r.overridden_by,
    role: r.role,
    overriddenAt: r.overridden_at,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    auditId: r.audit_id,
  }));
}

/** One audit entry: who, when, what, before and after (JSON). */
export async function insertCreditAudit(
  db: Db,
  orgId: string,
  e: {
    id: string;
    at: string;
    actor: string;
    action: string;
    entityType: string;
    entityId: string | null;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await db.kysely
    .insertInto('audit_log')
    .values({
      org_id: orgId,
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: JSON.stringify(e.before ?? null),
      after: JSON.stringify(e.after ?? null),
    })
    .execute();
}

export async function listCreditAudit(db: Db, params: { orgId: string; entityType: string }) {
  return db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('entity_type', '=', params.entityType)
    .orderBy('at')
    .execute();
}
