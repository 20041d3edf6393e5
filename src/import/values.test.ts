import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatMinor } from '../core/money/index.js';
import { parseAmount } from './amounts.js';
import { parseDate } from './dates.js';
import { newId } from './ids.js';
import { normaliseRule } from './kinds/rules.js';
import { normaliseHeader, normaliseText } from './text.js';

test('reads the date forms accounting exports use', () => {
  const ok = (text: string, order: 'dmy' | 'mdy' | null = null) => {
    const r = parseDate(text, order);
    return r.ok ? r.date : r.ambiguous ? 'ambiguous' : 'bad';
  };
  for (const t of [
    '2025-08-31',
    '2025/8/31',
    '2025.8.31',
    '2025年8月31日',
    '20250831',
    '2025-08-31 00:00:00',
    '45900',
  ]) {
    assert.equal(ok(t), '2025-08-31', t);
  }
  assert.equal(ok('31/08/2025'), '2025-08-31');
  assert.equal(ok('03/04/2025'), 'ambiguous');
  assert.equal(ok('03/04/2025', 'dmy'), '2025-04-03');
  assert.equal(ok('03/04/2025', 'mdy'), '2025-03-04');
  for (const t of ['2025-02-29', '2025-13-01', 'tomorrow', '2025-08', '1850-01-01']) assert.equal(ok(t), 'bad', t);
  assert.equal(ok('2024-02-29'), '2024-02-29');
});

test('reads amounts into minor units without floating point', () => {
  const minor = (text: string, digits = 2, decimal: '.' | ',' = '.') => {
    const r = parseAmount(normaliseText(text), digits, decimal);
    return r.ok ? r.minor : r.tooManyDecimals ? 'decimals' : 'bad';
  };
  assert.equal(minor('1234.56'), 123456);
  assert.equal(minor('1,234.56'), 123456);
  assert.equal(minor('¥1,234.56'), 123456);
  assert.equal(minor('￥1,234.56'), 123456);
  assert.equal(minor('CNY 1,234.56'), 123456);
  assert.equal(minor('1234.56元'), 123456);
  assert.equal(minor('(1,234.56)'), -123456);
  assert.equal(minor('-0.5'), -50);
  assert.equal(minor('１，２３４．５６'), 123456);
  assert.equal(minor('1.234,56', 2, ','), 123456);
  assert.equal(minor('0.1'), 10);
  assert.equal(minor('1.230'), 123);
  assert.equal(minor('1.234'), 'decimals');
  assert.equal(minor('1000', 0), 1000);
  assert.equal(minor('1.234,56'), 'bad');
  for (const t of ['abc', '', '.', '1..2', '12-3', '1e5']) assert.equal(minor(t), 'bad', t);
});

test('any amount written by formatMinor reads back to the same minor units', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(0, 2, 3), (n, digits) => {
      const currency = digits === 0 ? 'JPY' : digits === 2 ? 'CNY' : 'KWD';
      const r = parseAmount(formatMinor(n, currency), digits, '.');
      return r.ok && r.minor === n;
    }),
  );
});

test('normalises headers and full-width text', () => {
  assert.equal(normaliseHeader(' 账期（天） '), '账期天');
  assert.equal(normaliseHeader('Due_Date'), normaliseHeader('due date'));
  assert.equal(normaliseText('ＣＮＹ　'), 'CNY');
  const same = 'plain';
  assert.equal(normaliseText(same), same);
});

test('reads recurring schedules in English and Chinese', () => {
  assert.equal(normaliseRule('每月15日'), 'monthly:15');
  assert.equal(normaliseRule('monthly:last-working-day'), 'monthly:last-working-day');
  assert.equal(normaliseRule('每月最后一个工作日'), 'monthly:last-working-day');
  assert.equal(normaliseRule('每季度5日'), 'quarterly:5');
  assert.equal(normaliseRule('每周五'), 'weekly:5');
  assert.equal(normaliseRule('每年6月30日'), 'yearly:06-30');
  assert.equal(normaliseRule('monthly:32'), null);
  assert.equal(normaliseRule('sometimes'), null);
});

test('new ids are version-7 UUIDs in creation order', () => {
  const ids = Array.from({ length: 2000 }, () => newId());
  assert.ok(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});
