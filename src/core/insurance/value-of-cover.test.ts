import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RISK_STATE_SETTINGS, deriveRiskState, type RiskStateInput } from '../credit/index.js';
import { bookLossDistribution } from '../stress/creditriskplus-book.js';
import { summariseBuyerCover } from './buyer.js';
import type { InvoiceCover } from './cover.js';
import { valueOfCover, withoutCover } from './value.js';

function customer(id: string, totalMinor: number, pd: number, extra: Partial<RiskStateInput> = {}): RiskStateInput {
  return {
    customerId: id,
    asOf: '2026-12-08',
    grade: 'B',
    score: 80,
    pd,
    isIndicative: false,
    overrides: [],
    events: [],
    hold: {
      customerId: id,
      decision: 'allow',
      reasons: [],
      exposureAfterMinor: 0,
      headroomMinor: null,
      currency: 'CNY',
    },
    exposure: {
      customerId: id,
      currency: 'CNY',
      openArMinor: totalMinor,
      unappliedMinor: 0,
      acceptanceBillsMinor: 0,
      openOrdersMinor: 0,
      totalMinor,
      unconverted: [],
    },
    limitMinor: null,
    cover: null,
    disputes: { count: 0, openMinor: 0 },
    lastWriteOffOn: null,
    lastReceiptOn: '2026-12-01',
    ...extra,
  };
}

const cover = (limitMinor: number, cancelledOn: string | null = null) => ({
  kind: 'insurer_limit' as const,
  limitMinor,
  insuredPct: 0.9,
  cancelledOn,
});

test('adding the policy lowers expected and 99 % loss by what it insures; break-even is the expected saving', () => {
  const S = DEFAULT_RISK_STATE_SETTINGS;
  const insured = [
    customer('a', 1_000_000_00, 0.02, { cover: cover(1_000_000_00) }),
    customer('b', 2_000_000_00, 0.05, { cover: cover(1_000_000_00) }),
    customer('c', 500_000_00, 0.1),
  ].map((i) => deriveRiskState(i, S));
  const bare = insured.map((s) => withoutCover(s, S.recoveryShare));
  // Without the policy every LGD is 1 − recovery share; b keeps half its limit uninsured.
  assert.deepEqual(
    bare.map((s) => s.treatment.lgd),
    [0.8, 0.8, 0.8],
  );
  assert.ok(Math.abs((insured[1]?.treatment.lgd ?? 0) - 0.35) < 1e-12);
  const withPolicy = bookLossDistribution(insured);
  const without = bookLossDistribution(bare);
  assert.ok(withPolicy.ok && without.ok);
  const v = valueOfCover(withPolicy.value, without.value, 5_000_00);
  // Expected loss without: 0.8 × (0.02 × 1m + 0.05 × 2m + 0.1 × 0.5m) = 136,000; with: 0.05 × 2m × 0.35 + 0.1 × 0.5m × 0.8 = 75,000.
  assert.ok(Math.abs(v.expectedLossWithout - 136_000_00) <= 1);
  assert.ok(Math.abs(v.expectedLossWith - 75_000_00) <= 1);
  assert.equal(v.breakEven, v.expectedLossWithout - v.expectedLossWith);
  assert.ok(v.lossAt99With < v.lossAt99Without);
  assert.equal(v.tailReduction, v.lossAt99Without - v.lossAt99With);
  assert.equal(v.isPremiumBelowBreakEven, true);
  assert.equal(valueOfCover(withPolicy.value, without.value, 100_000_00).isPremiumBelowBreakEven, false);
});

test('a book with no cover: the policy is worth nothing on it (break-even 0)', () => {
  const states = [customer('a', 1_000_000_00, 0.02), customer('b', 300_000_00, 0.1)].map((i) =>
    deriveRiskState(i, DEFAULT_RISK_STATE_SETTINGS),
  );
  const a = bookLossDistribution(states);
  const b = bookLossDistribution(states.map((s) => withoutCover(s, DEFAULT_RISK_STATE_SETTINGS.recoveryShare)));
  assert.ok(a.ok && b.ok);
  const v = valueOfCover(a.value, b.value, 1_000_00);
  assert.equal(v.breakEven, 0);
  assert.equal(v.expectedLossWith, v.expectedLossWithout);
});

const line = (openMinor: number, insuredMinor: number): InvoiceCover => ({
  invoiceId: 'i',
  customerId: 'c1',
  number: 'F',
  issuedOn: '2026-10-01',
  dueOn: '2026-11-30',
  openMinor,
  covered: openMinor === insuredMinor,
  insuredMinor,
  uninsuredMinor: openMinor - insuredMinor,
  limitKind: 'insurer_limit',
  reasons: [],
});

test('per buyer: limit in force, insured part, own risk (uninsured + 10 % of insured) and utilisation', () => {
  const b = summariseBuyerCover('c1', cover(1_000_00), [line(600_00, 600_00), line(700_00, 400_00)]);
  assert.equal(b.openMinor, 1_300_00);
  assert.equal(b.insuredMinor, 1_000_00);
  assert.equal(b.ownRiskMinor, 400_00); // 300 uninsured + 100 own share
  assert.equal(b.utilisation, 1);
  const cancelled = summariseBuyerCover('c1', cover(1_000_00, '2026-11-20'), [line(500_00, 500_00)]);
  assert.equal(cancelled.limitMinor, 0); // no limit for new deliveries …
  assert.equal(cancelled.insuredMinor, 500_00); // … but the run-off stays insured
  const none = summariseBuyerCover('c2', null, [line(500_00, 0)]);
  assert.deepEqual([none.kind, none.ownRiskMinor, none.utilisation], [null, 500_00, 0]);
});

test('run-off: a cancelled limit keeps the invoice-level insured part in the risk state, and the policy is worth it', () => {
  const S = DEFAULT_RISK_STATE_SETTINGS;
  const cancelled = { ...cover(1_000_000_00, '2026-11-30'), insuredOpenMinor: 500_000_00 };
  const [runOff] = [customer('d', 1_000_000_00, 0.1, { cover: cancelled })].map((i) => deriveRiskState(i, S));
  // 1 − 0.2 recovery − 0.9 × 500k / 1m insured = 0.35; by the limit alone a cancelled limit counted nothing.
  assert.ok(Math.abs((runOff?.treatment.lgd ?? 0) - 0.35) < 1e-12);
  const [byLimit] = [customer('d', 1_000_000_00, 0.1, { cover: cover(1_000_000_00, '2026-11-30') })].map((i) =>
    deriveRiskState(i, S),
  );
  assert.equal(byLimit?.treatment.lgd, 0.8);
  // Invoice-level cover below the limit (exclusions) counts only what is insured.
  const [partly] = [
    customer('e', 1_000_000_00, 0.1, { cover: { ...cover(1_000_000_00), insuredOpenMinor: 250_000_00 } }),
  ].map((i) => deriveRiskState(i, S));
  assert.ok(Math.abs((partly?.treatment.lgd ?? 0) - 0.575) < 1e-12);
});
