import { randomUUID } from 'node:crypto';
import { canOverrideHold, checkCreditHold, type HoldDecision, type HoldOpenItem } from '../../core/credit/index.js';
import { isCurrencyCode } from '../../core/money/index.js';
import { computeOpenItems } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { insertCreditAudit } from '../../db/stores/credit.js';
import { systemClock } from '../clock.js';
import { buildLimitViews, toBase } from './limits.js';
import { insuredOn } from './prepare.js';
import { scoreBook } from './score-customers.js';

export interface OrderCheck extends HoldDecision {
  readonly code: string;
  readonly name: string;
  readonly asOf: string;
  readonly order: { readonly amountMinor: number; readonly currency: string };
  readonly approvedLimitMinor: number | null;
  readonly grade: string | null;
}

export interface OrderParams {
  readonly orgId: string;
  readonly customerId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly asOf: string;
}

/**
 * The credit hold check for a proposed order (DOMAIN 4.2/4.3, 1.5 rule 5): exposure + order
 * against the approved limit, invoices more than 30 days past due, insured invoices past
 * due + maxExtensionDays, a cancelled insurer limit, grade E and scorecard overrides. 'allow' or
 * 'hold' with every reason; amounts in the base currency.
 */
export async function checkOrder(db: Db, params: OrderParams): Promise<Result<OrderCheck>> {
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
  const insured = insuredOn(book, view.customerId, params.asOf);
  // An invoice is insured when delivered under a limit in force then (run-off after a cancellation).
  const rows = book.insured.get(view.customerId) ?? [];
  const coverOn = (on: string) =>
    rows.filter((l) => l.effectiveFrom <= on && (l.cancelledOn === null || l.cancelledOn > on)).at(-1);
  const openItems: HoldOpenItem[] = computeOpenItems(book.ledger, params.asOf)
    .filter((i) => i.customerId === view.customerId && i.openMinor > 0)
    .map((i) => ({
      invoiceId: i.invoiceId,
      number: i.number,
      dueOn: i.dueOn,
      openMinor: i.openMinor,
      maxExtensionDays: coverOn(i.issuedOn)?.maxExtensionDays ?? null,
    }));
  const approved = view.current?.limitMinor ?? null;
  const decision = checkCreditHold(
    {
      customerId: view.customerId,
      currency: book.baseCurrency,
      orderMinor: order,
      exposureMinor: view.exposure.totalMinor,
      approvedLimitMinor: approved,
      openItems,
      insurerLimitCancelledOn: insured.cancelledOn,
      grade: score.grade,
      overrides: score.overrides,
    },
    params.asOf,
  );
  return ok({
    ...decision,
    code: view.code,
    name: view.name,
    asOf: params.asOf,
    order: { amountMinor: params.amountMinor, currency: params.currency },
    approvedLimitMinor: approved,
    grade: score.grade,
  });
}

/**
 * Overrides a hold on a proposed order: only `owner` or `credit_controller`; the check before, the
 * override after, who and when go to audit_log. Returns the decision now 'allow'.
 */
export async function overrideHold(
  db: Db,
  params: OrderParams & { actor: string; role: string; reason: string; now?: string },
): Promise<Result<{ auditId: string; check: OrderCheck }>> {
  if (!canOverrideHold(params.role))
    return fail('CREDIT_HOLD_OVERRIDE_FORBIDDEN', { value: params.role, expected: 'owner | credit_controller' });
  if (params.reason.trim() === '')
    return fail('VALIDATION_FAILED', { field: 'reason', expected: 'why the hold is overridden' });
  const check = await checkOrder(db, params);
  if (!check.ok) return check;
  if (check.value.decision === 'allow') return fail('CREDIT_HOLD_NOT_HELD', { customer: check.value.code });
  const auditId = randomUUID();
  const after = { decision: 'allow', overriddenBy: params.actor, role: params.role, reason: params.reason };
  await insertCreditAudit(db, params.orgId, {
    id: auditId,
    at: params.now ?? systemClock.now().toISOString(),
    actor: params.actor,
    action: 'credit_hold.override',
    entityType: 'credit_hold',
    entityId: check.value.customerId,
    before: {
      decision: 'hold',
      reasons: check.value.reasons,
      order: check.value.order,
      exposureAfterMinor: check.value.exposureAfterMinor,
      limitMinor: check.value.approvedLimitMinor,
    },
    after,
  });
  return ok({ auditId, check: { ...check.value, decision: 'allow' } });
}
