import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LegalEvent } from '../../model/index.js';
import type { HoldDecision } from '../limits/credit-hold.js';
import { deriveRiskState, insuredShare, isOverLimit, type RiskStateInput } from './risk-state.js';
import { DEFAULT_RISK_STATE_SETTINGS, resolveRiskStateSettings } from './settings.js';

const ASOF = '2026-12-08';
const allow: HoldDecision = {
  customerId: 'c',
  decision: 'allow',
  reasons: [],
  exposureAfterMinor: 0,
  headroomMinor: null,
  currency: 'CNY',
};
const hold = (...codes: string[]): HoldDecision => ({
  ...allow,
  decision: 'hold',
  reasons: codes.map((code) => ({ code, data: { orderMinor: 0 } })),
});
const input = (overrides: Partial<RiskStateInput> = {}): RiskStateInput => ({
  customerId: 'c',
  asOf: ASOF,
  grade: 'B',
  score: 80,
  pd: 0.012,
  isIndicative: true,
  overrides: [],
  events: [],
  hold: allow,
  exposure: {
    customerId: 'c',
    currency: 'CNY',
    openArMinor: 1_000_000_00,
    unappliedMinor: 0,
    acceptanceBillsMinor: 0,
    openOrdersMinor: 0,
    totalMinor: 1_000_000_00,
    unconverted: [],
  },
  limitMinor: 2_000_000_00,
  cover: null,
  disputes: { count: 0, openMinor: 0 },
  lastWriteOffOn: null,
  lastReceiptOn: '2026-12-01',
  ...overrides,
});
const event = (type: LegalEvent['type'], occurredOn: string, resolvedOn: string | null = null): LegalEvent => ({
  id: type,
  customerId: 'c',
  type,
  occurredOn,
  amountMinor: null,
  currency: null,
  source: '(2026)粤0303破申1945号',
  description: null,
  resolvedOn,
});

test('a good customer: normal, receipts risk-adjusted by its PD band, new sales expected', () => {
  const s = deriveRiskState(input(), DEFAULT_RISK_STATE_SETTINGS);
  assert.equal(s.status, 'normal');
  assert.deepEqual(s.reasons, []);
  assert.deepEqual(s.treatment, {
    receipts: 'expected',
    recoveryShare: 0.2,
    recoverySince: null,
    recoveryOn: null,
    lgd: 0.8,
    pd: 0.012,
    pdLow: 0.006,
    pdHigh: 0.024,
    newSales: true,
  });
});

test('insolvency: recovery 20 % 540 days after the event, no new sales, whatever the hold says', () => {
  const s = deriveRiskState(
    input({ events: [event('insolvency', '2026-11-15')], hold: hold('CH_SCORE_OVERRIDE', 'CH_OVERDUE') }),
    DEFAULT_RISK_STATE_SETTINGS,
  );
  assert.equal(s.status, 'insolvent');
  assert.deepEqual(s.insolvency, { on: '2026-11-15', source: '(2026)粤0303破申1945号' });
  assert.equal(s.treatment.receipts, 'recovery');
  assert.equal(s.treatment.recoverySince, '2026-11-15');
  assert.equal(s.treatment.recoveryOn, '2028-05-08');
  assert.equal(s.treatment.newSales, false);
  assert.equal(s.reasons[0]?.code, 'RS_INSOLVENT');
});

test('a resolved insolvency, or one dated after the as-of date, does not count', () => {
  assert.equal(
    deriveRiskState(input({ events: [event('insolvency', '2025-01-10', '2025-06-30')] }), DEFAULT_RISK_STATE_SETTINGS)
      .status,
    'normal',
  );
  assert.equal(
    deriveRiskState(input({ events: [event('insolvency', '2026-12-20')] }), DEFAULT_RISK_STATE_SETTINGS).status,
    'normal',
  );
});

test('written off: a write-off within a year and nothing paid since', () => {
  const s = deriveRiskState(
    input({ lastWriteOffOn: '2026-09-30', lastReceiptOn: '2026-08-01' }),
    DEFAULT_RISK_STATE_SETTINGS,
  );
  assert.equal(s.status, 'written_off');
  assert.equal(s.treatment.recoveryOn, '2028-03-23');
  assert.equal(s.treatment.newSales, false);
  const paidSince = deriveRiskState(
    input({ lastWriteOffOn: '2026-09-30', lastReceiptOn: '2026-10-15' }),
    DEFAULT_RISK_STATE_SETTINGS,
  );
  assert.equal(paidSince.status, 'normal');
});

