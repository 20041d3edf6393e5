import { randomUUID } from 'node:crypto';
import { canOverrideHold, checkCreditHold, type HoldDecision } from '../../core/credit/index.js';
import { isCurrencyCode } from '../../core/money/index.js';
import { computeOpenItems } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { type HoldOverride, insertCreditAudit, insertHoldOverride } from '../../db/stores/credit.js';
import { withTransaction } from '../../db/transaction.js';
import { systemClock } from '../clock.js';
import { holdInputFor } from './hold-input.js';
import {
  type AppliedOverride,
  findApplicableOverride,
  overrideValidDays,
  overrideValidUntil,
  toApplied,
} from './hold-override.js';
import { buildLimitViews, toBase } from './limits.js';
import type { CreditBook } from './load-book.js';
import { scoreBook } from './score-customers.js';

export interface OrderCheck extends HoldDecision {
  readonly code: string;
  readonly name: string;
  readonly asOf: string;
  readonly order: { readonly amountMinor: number; readonly currency: string };
  /** The order's reference (ERP sales-order number), when the check was given one. */
  readonly orderRef: string | null;
  readonly approvedLimitMinor: number | null;
  readonly grade: string | null;
  /**
   * Set when the order is allowed only because a person overrode its hold: why, who, when and
   * until when. `reasons` are then the hold reasons that were overridden.
   */
  readonly override: AppliedOverride | null;
}

export interface OrderParams {
  readonly orgId: string;
  readonly customerId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly asOf: string;
  /** Identifies the order: an override then applies to this reference only. */
  readonly orderRef?: string | undefined;
}

/** The hold rules alone, before any override, and the loaded book. */
async function assessOrder(db: Db, params: OrderParams): Promise<Result<{ check: OrderCheck; book: CreditBook }>> {
  const orderRef = params.orderRef ?? null;
  if (orderRef !== null && orderRef.trim() === '')
    return fail('VALIDATION_FAILED', { field: 'orderRef', value: orderRef, expected: 'the order reference, or none' });
  if (!Number.isSafeInteger(params.amountMinor) || params.amountMinor <= 0)
    return fail('VALIDATION_FAILED', {
      field: 'amountMinor',
      value: String(params.amountMinor),
      expected: 'a positive integer (minor units)',
    });
  if (!isCurrencyCode(params.currency)) return fail('UNKNOWN_CURRENCY', { value: params.currency });
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  const { book, result } = scored.value;
  const view = buildLimitViews(scored.value, params.asOf)[0];
  const score = result.customers[0];
  if (!view || !score) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
  const order = toBase(book, params.asOf)(params.amountMinor, params.currency);
  if (order === null)
    return fail('AR_FX_RATE_MISSING', { from: params.currency, to: book.baseCurrency, on: params.asOf });
  const decision = checkCreditHold(
    holdInputFor(
      book,
      view,
      score,
      computeOpenItems(book.ledger, params.asOf).filter((i) => i.customerId === view.customerId),
      params.asOf,
      order,
    ),
    params.asOf,
  );
  const approved = view.current?.limitMinor ?? null;
  const check: OrderCheck = {
    ...decision,
    code: view.code,
    name: view.name,
    asOf: params.asOf,
    order: { amountMinor: params.amountMinor, currency: params.currency },
    orderRef,
    approvedLimitMinor: approved,
    grade: score.grade,
    override: null,
  };
  return ok({ check, book });
}

/**
 * The credit hold check for a proposed order (DOMAIN 4.2/4.3, 1.5 rule 5): exposure + order
 * against the approved limit, invoices more than 30 days past due, insured invoices past
 * due + maxExtensionDays, a cancelled insurer limit, grade E and scorecard overrides. 'allow' or
 * 'hold' with every reason; amounts in the base currency. A held order that a person overrode
 * (same customer, amount, currency and order reference, within the override's days, and no new
 * reason since) is 'allow' with the override.
 */
export async function checkOrder(db: Db, params: OrderParams): Promise<Result<OrderCheck>> {
  const assessed = await assessOrder(db, params);
  if (!assessed.ok) return assessed;
  const { check } = assessed.value;
  if (check.decision === 'allow') return ok(check);
  const override = await findApplicableOverride(db, {
    orgId: params.orgId,
    customerId: check.customerId,
    amountMinor: params.amountMinor,
    currency: params.currency,
    orderRef: check.orderRef,
    asOf: params.asOf,
    reasons: check.reasons,
  });
  return ok(override === null ? check : { ...check, decision: 'allow', override });
}

/**
 * Overrides a hold on a proposed order: only `owner` or `credit_controller`. The override is
 * remembered for this order (customer, amount, currency, order reference) for the organisation's
 * `credit.holds.overrideValidDays` (default: the rest of the day), and the check before, the
 * override after, who and when go to audit_log, in one transaction. Returns the check now 'allow'.
 */
export async function overrideHold(
  db: Db,
  params: OrderParams & { actor: string; role: string; reason: string; now?: string },
): Promise<Result<{ auditId: string; check: OrderCheck }>> {
  if (!canOverrideHold(params.role))
    return fail('CREDIT_HOLD_OVERRIDE_FORBIDDEN', { value: params.role, expected: 'owner | credit_controller' });
  if (params.reason.trim() === '')
    return fail('VALIDATION_FAILED', { field: 'reason', expected: 'why the hold is overridden' });
  if (params.actor.trim() === '')
    return fail('VALIDATION_FAILED', { field: 'actor', expected: 'who overrides the hold' });
  const assessed = await assessOrder(db, params);
  if (!assessed.ok) return assessed;
  const { check, book } = assessed.value;
  if (check.decision === 'allow') return fail('CREDIT_HOLD_NOT_HELD', { customer: check.code });
  const days = overrideValidDays(book);
  if (!days.ok) return days;
  const override: HoldOverride = {
    id: randomUUID(),
    customerId: check.customerId,
    orderRef: check.orderRef,
    amountMinor: params.amountMinor,
    currency: params.currency,
    reasons: [...new Set(check.reasons.map((r) => r.code))],
    reason: params.reason,
    overriddenBy: params.actor,
    role: params.role,
    overriddenAt: params.now ?? systemClock.now().toISOString(),
    validFrom: params.asOf,
    validUntil: overrideValidUntil(params.asOf, days.value),
    auditId: randomUUID(),
  };
  await withTransaction(db, async (tx) => {
    await insertCreditAudit(tx, params.orgId, {
      id: override.auditId,
      at: override.overriddenAt,
      actor: params.actor,
      action: 'credit_hold.override',
      entityType: 'credit_hold',
      entityId: check.customerId,
      before: {
        decision: 'hold',
        reasons: check.reasons,
        order: check.order,
        orderRef: check.orderRef,
        exposureAfterMinor: check.exposureAfterMinor,
        limitMinor: check.approvedLimitMinor,
      },
      after: {
        decision: 'allow',
        overriddenBy: params.actor,
        role: params.role,
        reason: params.reason,
        overrideId: override.id,
        validUntil: override.validUntil,
      },
    });
    await insertHoldOverride(tx, { orgId: params.orgId, override });
  });
  return ok({ auditId: override.auditId, check: { ...check, decision: 'allow', override: toApplied(override) } });
}
