import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FinancialStatement } from '../../model/index.js';
import { assessOnboarding, type OnboardingInput, type RecordedCheck } from './onboarding.js';

const asOf = '2026-11-25';
const statement = { customerId: 'N1', periodEnd: '2025-12-31', currency: 'CNY' } as FinancialStatement;
const check = (item: string, status: RecordedCheck['status'] = 'done'): RecordedCheck => ({
  item,
  status,
  checkedOn: '2026-11-20',
  checkedBy: 'li.wei',
  note: null,
});
const input = (extra: Partial<OnboardingInput>): OnboardingInput => ({
  customerId: 'N1',
  country: 'CN',
  registrationNo: '91440300708461136T',
  statements: [],
  ratings: [],
  checks: [],
  purchasesPaidOnTime: 0,
  hasInsurerLimit: false,
  recommendedMinor: null,
  ...extra,
});

test('a new customer with only a valid 统一社会信用代码: blocked until litigation and sanctions checks; self-check not met', () => {
  const r = assessOnboarding(input({}), asOf);
  assert.deepEqual(r.missing, [
    'financial_statements',
    'credit_report',
    'litigation_check',
    'trade_references',
    'bank_reference',
    'sanctions_check',
  ]);
  assert.equal(r.lines[0]?.status, 'done');
  assert.deepEqual([r.isBlocked, r.safeLimitMinor, r.safeLimitReason.code], [true, 0, 'CO_SAFE_LIMIT_BLOCKED']);
  assert.equal(r.safeLimitReason.data.items, 'litigation_check, sanctions_check');
  assert.deepEqual(
    [r.selfCheck.applies, r.selfCheck.isMet, r.selfCheck.reason.code],
    [true, false, 'CO_SELF_CHECK_NOT_MET'],
  );
});

test('an invalid code blocks; blocking checks done: the new-customer cap ¥100,000 applies', () => {
  const bad = assessOnboarding(input({ registrationNo: '91440300708461136X' }), asOf);
  assert.equal(bad.lines[0]?.status, 'invalid');
  assert.ok(bad.missing.includes('registration'));
  const ok = assessOnboarding(
    input({ checks: [check('litigation_check'), check('sanctions_check')], recommendedMinor: 30_000_000 }),
    asOf,
  );
  assert.deepEqual(
    [ok.isBlocked, ok.safeLimitMinor, ok.safeLimitReason.code],
    [false, 10_000_000, 'CO_SAFE_LIMIT_NEW_CUSTOMER'],
  );
  const small = assessOnboarding(
    input({ checks: [check('litigation_check'), check('sanctions_check')], recommendedMinor: 4_000_000 }),
    asOf,
  );
  assert.equal(small.safeLimitMinor, 4_000_000);
});

test('complete from data and records: the recommended limit is safe; a credit report meets the self-check', () => {
  const r = assessOnboarding(
    input({
      statements: [statement],
      ratings: [{ customerId: 'N1', agency: 'creditsafe', value: '66', ratedOn: '2026-10-01' }],
      checks: ['litigation_check', 'trade_references', 'bank_reference', 'sanctions_check'].map((i) => check(i)),
      recommendedMinor: 30_000_000,
    }),
    asOf,
  );
  assert.deepEqual([r.isComplete, r.missing, r.safeLimitMinor], [true, [], 30_000_000]);
  assert.deepEqual(
    r.lines.map((l) => l.source),
    ['data', 'data', 'data', 'recorded', 'recorded', 'recorded', 'recorded'],
  );
  assert.deepEqual([r.selfCheck.isMet, r.selfCheck.reason.code], [true, 'CO_SELF_CHECK_MET']);
});

test('self-check: two purchases paid on time meet it; it does not apply with an insurer limit; a failed check blocks', () => {
  assert.equal(assessOnboarding(input({ purchasesPaidOnTime: 2 }), asOf).selfCheck.isMet, true);
  assert.equal(assessOnboarding(input({ purchasesPaidOnTime: 1 }), asOf).selfCheck.isMet, false);
  assert.equal(
    assessOnboarding(input({ hasInsurerLimit: true }), asOf).selfCheck.reason.code,
    'CO_SELF_CHECK_NOT_APPLICABLE',
  );
  const failed = assessOnboarding(
    input({ checks: [check('litigation_check'), check('sanctions_check'), check('bank_reference', 'failed')] }),
    asOf,
  );
  assert.deepEqual([failed.safeLimitMinor, failed.safeLimitReason.data.items], [0, 'bank_reference']);
});

test('recordable: not registration (read from the customer record), not an item the data shows done; every other line', () => {
  const r = assessOnboarding(
    input({ statements: [statement], checks: [check('registration', 'waived'), check('bank_reference', 'failed')] }),
    asOf,
  );
  const byItem = new Map(r.lines.map((l) => [l.item, l]));
  assert.deepEqual(
    [byItem.get('registration')?.status, byItem.get('registration')?.source],
    ['done', 'data'],
    'a recorded registration never shows',
  );
  assert.deepEqual(
    r.lines.map((l) => [l.item, l.recordable]),
    [
      ['registration', false],
      ['financial_statements', false],
      ['credit_report', true],
      ['litigation_check', true],
      ['trade_references', true],
      ['bank_reference', true],
      ['sanctions_check', true],
    ],
  );
  const missing = assessOnboarding(input({ registrationNo: null }), asOf).lines[0];
  assert.deepEqual([missing?.status, missing?.recordable], ['missing', false], 'missing registration: edit the record');
});
