import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSplit } from './split.js';

test('a split is read to the fen and may not pass the payment', () => {
  // 1,200.00 paid: 600.00 + 600.00 fits exactly; one fen more does not.
  assert.deepEqual(
    checkSplit(120000, 'CNY', [
      { number: 'WX-7', amount: '600.00' },
      { number: ' WX-8 ', amount: '600' },
      { number: '', amount: '' },
    ]),
    {
      ok: true,
      allocations: [
        { number: 'WX-7', amountMinor: 60000 },
        { number: 'WX-8', amountMinor: 60000 },
      ],
      totalMinor: 120000,
    },
  );
  assert.deepEqual(
    checkSplit(120000, 'CNY', [
      { number: 'WX-7', amount: '600.00' },
      { number: 'WX-8', amount: '600.01' },
    ]),
    { ok: false, code: 'MATCH_SPLIT_OVER', row: 0, value: '1200.01', expected: '1200.00' },
  );
  // Less than paid is allowed: the rest of the payment stays unallocated.
  assert.equal(checkSplit(120000, 'CNY', [{ number: 'WX-7', amount: '1,000.50' }]).ok, true);
});

test('a split names the row that is wrong', () => {
  assert.deepEqual(checkSplit(100, 'CNY', [{ number: 'A', amount: '0.001' }]), {
    ok: false,
    code: 'MATCH_SPLIT_AMOUNT',
    row: 1,
    value: '0.001',
  });
  assert.deepEqual(checkSplit(100, 'CNY', [{ number: 'A', amount: '0' }]).ok, false);
  assert.deepEqual(
    checkSplit(100, 'CNY', [
      { number: 'A', amount: '0.10' },
      { number: 'A', amount: '0.20' },
    ]),
    { ok: false, code: 'MATCH_SPLIT_NUMBER', row: 2, value: 'A' },
  );
  assert.deepEqual(checkSplit(100, 'CNY', [{ number: '', amount: '0.10' }]), {
    ok: false,
    code: 'MATCH_SPLIT_NUMBER',
    row: 1,
    value: '',
  });
  assert.deepEqual(checkSplit(100, 'CNY', []), { ok: false, code: 'MATCH_SPLIT_EMPTY', row: 0 });
  // JPY has no decimals: 1.5 yen is no amount.
  assert.equal(checkSplit(1000, 'JPY', [{ number: 'A', amount: '1.5' }]).ok, false);
});
