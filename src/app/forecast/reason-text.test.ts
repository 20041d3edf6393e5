import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecastReasonText } from './reason-text.js';

test('a spread receipt reads in both languages: its placement, whose history, its share of this period', () => {
  const ref = { reason: 'PLACED_SPREAD_CUSTOMER_HISTORY', reasonData: { parts: 5, partPct: 40, period: 'week' } };
  assert.equal(
    forecastReasonText(ref, 'zh-CN'),
    '按各可能付款日分摊 · 依据该客户自身的付款记录 · 分 5 个可能日期回款，本周占 40 %',
  );
  assert.equal(
    forecastReasonText(ref, 'en'),
    "Spread over its likely payment dates · from the customer's own payment history · spread over 5 likely dates, 40 % in this week",
  );
  assert.equal(
    forecastReasonText(
      {
        reason: 'PLACED_SPREAD_EARLY_PORTFOLIO_HISTORY',
        reasonData: { parts: 3, partPct: 33.33, period: 'month', pd: 2, lgd: 60, expectedPct: 99.5 },
      },
      'zh-CN',
    ),
    '按各可能付款日分摊，整体提前（不早于 P10） · 依据全部客户的付款记录（自身记录较少） · 分 3 个可能日期回款，本月占 33.33 % · 按信用风险计入 99.5 %（违约概率 2 %，违约损失率 60 %）',
  );
  assert.equal(
    forecastReasonText({ reason: 'PLACED_SPREAD_CUSTOMER_HISTORY', reasonData: { parts: 5 } }, 'zh-CN'),
    '按各可能付款日分摊 · 依据该客户自身的付款记录 · 共 5 个可能日期，此为居中日期',
  );
  // One date: no spread words.
  assert.equal(
    forecastReasonText({ reason: 'PLACED_P50_CUSTOMER_HISTORY', reasonData: {} }, 'en'),
    "Typical payment date (median) · from the customer's own payment history",
  );
});
