import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { type CoverInvoice, type CoverLimit, coverInvoices } from './cover.js';

const policy = { startsOn: '2026-01-01', endsOn: '2026-12-31', terms: DEFAULT_POLICY_TERMS };
const limit = (extra: Partial<CoverLimit> = {}): CoverLimit => ({
  customerId: 'c1',
  kind: 'insurer_limit',
  limitMinor: 100_000_00,
  effectiveFrom: '2026-01-01',
  cancelledOn: null,
  ...extra,
});
const inv = (n: string, issuedOn: string, dueOn: string, openMinor: number): CoverInvoice => ({
  invoiceId: n,
  customerId: 'c1',
  number: n,
  issuedOn,
  dueOn,
  openMinor,
});
const codes = (r: { reasons: readonly { code: string }[] } | undefined) => r?.reasons.map((x) => x.code);

test('an invoice within the limit, the terms and the policy period is covered with no reasons', () => {
  const [r] = coverInvoices(policy, [limit()], [inv('F1', '2026-11-01', '2026-12-31', 40_000_00)]);
  assert.equal(r?.covered, true);
  assert.equal(r?.insuredMinor, 40_000_00);
  assert.deepEqual(codes(r), []);
});

test('no limit on the delivery date: not covered, INS_NO_LIMIT', () => {
  const [r] = coverInvoices(
    policy,
    [limit({ effectiveFrom: '2026-06-01' })],
    [inv('F1', '2026-05-10', '2026-07-09', 1_000_00)],
  );
  assert.equal(r?.covered, false);
  assert.equal(r?.insuredMinor, 0);
  assert.deepEqual(codes(r), ['INS_NO_LIMIT']);
});

test('over the limit: the oldest deliveries use the limit first, the rest is uninsured', () => {
  const out = coverInvoices(
    policy,
    [limit()],
    [inv('F2', '2026-10-01', '2026-11-30', 70_000_00), inv('F1', '2026-09-01', '2026-10-31', 60_000_00)],
  );
  const f1 = out.find((r) => r.number === 'F1');
  const f2 = out.find((r) => r.number === 'F2');
  assert.equal(f1?.covered, true);
  assert.equal(f2?.covered, false);
  assert.equal(f2?.insuredMinor, 40_000_00);
  assert.equal(f2?.uninsuredMinor, 30_000_00);
  assert.deepEqual(f2?.reasons, [
    { code: 'INS_OVER_LIMIT', data: { limitMinor: 100_000_00, uninsuredMinor: 30_000_00 } },
  ]);
});

test('terms beyond the maximum credit period: not covered at all', () => {
  const [r] = coverInvoices(policy, [limit()], [inv('F1', '2026-03-01', '2026-09-28', 10_000_00)]);
  assert.equal(r?.covered, false);
  assert.deepEqual(r?.reasons, [{ code: 'INS_TERMS_BEYOND_MAX', data: { days: 211, maxDays: 180 } }]);
});

test('shipped after the limit was cancelled: not covered; an earlier delivery stays covered (run-off)', () => {
  const out = coverInvoices(
    policy,
    [limit({ cancelledOn: '2026-11-15' })],
    [inv('F1', '2026-11-10', '2027-01-09', 20_000_00), inv('F2', '2026-11-20', '2027-01-19', 20_000_00)],
  );
  assert.equal(out.find((r) => r.number === 'F1')?.covered, true);
  const f2 = out.find((r) => r.number === 'F2');
  assert.equal(f2?.covered, false);
  assert.deepEqual(f2?.reasons, [
    { code: 'INS_SHIPPED_AFTER_LIMIT_CUT', data: { cutOn: '2026-11-15', limitMinor: 0 } },
  ]);
});

test('shipped after a limit reduction: the new lower limit applies to it and the excess says so', () => {
  const out = coverInvoices(
    policy,
    [limit(), limit({ limitMinor: 50_000_00, effectiveFrom: '2026-10-01' })],
    [inv('F1', '2026-09-01', '2026-10-31', 40_000_00), inv('F2', '2026-10-05', '2026-12-04', 30_000_00)],
  );
  const f2 = out.find((r) => r.number === 'F2');
  assert.equal(f2?.insuredMinor, 10_000_00);
  assert.deepEqual(f2?.reasons, [
    {
      code: 'INS_SHIPPED_AFTER_LIMIT_CUT',
      data: { cutOn: '2026-10-01', limitMinor: 50_000_00, uninsuredMinor: 20_000_00 },
    },
  ]);
});

test('shipped past stop-delivery: an older unpaid invoice was beyond its maximum extension', () => {
  const out = coverInvoices(
    policy,
    [limit()],
    [inv('F1', '2026-06-01', '2026-07-31', 10_000_00), inv('F2', '2026-10-05', '2026-12-04', 10_000_00)],
  );
  assert.equal(out.find((r) => r.number === 'F1')?.covered, true);
  const f2 = out.find((r) => r.number === 'F2');
  assert.equal(f2?.covered, false);
  // 2026-07-31 + 60 days = 2026-09-29, before the delivery on 2026-10-05.
  assert.deepEqual(f2?.reasons, [{ code: 'INS_PAST_STOP_DELIVERY', data: { stopOn: '2026-09-29', oldest: 'F1' } }]);
});

test('a buyer the insurer excluded and a delivery outside the policy period are not covered', () => {
  const [excluded] = coverInvoices(
    policy,
    [limit({ kind: 'excluded' })],
    [inv('F1', '2026-05-01', '2026-06-30', 5_00)],
  );
  assert.deepEqual(codes(excluded), ['INS_BUYER_EXCLUDED']);
  const [before] = coverInvoices(
    policy,
    [limit({ effectiveFrom: '2025-06-01' })],
    [inv('F0', '2025-12-01', '2026-01-30', 5_00)],
  );
  assert.deepEqual(codes(before), ['INS_OUTSIDE_POLICY_PERIOD']);
});

test('a discretionary limit covers like an insurer limit', () => {
  const [r] = coverInvoices(
    policy,
    [limit({ kind: 'discretionary', limitMinor: 8_000_00 })],
    [inv('F1', '2026-05-01', '2026-06-30', 10_000_00)],
  );
  assert.equal(r?.limitKind, 'discretionary');
  assert.equal(r?.insuredMinor, 8_000_00);
  assert.deepEqual(codes(r), ['INS_OVER_LIMIT']);
});
