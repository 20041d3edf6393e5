import {
  assessOnboarding,
  DATA_ONLY_ITEMS,
  ONBOARDING_ITEMS,
  type OnboardingResult,
  type RecordedCheck,
} from '../../core/credit/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { addMonths, isLocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { findCreditCustomer, insertOnboardingCheck } from '../../db/stores/credit.js';
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

export interface RecordedOnboardingCheck {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  readonly item: string;
  readonly status: RecordedCheck['status'];
  readonly checkedOn: string;
  readonly checkedBy: string;
  readonly note: string | null;
}

/**
 * Records one checklist item a person checked (trade references, bank reference, sanctions,
 * litigation search) for a customer of the organisation, by id or code. A second record of the
 * same item on the same day replaces the first. Registration is refused
 * (ONBOARDING_ITEM_NOT_RECORDABLE): the checklist reads it from the customer's registration
 * number alone, so a record of it would never show.
 */
export async function recordOnboardingCheck(
  db: Db,
  params: {
    orgId: string;
    customerId: string;
    item: string;
    status: RecordedCheck['status'];
    checkedOn: string;
    checkedBy: string;
    note?: string | undefined;
  },
): Promise<Result<RecordedOnboardingCheck>> {
  if (!(ONBOARDING_ITEMS as readonly string[]).includes(params.item))
    return fail('VALIDATION_FAILED', { field: 'item', value: params.item, expected: ONBOARDING_ITEMS.join(' | ') });
  if ((DATA_ONLY_ITEMS as readonly string[]).includes(params.item))
    return fail('ONBOARDING_ITEM_NOT_RECORDABLE', { field: 'item', value: params.item, edit: 'registrationNo' });
  if (!['done', 'failed', 'waived'].includes(params.status))
    return fail('VALIDATION_FAILED', { field: 'status', value: params.status, expected: 'done | failed | waived' });
  if (!isLocalDate(params.checkedOn))
    return fail('VALIDATION_FAILED', { field: 'checkedOn', value: params.checkedOn, expected: 'YYYY-MM-DD' });
  if (params.checkedBy.trim() === '') return fail('VALIDATION_FAILED', { field: 'checkedBy', expected: 'who checked' });
  // Only a customer of this organisation: the id of another organisation's customer is unknown here.
  const customer = await findCreditCustomer(db, { orgId: params.orgId, customer: params.customerId });
  if (!customer) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
  const note = params.note ?? null;
  await insertOnboardingCheck(db, params.orgId, {
    customer_id: customer.id,
    item: params.item,
    status: params.status,
    checked_on: params.checkedOn,
    checked_by: params.checkedBy,
    note,
  });
  const { item, status, checkedOn, checkedBy } = params;
  return ok({
    customerId: customer.id,
    code: customer.code,
    name: customer.name,
    item,
    status,
    checkedOn,
    checkedBy,
    note,
  });
}
