import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reverseStress } from './reverse.js';
import { runStressBase } from './run-shocks.js';
import { handBuiltCompany } from './testing.js';
import type { StressInput } from './types.js';

function points(stress: StressInput) {
  const base = runStressBase(stress);
  assert.ok(base.ok);
  const r = reverseStress(stress, base.value, []);
  assert.ok(r.ok);
  const find = (driver: string, target: string) => {
    const p = r.value.find((x) => x.driver === driver && x.target === target);
    assert.ok(p, `${driver}/${target}`);
    return p;
  };
  return find;
}

test('a 45-day delay across the book empties the buffer in week 9; no delay empties the cash', () => {
  const find = points(handBuiltCompany());
  // 44 days: 宏达 pays Fri 05-01, inside week 9 (04-27 to 05-03). 45 days lands on Saturday 05-02 and
  // rolls to Monday 05-04: week 9 then closes at 500,000 − 300,000 − 150,000 = 50,000 < 200,000.
  const buffer = find('delay', 'buffer');
  assert.equal(buffer.status, 'breaks');
  assert.equal(buffer.value, 45);
  assert.equal(buffer.period?.index, 8);
  const zero = find('delay', 'zero');
  assert.equal(zero.status, 'holds');
  assert.equal(zero.value, null);
});

test('losing the two largest customers together breaks the buffer; nothing breaks zero', () => {
  const find = points(handBuiltCompany());
  const buffer = find('defaults', 'buffer');
  assert.equal(buffer.status, 'breaks');
  assert.equal(buffer.value, 2);
  assert.deepEqual(
    buffer.customers.map((c) => c.name),
    ['宏达', '远洋'],
  );
  assert.equal(buffer.period?.index, 8);
  assert.equal(find('defaults', 'zero').status, 'holds');
});

test('a forecast already below the buffer says so without searching', () => {
  const stress = handBuiltCompany();
  const low = {
    ...stress,
    forecast: {
      ...stress.forecast,
      openingBalances: [{ accountId: 'a1', name: 'ICBC', currency: 'CNY', on: '2026-03-02', amountMinor: 100_000_00 }],
    },
  };
  const find = points(low);
  assert.equal(find('delay', 'buffer').status, 'already');
  assert.equal(find('delay', 'buffer').period?.index, 0);
  assert.equal(find('sales_drop', 'zero').status, 'holds'); // week 4: 100,000 − 300,000 + 500,000 ≥ 0
});

test('a bigger bill makes cash run out: the delay that empties it is found to the day', () => {
  const stress = handBuiltCompany();
  const bigger = {
    ...stress,
    forecast: {
      ...stress.forecast,
      bills: stress.forecast.bills.map((b) => ({ ...b, openMinor: 600_000_00 })),
    },
  };
  const find = points(bigger);
  // Bill 600,000 on Wed 03-25 against 500,000 cash: negative in week 4 once 宏达 pays after Sun 03-29,
  // i.e. a delay of 10 days (03-28, a Saturday, rolls to Monday 03-30).
  const zero = find('delay', 'zero');
  assert.equal(zero.status, 'breaks');
  assert.equal(zero.value, 10);
  assert.equal(zero.period?.index, 3);
});
