import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth, formatAmount, formatMoney, formatPercent, formatWan, renderTable } from './format.js';

test('amounts are grouped exactly, with the currency decimals', () => {
  assert.equal(formatAmount(123456789, 'CNY'), '1,234,567.89');
  assert.equal(formatAmount(-5, 'CNY'), '-0.05');
  assert.equal(formatAmount(1234567, 'JPY'), '1,234,567');
  assert.equal(formatMoney(100, 'USD'), '1.00 USD');
});

test('万 for large amounts in Chinese only', () => {
  assert.equal(formatWan(1_234_567_00, 'CNY', 'zh-CN'), '123.46万');
  assert.equal(formatWan(9_999_00, 'CNY', 'zh-CN'), '1.00万', 'every amount at the same precision');
  assert.equal(formatWan(10_340_000_00, 'CNY', 'zh-CN'), '1,034.00万');
  assert.equal(formatWan(36_822_000_00, 'CNY', 'zh-CN'), '3,682.20万');
  assert.equal(formatWan(0, 'CNY', 'zh-CN'), '0.00万');
  assert.equal(formatWan(-50_00, 'CNY', 'zh-CN'), '0.00万', 'a rounded zero has no sign');
  assert.equal(formatWan(1_234_567_00, 'CNY', 'en'), '1,234,567.00');
  assert.equal(formatPercent(0.2345), '23.5%');
});

test('tables align Chinese text by display width', () => {
  assert.equal(displayWidth('华东a'), 5);
  const t = renderTable(
    [
      ['客户', 'AR'],
      ['Acme', '1.00'],
    ],
    [1],
  );
  assert.equal(t, '客户    AR\nAcme  1.00');
});

test('a character from U+1100 on is measured as one or two columns; narrower text by its length', () => {
  assert.equal(displayWidth('INV-2026-0001 ¥1,234.50'), 23);
  assert.equal(displayWidth('\u1100'), 2); // the first wide character
  assert.equal(displayWidth('\u10FF'), 1);
  assert.equal(displayWidth('a😀'), 2); // one code point beyond the basic plane, not wide
  assert.equal(displayWidth('ＡＢ'), 4); // full-width forms
});
