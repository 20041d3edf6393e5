import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RISK_STATE_SETTINGS, deriveRiskState, type RiskStateInput } from '../credit/index.js';
import { creditRiskPlus } from './creditriskplus.js';
import { bookLossDistribution, DEFAULT_BOOK_LOSS_SETTINGS } from './creditriskplus-book.js';
import { irbCorrelation } from './vasicek.js';
import { matchedSectorVariance } from './vasicek-calibration.js';

const allow = {
  customerId: 'c',
  decision: 'allow' as const,
  reasons: [],
  exposureAfterMinor: 0,
  headroomMinor: null,
  currency: 'CNY',
};

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
    hold: { ...allow, customerId: id },
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

const insolvency = {
  id: 'e1',
  customerId: 'd',
  type: 'insolvency' as const,
  occurredOn: '2026-11-15',
  amountMinor: null,
  currency: null,
  source: null,
  description: null,
  resolvedOn: null,
};

test('an organisation book: exposure, PD and LGD from the risk states; a customer in default is a certain loss', () => {
  const states = [
    customer('a', 1_000_000_00, 0.012),
    // Insured: 90 % of the part within a 2m limit, so LGD = 1 − 0.2 − 0.9 → 0.
    customer('b', 2_000_000_00, 0.05, {
      cover: { kind: 'insurer_limit', limitMinor: 2_000_000_00, insuredPct: 0.9, cancelledOn: null },
    }),
    customer('c', 500_000_00, 0.1),
    customer('d', 300_000_00, 0.03, { events: [insolvency] }),
    customer('nothing-owed', 0, 0.2),
  ].map((i) => deriveRiskState(i, DEFAULT_RISK_STATE_SETTINGS));
  assert.deepEqual(
    states.map((s) => [s.treatment.pd, s.treatment.lgd]),
    [
      [0.012, 0.8],
      [0.05, 0],
      [0.1, 0.8],
      [1, 0.8],
      [0.2, 0.8],
    ],
  );
  const r = bookLossDistribution(states);
  assert.ok(r.ok);
  const book = r.value;
  assert.equal(book.currency, 'CNY');
  assert.equal(book.customers, 2);
  assert.equal(book.defaultedCustomers, 1);
  assert.equal(book.certainLossMinor, 240_000_00);
  // 0.012 × 800,000 + 0.1 × 400,000 + 240,000 certain.
  assert.equal(book.expectedLossMinor, 9_600_00 + 40_000_00 + 240_000_00);
  // Matched to Vasicek with R(1.2 %) and R(10 %): Var[L(F)] / E[L]² of the two customers.
  const matched = matchedSectorVariance([
    { potentialLoss: 800_000_00, pd: 0.012, correlation: irbCorrelation(0.012) },
    { potentialLoss: 400_000_00, pd: 0.1, correlation: irbCorrelation(0.1) },
  ]);
  assert.equal(book.sectorVariance, matched);
  assert.ok(matched > 0.5 && matched < 3);
  // The largest potential loss is 800,000.00 yuan: 100 bands of 8,000 yuan, rounded up to 10,000 yuan.
  assert.equal(book.lossUnitMinor, 1_000_000);
  const direct = creditRiskPlus(
    {
      obligors: [
        { id: 'a', potentialLoss: 800_000_00, pd: 0.012, sectorWeights: [1] },
        { id: 'c', potentialLoss: 400_000_00, pd: 0.1, sectorWeights: [1] },
      ],
      sectorVariances: [book.sectorVariance],
      lossUnit: book.lossUnitMinor,
    },
    {},
  );
  assert.ok(direct.ok);
  assert.deepEqual(
    book.quantiles.map((q) => q.lossMinor),
    direct.value.quantiles.map((q) => 240_000_00 + q.loss),
  );
  // 95 %: neither defaults often enough; 99.9 %: both lost (c twice is as likely as a once here).
  assert.ok(book.quantiles.every((q) => q.lossMinor >= book.certainLossMinor));
  assert.equal(book.standardDeviationMinor, Math.round(direct.value.standardDeviation));
  // c (PD 10 %) drives more of the spread than a (PD 1.2 %) despite its smaller exposure.
  assert.deepEqual(
    book.contributions.map((c) => c.customerId),
    ['c', 'a'],
  );
  const spread = book.contributions.reduce((sum, c) => sum + c.standardDeviationMinor, 0);
  assert.ok(Math.abs(spread - book.standardDeviationMinor) <= 2);
});

test('exposures in two currencies are refused; a tiny loss unit is widened until the quantiles fit', () => {
  const usd = deriveRiskState(customer('u', 100_00, 0.1), DEFAULT_RISK_STATE_SETTINGS);
  const mixed = bookLossDistribution([
    deriveRiskState(customer('a', 100_00, 0.1), DEFAULT_RISK_STATE_SETTINGS),
    { ...usd, exposure: { ...usd.exposure, currency: 'USD' } },
  ]);
  assert.equal(!mixed.ok && mixed.error.code, 'CRP_MIXED_CURRENCIES');
  const many = Array.from({ length: 300 }, (_, i) =>
    deriveRiskState(customer(`c${i}`, 1_000_00 * (1 + (i % 50)), 0.2), DEFAULT_RISK_STATE_SETTINGS),
  );
  const small = { ...DEFAULT_BOOK_LOSS_SETTINGS, maxUnits: 300 };
  const r = bookLossDistribution(many, small);
  assert.ok(r.ok);
  // The largest potential loss is 40,000 yuan: 400 yuan a unit, rounded up to 500. 300 customers at
  // PD 20 % lose about 1.2m yuan a year, past 300 such units: the unit doubles until it fits.
  assert.ok(r.value.lossUnitMinor > 500_00);
  assert.ok((r.value.quantiles.at(-1)?.lossMinor ?? 0) > 300 * 500_00);
  const fixed = bookLossDistribution(many, { ...small, lossUnitMinor: 500_00 });
  assert.equal(!fixed.ok && fixed.error.code, 'CRP_LOSS_UNIT_TOO_SMALL');
});
