import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatMinor } from '../core/money/index.js';
import { parseAmount } from './amounts.js';
import { excelSerial, parseDate } from './dates.js';
import { newId } from './ids.js';
import { normaliseRule } from './kinds/rules.js';
import { normaliseHeader, normaliseText } from './text.js';

test('reads the date forms accounting exports use', () => {
  const ok = (text: string, order: 'dmy' | 'mdy' | null = null) => {
    const r = parseDate(text, order);
    return r.ok ? r.date : r.reason === 'ambiguous' ? 'ambiguous' : 'bad';
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
  assert.equal(ok('2026年11月1日'), '2026-11-01');
  assert.equal(ok('2026-02-28T13:45:00Z'), '2026-02-28');
});

test('refuses dates with a reason: signs, times that are not times, serials out of range, mixed separators', () => {
  const why = (text: string) => {
    const r = parseDate(text, null);
    return r.ok ? r.date : r.reason;
  };
  assert.equal(why('-1'), 'syntax');
  assert.equal(why('-45900'), 'syntax');
  assert.equal(why('2026-02-28T25:00:00'), 'time');
  assert.equal(why('2026-02-28 23:60'), 'time');
  assert.equal(why('2026-02-28Tnoon'), 'syntax');
  assert.equal(why('1'), 'syntax');
  assert.equal(why('12345'), 'range');
  assert.equal(why('2025/08-31'), 'syntax');
  assert.equal(why('2025 8 31'), 'syntax');
  assert.equal(excelSerial(-5).ok, false);
  assert.equal(excelSerial(0).ok, false);
  assert.deepEqual(excelSerial(45900.75), { ok: true, date: '2025-08-31' });
});

test('reads amounts into minor units without floating point', () => {
  const minor = (text: string, digits = 2, decimal: '.' | ',' = '.', currency = digits === 0 ? 'JPY' : 'CNY') => {
    const r = parseAmount(normaliseText(text), digits, decimal, currency);
    return r.ok ? r.minor : r.reason === 'decimals' ? 'decimals' : r.reason === 'syntax' ? 'bad' : r.reason;
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
  for (const t of ['abc', '', '.', '1..2', '12-3', '1e5', '5-', '.5', '5.']) assert.equal(minor(t), 'bad', t);
  assert.equal(minor('¥1,234.50'), 123450);
  assert.equal(minor('1 234,50'), 123450);
  assert.equal(minor('1234,5'), 123450);
  assert.equal(minor('-¥5'), -500);
  assert.equal(minor('$100', 2, '.', 'USD'), 10000);
  assert.equal(minor('HK$100', 2, '.', 'HKD'), 10000);
});

test('refuses amounts with a reason: bad groups, two signs, another currency', () => {
  const why = (text: string, currency = 'CNY') => {
    const r = parseAmount(normaliseText(text), 2, '.', currency);
    return r.ok ? r.minor : r.reason;
  };
  assert.equal(why('1,2,3'), 'grouping');
  assert.equal(why('12,34,567'), 'grouping');
  assert.equal(why('1,234,56'), 'grouping');
  assert.equal(why('1,234 567'), 'grouping');
  assert.equal(why('(-5)'), 'double-sign');
  assert.equal(why('--5'), 'double-sign');
  assert.equal(why('$100'), 'currency');
  assert.equal(why('€100'), 'currency');
  assert.equal(why('USD 100'), 'currency');
  assert.equal(why('100 EUR'), 'currency');
  assert.equal(why('¥100', 'USD'), 'currency');
  assert.equal(why('99999999999999999999'), 'range');
});

test('any amount written by formatMinor reads back to the same minor units', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(0, 2, 3), (n, digits) => {
      const currency = digits === 0 ? 'JPY' : digits === 2 ? 'CNY' : 'KWD';
      const r = parseAmount(formatMinor(n, currency), digits, '.', currency);
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
