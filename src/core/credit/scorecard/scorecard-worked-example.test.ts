import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FinancialStatement } from '../../model/index.js';
import { recommendLimit } from '../limits/credit-limit.js';
import { DEFAULT_LIMIT_SETTINGS } from '../limits/settings.js';
import { scoreCustomer } from './scorecard.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';
import { cleanInput } from './test-support.js';

// The worked example of docs/domain/credit-scoring.md, figure for figure.
const statement: FinancialStatement = {
  customerId: 'C1',
  periodEnd: '2025-12-31',
  currency: 'CNY',
  revenue: 1_500_000_000,
  ebit: 100_000_000,
  netIncome: 75_000_000,
  totalAssets: 1_000_000_000,
  currentAssets: 400_000_000,
  currentLiabilities: 500_000_000,
  totalLiabilities: 500_000_000,
  retainedEarnings: 200_000_000,
  bookEquity: 500_000_000,
  inventory: null,
  receivables: null,
  cash: null,
  marketValueEquity: null,
  source: null,
};

test('worked example: a construction buyer 26 days late, Creditsafe 57, Z″ 1.718, clean legal check → S 55.9, PD 6.8%, grade D', () => {
  const r = scoreCustomer(
    cleanInput({
      industry: 'construction',
      payment: {
        dbtCount: 18,
        weightedDbt: 27,
        shrunkWeightedDbt: 26,
        onTimeShare: 0.3,
        trend: { recentDbt: 27, recentCount: 4, priorDbt: 25, priorCount: 14, change: 2 },
      },
      ratings: [{ customerId: 'C1', agency: 'creditsafe', value: '57', ratedOn: '2026-09-24' }],
      financials: { statement, distress: { score: 40, pd: 0.2, reasons: [] } },
    }),
    '2026-11-25',
    S,
  );
  // 0.35·55 + 0.15·57 + 0.25·32.36 + 0.15·100 + 0.10·50 = 55.89
  assert.deepEqual(
    r.pillars.map((p) => [p.pillar, Math.round(p.score * 100) / 100]),
    [
      ['payment', 55],
      ['external', 57],
      ['financials', 32.36],
      ['legal', 100],
      ['industry', 50],
    ],
  );
  assert.equal(r.score, 55.9);
  assert.equal(r.pd, 0.0679); // 1 / (1 + e^(−1.74 + 0.078·55.89)) = 1 / 14.729
  assert.equal(r.grade, 'D');
  assert.deepEqual(
    r.drivers.map((d) => d.code),
    ['CS_DISTRESS_MODEL', 'CS_PAYS_LATE', 'CS_ALTMAN'], // weight × impact: −10, −8.75, −8.75 (ties keep pillar order)
  );
  // Limit: ¥3.65m a year on 60 days: need ¥10,000 × (60 + 26 + 7) = ¥930,000, headroom ¥1,023,000;
  // grade D capacity min(5%·¥5m, 5%·max(−¥1m, 0), 2%·¥15m) = 0 → capacity binds at 0.
  const l = recommendLimit(
    {
      customerId: 'C1',
      currency: 'CNY',
      grade: 'D',
      annualSalesMinor: 365_000_000,
      termsDays: 60,
      expectedDbtDays: 26,
      financials: {
        bookEquity: 500_000_000,
        intangibles: null,
        currentAssets: 400_000_000,
        currentLiabilities: 500_000_000,
        revenue: 1_500_000_000,
      },
      insurerCapMinor: null,
      overrides: [],
      externalScore: 57,
      isSecured: false,
    },
    DEFAULT_LIMIT_SETTINGS,
  );
  assert.deepEqual(
    [l.needMinor, l.capacityMinor, l.internalMinor, l.recommendedMinor, l.binding],
    [93_000_000, 0, 0, 0, 'capacity'],
  );
});
