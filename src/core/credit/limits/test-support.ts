import type { LimitInput } from './credit-limit.js';

/** ¥3.65m a year (¥10,000 a day) on 60 days, 10 days late; grade B with a sound balance sheet. */
export function limitInput(extra: Partial<LimitInput> = {}): LimitInput {
  return {
    customerId: 'C1',
    currency: 'CNY',
    grade: 'B',
    annualSalesMinor: 365_000_000,
    termsDays: 60,
    expectedDbtDays: 10,
    financials: {
      bookEquity: 1_000_000_000,
      intangibles: null,
      currentAssets: 1_200_000_000,
      currentLiabilities: 400_000_000,
      revenue: 2_000_000_000,
    },
    insurerCapMinor: null,
    overrides: [],
    externalScore: null,
    isSecured: false,
    ...extra,
  };
}
