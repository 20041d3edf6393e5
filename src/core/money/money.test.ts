import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  add,
  convert,
  currencyCodes,
  FxTable,
  formatMinor,
  MoneyError,
  money,
  multiply,
  parseMinor,
  roundWith,
  subtract,
  sum,
} from './index.js';

test('money refuses unknown currencies and unsafe amounts', () => {
  assert.throws(() => money(1, 'RMB'), MoneyError);
  assert.throws(() => money(0.5, 'CNY'), MoneyError);
  assert.throws(() => money(2 ** 53, 'CNY'), MoneyError);
});

test('property: money never mixes currencies', () => {
  const codes = currencyCodes();
  fc.assert(
    fc.property(fc.constantFrom(...codes), fc.constantFrom(...codes), fc.integer(), fc.integer(), (c1, c2, a, b) => {
      const x = money(a, c1);
      const y = money(b, c2);
      if (c1 === c2) {
        assert.equal(add(x, y).amountMinor, a + b);
        assert.equal(subtract(x, y).amountMinor, a - b);
      } else {
        assert.throws(() => add(x, y), MoneyError);
        assert.throws(() => subtract(x, y), MoneyError);
        assert.throws(() => sum([x, y], c1), MoneyError);
      }
    }),
  );
});

test('rounding modes on exact halves and float noise', () => {
  assert.equal(roundWith(2.5, 'halfEven'), 2);
  assert.equal(roundWith(3.5, 'halfEven'), 4);
  assert.equal(roundWith(-2.5, 'halfEven'), -2);
  assert.equal(roundWith(2.5, 'halfUp'), 3);
  assert.equal(roundWith(-2.5, 'halfUp'), -3);
  assert.equal(roundWith(2.5, 'halfDown'), 2);
  assert.equal(roundWith(2.1, 'up'), 3);
  assert.equal(roundWith(-2.1, 'floor'), -3);
  assert.equal(roundWith(-2.9, 'ceil'), -2);
  // 1.005 * 100 is 100.49999999999999 in floating point; the tie is still seen as a tie.
  assert.equal(roundWith(1.005 * 100, 'halfUp'), 101);
});

test('multiply applies a rate with half-even rounding by default', () => {
  assert.equal(multiply(money(1005, 'CNY'), 0.9).amountMinor, 904); // 904.5 -> 904 (even)
  assert.equal(multiply(money(1005, 'CNY'), 0.9, 'halfUp').amountMinor, 905);
});

test('parseMinor and formatMinor round-trip exactly, with currency decimals', () => {
  assert.equal(parseMinor('1234.56', 'CNY'), 123456);
  assert.equal(parseMinor('-0.5', 'CNY'), -50);
  assert.equal(parseMinor('12.345', 'CNY'), undefined);
  assert.equal(parseMinor('12.3', 'JPY'), undefined);
  assert.equal(parseMinor('1.234', 'KWD'), 1234);
  assert.equal(formatMinor(-5, 'CNY'), '-0.05');
  assert.equal(formatMinor(1200, 'JPY'), '1200');
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (m) => {
      assert.equal(parseMinor(formatMinor(m, 'CNY'), 'CNY'), m);
    }),
  );
});

test('convert respects minor units of both currencies', () => {
  assert.equal(convert(money(10000, 'USD'), 'CNY', 7.1).amountMinor, 71000);
  assert.equal(convert(money(10000, 'USD'), 'JPY', 150).amountMinor, 15000);
  assert.equal(convert(money(100, 'CNY'), 'CNY', 99).amountMinor, 100);
});

test('FxTable answers the latest rate on or before a date, inverted and via a pivot', () => {
  const fx = new FxTable([
    { on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7.0 },
    { on: '2026-02-01', base: 'USD', quote: 'CNY', rate: 7.2 },
    { on: '2026-01-15', base: 'EUR', quote: 'CNY', rate: 8.0 },
  ]);
  assert.equal(fx.rate('USD', 'CNY', '2025-12-31'), undefined);
  assert.equal(fx.rate('USD', 'CNY', '2026-01-31'), 7.0);
  assert.equal(fx.rate('USD', 'CNY', '2026-03-01'), 7.2);
  assert.ok(Math.abs((fx.rate('CNY', 'USD', '2026-03-01') as number) - 1 / 7.2) < 1e-12);
  assert.equal(fx.rate('EUR', 'USD', '2026-03-01'), undefined);
  assert.ok(Math.abs((fx.rate('EUR', 'USD', '2026-03-01', 'CNY') as number) - 8 / 7.2) < 1e-12);
});
