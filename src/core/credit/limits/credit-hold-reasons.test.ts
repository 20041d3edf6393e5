import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canOverrideHold, checkCreditHold, type HoldInput } from './credit-hold.js';

const asOf = '2026-11-25';
const base: HoldInput = {
  customerId: 'C1',
  currency: 'CNY',
  orderMinor: 200,
  exposureMinor: 700,
  approvedLimitMinor: 1_000,
  openItems: [{ invoiceId: 'i1', number: 'INV1', dueOn: '2026-11-01', openMinor: 700, maxExtensionDays: 60 }],
  insurerLimitCancelledOn: null,
  grade: 'B',
  overrides: [],
};

test('within limit, 24 days past due, insured and inside the extension: allow', () => {
  const d = checkCreditHold(base, asOf);
  assert.deepEqual([d.decision, d.reasons, d.exposureAfterMinor, d.headroomMinor], ['allow', [], 900, 300]);
});

test('every reason is listed: over limit, > 30 days overdue, past max extension, insurer cancelled, grade E, override', () => {
  const d = checkCreditHold(
    {
      ...base,
      orderMinor: 400,
      openItems: [
        { invoiceId: 'i1', number: 'INV1', dueOn: '2026-09-10', openMinor: 300, maxExtensionDays: 60 }, // 76 days; stop 2026-11-09
        { invoiceId: 'i2', number: 'INV2', dueOn: '2026-10-20', openMinor: 400, maxExtensionDays: null }, // 36 days, uninsured
      ],
      insurerLimitCancelledOn: '2026-11-02',
      grade: 'E',
      overrides: [{ code: 'CS_OVERRIDE_INSOLVENCY', data: { on: '2026-11-02' } }],
    },
    asOf,
  );
  assert.equal(d.decision, 'hold');
  assert.deepEqual(
    d.reasons.map((r) => r.code),
    ['CH_OVER_LIMIT', 'CH_OVERDUE', 'CH_PAST_MAX_EXTENSION', 'CH_INSURER_CANCELLED', 'CH_GRADE_E', 'CH_SCORE_OVERRIDE'],
  );
  assert.deepEqual(d.reasons[1]?.data, { invoice: 'INV1', days: 76, count: 2, limitDays: 30 });
  assert.deepEqual(d.reasons[2]?.data, { invoice: 'INV1', stopOn: '2026-11-09' });
});

test('exactly at the limit is allowed; one fen over is held; no approved limit is held', () => {
  assert.equal(checkCreditHold({ ...base, orderMinor: 300 }, asOf).decision, 'allow');
  assert.equal(checkCreditHold({ ...base, orderMinor: 301 }, asOf).reasons[0]?.code, 'CH_OVER_LIMIT');
  assert.equal(checkCreditHold({ ...base, approvedLimitMinor: null }, asOf).reasons[0]?.code, 'CH_NO_LIMIT');
});

test('only owner and credit_controller may override a hold', () => {
  assert.deepEqual(
    ['owner', 'credit_controller', 'finance', 'viewer'].map((r) => canOverrideHold(r)),
    [true, true, false, false],
  );
});
