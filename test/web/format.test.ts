import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatWan } from '../../src/i18n/format.js';
import {
  formatCompact,
  formatDate,
  formatDayMonth,
  formatMoney,
  formatMonth,
  formatPlain,
  formatShare,
} from '../../web/src/format.js';

test('money: symbol, grouping and exact decimals in both languages', () => {
  assert.equal(formatMoney(123_456, 'CNY', 'zh-CN'), '¥1,234.56');
  assert.equal(formatMoney(123_456, 'CNY', 'en'), '¥1,234.56');
  assert.equal(formatMoney(-5, 'CNY', 'en'), '-¥0.05');
  assert.equal(formatMoney(123_456, 'USD', 'en'), 'US$1,234.56');
  assert.equal(formatMoney(123_456, 'CHF', 'en'), 'CHF 1,234.56');
  assert.equal(formatMoney(1_234, 'JPY', 'zh-CN'), 'JP¥1,234');
  assert.equal(formatPlain(9_007_199_254_740_991, 'CNY'), '90,071,992,547,409.91', 'no float rounding on large sums');
});

test('万: every CNY amount in Chinese at two decimals of 万; English never', () => {
  assert.equal(formatMoney(1_234_567_00, 'CNY', 'zh-CN', true), '¥123.46万');
  assert.equal(formatMoney(-1_234_567_00, 'CNY', 'zh-CN', true), '-¥123.46万');
  assert.equal(formatMoney(999_999, 'CNY', 'zh-CN', true), '¥1.00万', 'small amounts at the same precision');
  assert.equal(formatMoney(0, 'CNY', 'zh-CN', true), '¥0.00万');
  assert.equal(formatMoney(1_234_567_00, 'CNY', 'en', true), '¥1,234,567.00', 'English never uses 万');
  assert.equal(formatWan(12_345_678_900_00, 'CNY', 'zh-CN'), '1,234,567.89万');
});

test('compact axis labels: 万/亿 in Chinese, K/M/B in English', () => {
  assert.equal(formatCompact(3_500_000, 'zh-CN'), '350万');
  assert.equal(formatCompact(45_000, 'zh-CN'), '4.5万');
  assert.equal(formatCompact(250_000_000, 'zh-CN'), '2.5亿');
  assert.equal(formatCompact(-3_500_000, 'en'), '-3.5M');
  assert.equal(formatCompact(450_000, 'en'), '450K');
  assert.equal(formatCompact(800, 'en'), '800');
});

test('dates per language, never shifted by the time zone', () => {
  assert.equal(formatDate('2026-03-31', 'zh-CN'), '2026年3月31日');
  assert.equal(formatDate('2026-03-31', 'en'), '31 Mar 2026');
  assert.equal(formatDate('2026-01-01', 'en'), '1 Jan 2026');
  assert.equal(formatDayMonth('2026-03-30', 'zh-CN'), '3月30日');
  assert.equal(formatDayMonth('2026-03-30', 'en'), '30 Mar');
  assert.equal(formatMonth('2026-04-30', 'zh-CN'), '2026年4月');
  assert.equal(formatMonth('2026-04-30', 'en'), 'Apr 2026');
});

test('shares', () => {
  assert.equal(formatShare(0.2345), '23.5%');
  assert.equal(formatShare(0), '0.0%');
});
