import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeConcentration } from './concentration.js';
import type { ConcentrationView, MetricsReport } from './metrics.js';
import type { MonthlyMetrics } from './monthly-metrics.js';
import { evaluateThresholds } from './thresholds.js';

function month(monthEnd: string, fields: Partial<MonthlyMetrics> & { dsoInUse?: number }): MonthlyMetrics {
  const dso = fields.dsoInUse ?? 50;
  return {
    monthEnd,
    days: 31,
    isComplete: true,
    ...{ arTotal: 0, arCurrent: 0, sales: 0, salesTrailing12: 0, writeOffs: 0, writeOffsTrailing12: 0 },
    dso: { countback: dso, isCountbackExhausted: false, standardMonthly: null, standardTrailing12: null, inUse: dso },
    bpdso: 45,
    add: 5,
    cei: { monthly: 90, trailing12: 90 },
    badDebtRatio: { monthly: null, trailing12: null },
    ...{ ap: 0, dpo: null, dio: null, ccc: null, workingCapital: 100, currentRatio: 1.8, quickRatio: 1.2 },
    ...fields,
  };
}

const spread: ConcentrationView = { ...computeConcentration([]), level: 'none' };

/** A report whose latest balance sheet is the last month's (its ratios), unless told otherwise. */
function report(
  months: MonthlyMetrics[],
  openAr: ConcentrationView = spread,
  liquidity?: MetricsReport['liquidity'],
): MetricsReport {
  const last = months[months.length - 1];
  return {
    asOf: last?.monthEnd ?? '2026-03-31',
    baseCurrency: 'CNY',
    dsoMethod: 'countback',
    months,
    salesTrailing12: { from: '2025-04-01', to: '2026-03-31', totalMinor: 0 },
    liquidity:
      liquidity !== undefined
        ? liquidity
        : last && last.workingCapital !== null
          ? {
              monthEnd: last.monthEnd,
              workingCapital: last.workingCapital,
              currentRatio: last.currentRatio,
              quickRatio: last.quickRatio,
            }
          : null,
    concentration: { openAr, salesTrailing12: spread },
  };
}

const history = ['2025-12-31', '2026-01-31', '2026-02-28'].map((d) => month(d, {}));

test('a healthy month raises nothing', () => {
  assert.deepEqual(evaluateThresholds(report([...history, month('2026-03-31', {})])), []);
});

test('liquidity, ADD and CEI each raise a finding with the numbers that triggered it', () => {
  const march = month('2026-03-31', {
    currentRatio: 1.2,
    quickRatio: 0.8,
    add: 31,
    cei: { monthly: 95, trailing12: 75 },
  });
  assert.deepEqual(evaluateThresholds(report([...history, march])), [
    { code: 'METRIC_CURRENT_RATIO_LOW', level: 'amber', monthEnd: '2026-03-31', value: 1.2, threshold: 1.5 },
    { code: 'METRIC_QUICK_RATIO_LOW', level: 'amber', monthEnd: '2026-03-31', value: 0.8, threshold: 1 },
    { code: 'METRIC_ADD_HIGH', level: 'red', monthEnd: '2026-03-31', value: 31, threshold: 30 },
    {
      code: 'METRIC_CEI_LOW',
      level: 'amber',
      monthEnd: '2026-03-31',
      value: 75,
      threshold: 80,
      ceiBasis: 'trailing12',
    },
  ]);
});

test('a month still running is never alerted on; ratios come from the latest balance sheet before it', () => {
  const march = month('2026-03-31', { add: 5, currentRatio: 1.2, quickRatio: 1.1 });
  const april = {
    ...month('2026-04-08', { add: 40, cei: { monthly: 10, trailing12: 10 } }),
    isComplete: false,
    workingCapital: null,
    currentRatio: null,
    quickRatio: null,
  };
  const liquidity = { monthEnd: '2026-03-31', workingCapital: 100, currentRatio: 1.2, quickRatio: 1.1 };
  assert.deepEqual(evaluateThresholds(report([...history, march, april], spread, liquidity)), [
    { code: 'METRIC_CURRENT_RATIO_LOW', level: 'amber', monthEnd: '2026-03-31', value: 1.2, threshold: 1.5 },
  ]);
});

test('red below 1.0 current ratio; ADD of exactly 10 is not above 10; overrides move the lines', () => {
  const march = month('2026-03-31', { currentRatio: 0.9, add: 10 });
  assert.deepEqual(
    evaluateThresholds(report([march])).map((f) => [f.code, f.level]),
    [['METRIC_CURRENT_RATIO_LOW', 'red']],
  );
  const add12 = month('2026-03-31', { add: 12 });
  assert.equal(evaluateThresholds(report([add12])).length, 1);
  assert.deepEqual(evaluateThresholds(report([add12]), { add: { amber: 15 } }), []);
});

test('DSO up more than 10 % over three months is amber; exactly 10 % is not', () => {
  const up12 = month('2026-03-31', { dsoInUse: 56 });
  assert.deepEqual(evaluateThresholds(report([...history, up12])), [
    { code: 'METRIC_DSO_RISING', level: 'amber', monthEnd: '2026-03-31', value: 56, previous: 50, threshold: 10 },
  ]);
  assert.deepEqual(evaluateThresholds(report([...history, month('2026-03-31', { dsoInUse: 55 })])), []);
  // Not enough history: no trend finding.
  assert.deepEqual(evaluateThresholds(report([up12])), []);
});

test('concentration findings carry the basis and each measure that crossed its line', () => {
  const c = computeConcentration([
    { customerId: 'a', amountMinor: 4_000 },
    ...[1, 2, 3, 4, 5, 6].map((i) => ({ customerId: `b${i}`, amountMinor: 1_000 })),
  ]);
  const findings = evaluateThresholds(report([month('2026-03-31', {})], { ...c, level: 'red' }));
  assert.deepEqual(
    findings.map((f) => [f.code, f.level, f.basis, Math.round(f.value), f.threshold]),
    [
      ['METRIC_HHI_HIGH', 'amber', 'openAr', 2_200, 1_500],
      ['METRIC_TOP1_SHARE_HIGH', 'red', 'openAr', 40, 35],
      ['METRIC_TOP5_SHARE_HIGH', 'amber', 'openAr', 80, 50],
    ],
  );
});
