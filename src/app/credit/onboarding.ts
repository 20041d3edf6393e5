import {
  assessOnboarding,
  ONBOARDING_ITEMS,
  type OnboardingResult,
  type RecordedCheck,
} from '../../core/credit/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { addMonths } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { insertOnboardingCheck } from '../../db/stores/credit.js';
import { buildLimitViews } from './limits.js';
import { insuredOn } from './prepare.js';
import { scoreBook } from './score-customers.js';

export interface OnboardingView extends OnboardingResult {
  readonly code: string;
  readonly name: string;
  readonly currency: string;
}

/**
 * The onboarding checklist of one customer (DOMAIN 4.2): each item from the data (registration
 * and its 统一社会信用代码, statements, ratings) or from what a person recorded, what is missing, the
 * safe limit for a new customer and the Allianz self-check.
 */
export async function getOnboarding(
  db: Db,
  params: { orgId: string; customerId: string; asOf: string },
): Promise<Result<OnboardingView>> {
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  const { book, behaviour } = scored.value;
  const view = buildLimitViews(scored.value, params.asOf)[0];
  const customer = book.customers.find((c) => c.id === view?.customerId);
  if (!view || !customer) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
  const from = addMonths(params.asOf, -12);
  const paidOnTime = behaviour.records.filter(
    (r) =>
      r.customerId === customer.id &&
      r.issuedOn > from &&
      r.settledOn !== null &&
      r.settledOn <= params.asOf &&
      r.settledOn <= r.dueOn,
  ).length;
  const result = assessOnboarding(
    {
      customerId: customer.id,
      country: customer.country,
      registrationNo: customer.registrationNo,
      statements: book.statements.get(customer.id) ?? [],
      ratings: book.ratings.get(customer.id) ?? [],
      checks: book.checks.get(customer.id) ?? [],
      purchasesPaidOnTime: paidOnTime,
      hasInsurerLimit: insuredOn(book, customer.id, params.asOf).active !== null,
      recommendedMinor: view.recommendation.recommendedMinor,
    },
    params.asOf,
  );
  return ok({ ...result, code: customer.code, name: customer.name, currency: book.baseCurrency });
}

/** Records one checklist item a person checked (trade references, bank reference, sanctions, litigation search). */
export async function recordOnboardingCheck(
  db: Db,
  params: {
    orgId: string;
    customerId: string;
    item: string;
    status: RecordedCheck['status'];
    checkedOn: string;
    checkedBy: string;
    note?: string;
  },
): Promise<Result<{ item: string; status: string }>> {
  if (!(ONBOARDING_ITEMS as readonly string[]).includes(params.item))
    return fail('VALIDATION_FAILED', { field: 'item', value: params.item, expected: ONBOARDING_ITEMS.join(' | ') });
  if (!['done', 'failed', 'waived'].includes(params.status))
    return fail('VALIDATION_FAILED', { field: 'status', value: params.status, expected: 'done | failed | waived' });
  await insertOnboardingCheck(db, params.orgId, {
    customer_id: params.customerId,
    item: params.item,
    status: params.status,
    checked_on: params.checkedOn,
    checked_by: params.checkedBy,
    note: params.note ?? null,
  });
  return ok({ item: params.item, status: params.status });
}
