import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../web/src/i18n/en.js';
import { detectLocale, lineText, reasonText, translator } from '../../web/src/i18n/index.js';
import { zhCN } from '../../web/src/i18n/zh-CN.js';

test('both languages define the same texts, none empty', () => {
  assert.deepEqual(Object.keys(zhCN).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(zhCN)) assert.ok(v.trim(), `zh-CN ${k} is empty`);
});

test('the language follows the stored choice, then the browser; Chinese by default', () => {
  assert.equal(detectLocale('en', ['zh-CN']), 'en');
  assert.equal(detectLocale(null, ['en-US', 'zh-CN']), 'en');
  assert.equal(detectLocale(null, ['zh-TW']), 'zh-CN');
  assert.equal(detectLocale(null, ['fr-FR']), 'zh-CN');
  assert.equal(detectLocale('xx', []), 'zh-CN');
});

test('forecast reason codes read as words, composed codes included; an unknown code never shows', () => {
  const t = translator('en');
  assert.equal(reasonText(t, 'BILL_DUE_DATE'), 'Paid on the due date');
  assert.equal(
    reasonText(t, 'PLACED_P50_CUSTOMER_HISTORY'),
    "Typical payment date (median) · from the customer's own payment history",
  );
  assert.equal(
    reasonText(translator('zh-CN'), 'PLACED_P90_PORTFOLIO_HISTORY'),
    '较晚估计（P90） · 依据全部客户的付款记录（自身记录较少）',
  );
  assert.equal(reasonText(t, 'SOMETHING_NEW'), 'Placed by the forecast model');
  assert.equal(reasonText(translator('zh-CN'), 'SOMETHING_NEW'), '由预测模型安排');
  assert.equal(lineText(translator('zh-CN'), 'payroll'), '工资');
  assert.equal(lineText(t, 'custom_category'), 'custom_category');
});

test('a reason with data reads with its dates and shares, and a risk adjustment says by how much', () => {
  assert.equal(
    reasonText(translator('zh-CN'), 'INSOLVENCY_RECOVERY', { since: '2026-11-15', on: '2028-05-08', share: 20 }),
    '破产程序中（2026-11-15）：预计 2028-05-08 收回 20 %',
  );
  assert.equal(
    reasonText(translator('en'), 'PLACED_P50_CUSTOMER_HISTORY', { pd: 2.4, lgd: 80, expectedPct: 99.7 }),
    "Typical payment date (median) · from the customer's own payment history · 99.7 % expected after credit risk (PD 2.4 %, loss given default 80 %)",
  );
  assert.equal(
    reasonText(translator('zh-CN'), 'NEW_SALES_STOPPED', { status: 'hold' }),
    '不预计新增销售：客户停止供货中',
  );
});

test('a receipt spread over its likely dates says how much of it falls in this week or month', () => {
  const data = { parts: 5, partPct: 40, period: 'week' };
  assert.equal(
    reasonText(translator('zh-CN'), 'PLACED_SPREAD_CUSTOMER_HISTORY', data),
    '按各可能付款日分摊 · 依据该客户自身的付款记录 · 分 5 个可能日期回款，本周占 40 %',
  );
  assert.equal(
    reasonText(translator('en'), 'PLACED_SPREAD_PLUS_SLIP_PORTFOLIO_HISTORY', {
      ...data,
      period: 'month',
      partPct: 60,
    }),
    'Spread over its likely payment dates plus slippage · from the whole customer book (little own history) · spread over 5 likely dates, 60 % in this month',
  );
  // The customer page: one row per invoice, dated on its middle part.
  assert.equal(
    reasonText(translator('en'), 'PLACED_SPREAD_CUSTOMER_HISTORY', { parts: 5 }),
    "Spread over its likely payment dates · from the customer's own payment history · 5 likely dates; this is the middle one",
  );
});

test('interpolation in both languages', () => {
  assert.equal(translator('en')('overview.runwayWeeks', { weeks: 7 }), 'about 7 weeks');
  assert.equal(translator('zh-CN')('import.problems', { count: 2 }), '2 个问题——修正之前无法导入');
});
