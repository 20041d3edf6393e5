import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { listCreditAudit, listScoreHistory } from '../../db/stores/credit.js';
import { createDemoCompany } from '../demo/index.js';
import { checkOrder, overrideHold } from './check-order.js';
import { approveLimit, recommendLimits } from './limits.js';
import { getOnboarding, recordOnboardingCheck } from './onboarding.js';
import { listReviews } from './reviews.js';
import { scoreCustomers } from './score-customers.js';

const asOf = '2026-11-25';
let db: Db;

before(async () => {
  db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
});
after(async () => db.close());

test('every customer with data has a grade and PD; the insolvent one is E with its override reasons', async () => {
  const r = await scoreCustomers(db, { orgId: 'demo', asOf, save: true });
  assert.ok(r.ok);
  assert.equal(r.value.customers.length, 20);
  for (const c of r.value.customers) {
    if (c.status === 'insufficient_data') assert.equal(c.drivers[0]?.code, 'CS_INSUFFICIENT_DATA');
    else assert.ok(c.grade !== null && c.pd !== null && c.pd > 0 && c.pd < 1, c.code);
  }
  assert.ok(r.value.customers.filter((c) => c.grade !== null).length >= 18);
  const insolvent = r.value.customers.find((c) => c.customerId === 'demo:c-0006');
  assert.equal(insolvent?.grade, 'E');
  assert.ok((insolvent?.pd ?? 0) >= 0.2);
  const codes = insolvent?.overrides.map((o) => o.code) ?? [];
  assert.ok(codes.includes('CS_OVERRIDE_INSOLVENCY') && codes.includes('CS_OVERRIDE_DISHONEST_DEBTOR'), codes.join());
  const deteriorating = r.value.customers.find((c) => c.customerId === 'demo:c-0005');
  assert.ok(deteriorating?.overrides.some((o) => o.code === 'CS_OVERRIDE_INSURER_CANCELLED'));
  assert.equal(r.value.calibration.isIndicative, true);
  // Saved once per customer and date: a rerun replaces, it does not add.
  await scoreCustomers(db, { orgId: 'demo', asOf, save: true });
  assert.equal((await listScoreHistory(db, { orgId: 'demo', to: asOf })).length, r.value.saved);
});

test('limits: the insolvent customer gets 0 by override; approving stores need, capacity, binding and who', async () => {
  const r = await recommendLimits(db, { orgId: 'demo', asOf });
  assert.ok(r.ok);
  const insolvent = r.value.customers.find((c) => c.customerId === 'demo:c-0006');
  assert.deepEqual(
    [insolvent?.recommendation.recommendedMinor, insolvent?.recommendation.binding],
    [0, 'override_zero'],
  );
  const top = r.value.customers.find((c) => c.customerId === 'demo:c-0001');
  assert.ok(
    top &&
      top.exposure.totalMinor ===
        top.exposure.openArMinor + top.exposure.acceptanceBillsMinor + top.exposure.openOrdersMinor,
  );
  const approved = await approveLimit(db, {
    orgId: 'demo',
    customerId: 'demo:c-0002',
    limitMinor: 12_345_600,
    actor: 'li.wei',
    reason: '年度复审',
    asOf,
    now: '2026-11-25T08:00:00.000Z',
  });
  assert.ok(approved.ok && approved.value.binding === 'manual');
  const again = await recommendLimits(db, { orgId: 'demo', asOf });
  assert.ok(again.ok);
  assert.deepEqual(again.value.customers.find((c) => c.customerId === 'demo:c-0002')?.current, {
    limitMinor: 12_345_600,
    binding: 'manual',
    effectiveFrom: asOf,
    approvedBy: 'li.wei',
    approvedAt: '2026-11-25T08:00:00.000Z',
  });
});

test('reviews list every customer; onboarding records checks; a held order is overridden only by the right role, and audited', async () => {
  const reviews = await listReviews(db, { orgId: 'demo', asOf });
  assert.ok(reviews.ok && reviews.value.reviews.length === 20);
  assert.ok(
    reviews.value.reviews
      .find((v) => v.customerId === 'demo:c-0006')
      ?.reasons.some((x) => x.code === 'CR_NEW_LEGAL_EVENT'),
  );
  // The demo recorded its litigation search and sanctions check: not blocked; a failed sanctions
  // check blocks it, and the same day's check done again unblocks it.
  const before = await getOnboarding(db, { orgId: 'demo', customerId: 'demo:c-0002', asOf });
  assert.ok(before.ok && !before.value.isBlocked);
  const sanctions = (status: 'done' | 'failed') =>
    recordOnboardingCheck(db, {
      orgId: 'demo',
      customerId: 'demo:c-0002',
      item: 'sanctions_check',
      status,
      checkedOn: asOf,
      checkedBy: 'li.wei',
    });
  await sanctions('failed');
  const blocked = await getOnboarding(db, { orgId: 'demo', customerId: 'demo:c-0002', asOf });
  assert.ok(blocked.ok && blocked.value.isBlocked && blocked.value.safeLimitMinor === 0);
  await sanctions('done');
  const afterChecks = await getOnboarding(db, { orgId: 'demo', customerId: 'demo:c-0002', asOf });
  assert.ok(afterChecks.ok && !afterChecks.value.isBlocked && afterChecks.value.safeLimitMinor > 0);
  const order = { orgId: 'demo', customerId: 'demo:c-0006', amountMinor: 1_000_000, currency: 'CNY', asOf };
  const held = await checkOrder(db, order);
  assert.ok(held.ok && held.value.decision === 'hold');
  assert.ok(held.value.reasons.some((x) => x.code === 'CH_GRADE_E'));
  const denied = await overrideHold(db, { ...order, actor: 'zhang.san', role: 'viewer', reason: '老客户' });
  assert.ok(!denied.ok && denied.error.code === 'CREDIT_HOLD_OVERRIDE_FORBIDDEN');
  const done = await overrideHold(db, {
    ...order,
    actor: 'li.wei',
    role: 'credit_controller',
    reason: '预付款已到账',
    now: '2026-11-25T09:00:00.000Z',
  });
  assert.ok(done.ok && done.value.check.decision === 'allow');
  const audit = await listCreditAudit(db, { orgId: 'demo', entityType: 'credit_hold' });
  assert.equal(audit.length, 1);
  assert.deepEqual(
    [audit[0]?.actor, audit[0]?.at, JSON.parse(audit[0]?.after ?? '{}').reason],
    ['li.wei', '2026-11-25T09:00:00.000Z', '预付款已到账'],
  );
  assert.equal(JSON.parse(audit[0]?.before ?? '{}').decision, 'hold');
});
