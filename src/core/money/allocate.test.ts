import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allocate, allocateMinor, MoneyError, money } from './index.js';

test('allocate splits 100 fen three ways as 34, 33, 33', () => {
  assert.deepEqual(
    allocate(money(100, 'CNY'), [1, 1, 1]).map((m) => m.amountMinor),
    [34, 33, 33],
  );
});

test('allocate keeps the sign of a negative total', () => {
  assert.deepEqual(allocateMinor(-100, [1, 1, 1]), [-34, -33, -33]);
});

test('allocate gives nothing to a zero ratio', () => {
  assert.deepEqual(allocateMinor(1000, [0, 3, 1]), [0, 750, 250]);
});

test('allocate rejects an empty, negative or all-zero ratio list', () => {
  assert.throws(() => allocateMinor(10, []), MoneyError);
  assert.throws(() => allocateMinor(10, [1, -1]), MoneyError);
  assert.throws(() => allocateMinor(10, [0, 0]), MoneyError);
});

test('property: allocate keeps the total and never lets a part stray more than one unit from its share', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }).filter((r) => r.some((x) => x > 0)),
      (total, ratios) => {
        const parts = allocateMinor(total, ratios);
        assert.equal(
          parts.reduce((a, b) => a + b, 0),
          total,
        );
        const ratioSum = ratios.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          assert.ok(Number.isSafeInteger(p));
          assert.ok(Math.abs(p - (total * (ratios[i] as number)) / ratioSum) < 1 + 1e-6);
        });
      },
    ),
  );
});
