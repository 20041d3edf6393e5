import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../connection.js';
import { describeEachDialect } from '../test-support.js';
import {
  insertCreditAudit,
  insertCreditLimit,
  insertCreditReview,
  insertOnboardingCheck,
  listCreditAudit,
  listCreditLimits,
  listCreditReviews,
  listOnboardingChecks,
  listScoreHistory,
  saveCreditScores,
} from './credit.js';
import { createOrganisation } from './organisations.js';

const limit = (id: string, from: string, limitMinor: number) => ({
  id,
  customerId: 'c1',
  currency: 'CNY',
  limitMinor,
  needMinor: 77_000_000,
  capacityMinor: 120_000_000,
  internalMinor: 84_700_000,
  insurerCapMinor: null,
  binding: 'need',
  effectiveFrom: from,
  approvedBy: 'li.wei',
  approvedAt: `${from}T08:00:00.000Z`,
  reason: '年度复审',
  detail: { reasons: ['CL_BINDING_NEED'] },
});

describeEachDialect('credit store', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    for (const org of ['o1', 'o2']) {
      await createOrganisation(db, { id: org, name: org, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
      await db.kysely
        .insertInto('customers')
        .values({
          org_id: org,
          id: org === 'o1' ? 'c1' : 'c2',
          code: 'C1',
          name: 'Buyer',
          registration_no: null,
          industry: null,
          size_class: null,
          currency: 'CNY',
          email: null,
          since_on: null,
        })
        .execute();
    }
  });
  after(async () => db.close());

  test('scores: one row per customer per as-of date, saved twice = saved once with the newer values', async () => {
    const s = {
      customerId: 'c1',
      asOf: '2026-11-25',
      score: 61.5,
      grade: 'D' as const,
      pd: 0.046,
      isIndicative: true,
      detail: { drivers: ['CS_PAYS_LATE'] },
    };
    await saveCreditScores(db, 'o1', [s]);
    await saveCreditScores(db, 'o1', [{ ...s, score: 58.2, pd: 0.061 }]);
    await saveCreditScores(db, 'o1', [{ ...s, asOf: '2025-11-25', score: 70, grade: 'C', pd: 0.025 }]);
    const rows = await listScoreHistory(db, { orgId: 'o1', to: '2026-12-31' });
    assert.deepEqual(rows, [
      { customerId: 'c1', asOf: '2025-11-25', score: 70, grade: 'C', pd: 0.025 },
      { customerId: 'c1', asOf: '2026-11-25', score: 58.2, grade: 'D', pd: 0.061 },
    ]);
    assert.deepEqual(await listScoreHistory(db, { orgId: 'o2', to: '2026-12-31' }), []);
  });

  test('limits: append-only history with need, capacity, internal, insurer cap, binding and approval', async () => {
    await insertCreditLimit(db, 'o1', limit('l1', '2026-01-10', 80_000_000));
    await insertCreditLimit(db, 'o1', limit('l2', '2026-09-01', 84_700_000));
    await insertCreditLimit(db, 'o1', limit('l3', '2027-01-01', 10));
    const rows = await listCreditLimits(db, { orgId: 'o1', asOf: '2026-11-25' });
    assert.deepEqual(
      rows.map((r) => [r.id, Number(r.limit_minor), Number(r.internal_minor), r.binding, r.approved_by]),
      [
        ['l1', 80_000_000, 84_700_000, 'need', 'li.wei'],
        ['l2', 84_700_000, 84_700_000, 'need', 'li.wei'],
      ],
    );
    assert.deepEqual(JSON.parse(rows[1]?.detail ?? '{}'), { reasons: ['CL_BINDING_NEED'] });
    assert.equal((await listCreditLimits(db, { orgId: 'o2', asOf: '2026-11-25' })).length, 0);
  });

  test('onboarding checks keep their history; reviews and audit entries stay in their organisation', async () => {
    await insertOnboardingCheck(db, 'o1', {
      customer_id: 'c1',
      item: 'sanctions_check',
      status: 'done',
      checked_on: '2026-11-20',
      checked_by: 'li.wei',
      note: null,
    });
    await insertOnboardingCheck(db, 'o1', {
      customer_id: 'c1',
      item: 'sanctions_check',
      status: 'done',
      checked_on: '2026-11-20',
      checked_by: 'wang.fang',
      note: '复核',
    });
    await insertOnboardingCheck(db, 'o1', {
      customer_id: 'c1',
      item: 'bank_reference',
      status: 'failed',
      checked_on: '2026-11-21',
      checked_by: 'li.wei',
      note: null,
    });
    const checks = await listOnboardingChecks(db, { orgId: 'o1', customerId: 'c1' });
    assert.deepEqual(
      checks.map((c) => [c.item, c.status, c.checked_by]),
      [
        ['sanctions_check', 'done', 'wang.fang'],
        ['bank_reference', 'failed', 'li.wei'],
      ],
    );
    await insertCreditReview(db, 'o1', {
      id: 'r1',
      customer_id: 'c1',
      reviewed_on: '2026-06-01',
      reviewer: 'li.wei',
      grade_before: 'B',
      grade_after: 'C',
      reason: 'CR_CADENCE',
      next_due_on: '2026-12-01',
    });
    assert.deepEqual(
      (await listCreditReviews(db, { orgId: 'o1' })).map((r) => [r.id, r.grade_after, r.next_due_on]),
      [['r1', 'C', '2026-12-01']],
    );
    assert.equal((await listCreditReviews(db, { orgId: 'o2' })).length, 0);
    await insertCreditAudit(db, 'o1', {
      id: 'a1',
      at: '2026-11-25T09:00:00.000Z',
      actor: 'li.wei',
      action: 'credit_hold.override',
      entityType: 'credit_hold',
      entityId: 'c1',
      before: { decision: 'hold' },
      after: { decision: 'allow' },
    });
    const audit = await listCreditAudit(db, { orgId: 'o1', entityType: 'credit_hold' });
    assert.deepEqual(
      audit.map((a) => [a.actor, JSON.parse(a.before ?? 'null'), JSON.parse(a.after ?? 'null')]),
      [['li.wei', { decision: 'hold' }, { decision: 'allow' }]],
    );
  });
});