test('a hold that stops orders stops new sales; a missing limit alone does not', () => {
  const held = deriveRiskState(input({ hold: hold('CH_OVERDUE') }), DEFAULT_RISK_STATE_SETTINGS);
  assert.equal(held.status, 'hold');
  assert.equal(held.treatment.newSales, false);
  assert.equal(held.treatment.receipts, 'expected');
  const noLimit = deriveRiskState(input({ hold: hold('CH_NO_LIMIT'), limitMinor: null }), DEFAULT_RISK_STATE_SETTINGS);
  assert.equal(noLimit.hold.isOnHold, true);
  assert.equal(noLimit.treatment.newSales, true);
  assert.equal(noLimit.status, 'normal');
});

test('over the limit reads as exposure over the limit; a standing over-limit hold is not an order', () => {
  const s = deriveRiskState(
    input({ limitMinor: 900_000_00, hold: hold('CH_OVER_LIMIT') }),
    DEFAULT_RISK_STATE_SETTINGS,
  );
  assert.equal(s.isOverLimit, true);
  assert.deepEqual(s.reasons, [
    { code: 'RS_OVER_LIMIT', data: { exposureMinor: 1_000_000_00, limitMinor: 900_000_00 } },
  ]);
  assert.equal(isOverLimit(100, null), false);
  assert.equal(isOverLimit(100, 100), false);
  assert.equal(isOverLimit(101, 100), true);
});

test('watch: grade D, disputes; an unscored customer reads the unscored PD', () => {
  assert.equal(deriveRiskState(input({ grade: 'D', pd: 0.06 }), DEFAULT_RISK_STATE_SETTINGS).status, 'watch');
  assert.equal(
    deriveRiskState(input({ disputes: { count: 1, openMinor: 50_000_00 } }), DEFAULT_RISK_STATE_SETTINGS).status,
    'watch',
  );
  const unscored = deriveRiskState(input({ grade: null, pd: null, score: null }), DEFAULT_RISK_STATE_SETTINGS);
  assert.equal(unscored.treatment.pd, 0.03);
  assert.equal(unscored.reasons[0]?.code, 'RS_UNSCORED');
});

test('insured share lowers the loss given default', () => {
  const cover = { kind: 'insurer_limit' as const, limitMinor: 500_000_00, insuredPct: 0.9, cancelledOn: null };
  assert.equal(insuredShare(cover, 1_000_000_00), 0.45);
  assert.equal(insuredShare({ ...cover, cancelledOn: '2026-11-01' }, 1_000_000_00), 0);
  const s = deriveRiskState(input({ cover }), DEFAULT_RISK_STATE_SETTINGS);
  assert.ok(Math.abs(s.treatment.lgd - (1 - 0.2 - 0.45)) < 1e-12);
});

test('settings: overrides are checked, named when wrong', () => {
  const r = resolveRiskStateSettings({ recoveryShare: 0.3, recoveryLagDays: 365 });
  assert.ok(r.ok && r.value.recoveryShare === 0.3 && r.value.recoveryLagDays === 365);
  const bad = resolveRiskStateSettings({ recoveryShare: 3 });
  assert.deepEqual(bad.ok ? null : bad.error.details.field, 'credit.risk.recoveryShare');
  const unknown = resolveRiskStateSettings({ __proto__x: 1 });
  assert.equal(unknown.ok, false);
});

test('a live legal record (a 票交所 overdue listing) makes a customer one to watch, and says so once', () => {
  const s = deriveRiskState(input({ events: [event('acceptor_overdue', '2026-10-01')] }), DEFAULT_RISK_STATE_SETTINGS);
  assert.equal(s.status, 'watch');
  assert.deepEqual(s.reasons, [
    { code: 'CS_LEGAL_ACCEPTOR_OVERDUE', data: { on: '2026-10-01', amountMinor: null, currency: null } },
  ]);
  const overridden = deriveRiskState(
    input({
      events: [event('dishonest_debtor', '2026-10-07')],
      hold: {
        ...allow,
        decision: 'hold',
        reasons: [{ code: 'CH_SCORE_OVERRIDE', data: { override: 'CS_OVERRIDE_DISHONEST_DEBTOR', on: '2026-10-07' } }],
      },
    }),
    DEFAULT_RISK_STATE_SETTINGS,
  );
  assert.equal(overridden.reasons.filter((r) => String(r.code).includes('DISHONEST') || r.data.override).length, 1);
});
