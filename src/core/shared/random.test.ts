import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createRng } from './random.js';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  test('the same seed gives the same sequence, different seeds differ', () => {
    assert.deepEqual(draw(7, 50), draw(7, 50));
    assert.notDeepEqual(draw(7, 50), draw(8, 50));
    // Neighbouring seeds must not start alike (the state is hashed from the seed).
    const a = draw(1, 5);
    const b = draw(2, 5);
    for (let i = 0; i < 5; i++) assert.ok(Math.abs((a[i] as number) - (b[i] as number)) > 1e-9);
  });

  test('a fork depends on the seed and label only, not on what the parent drew', () => {
    const fresh = createRng(3).fork('c-0001');
    const used = createRng(3);
    for (let i = 0; i < 100; i++) used.next();
    const late = used.fork('c-0001');
    assert.deepEqual(
      Array.from({ length: 10 }, () => fresh.next()),
      Array.from({ length: 10 }, () => late.next()),
    );
    assert.notEqual(createRng(3).fork('a').next(), createRng(3).fork('b').next());
    assert.notEqual(createRng(3).fork('a').next(), createRng(4).fork('a').next());
  });

  test('next stays in [0, 1) and int in its bounds, both included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(50), (seed, min, span) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const x = rng.next();
          assert.ok(x >= 0 && x < 1);
          const k = rng.int(min, min + span);
          assert.ok(Number.isInteger(k) && k >= min && k <= min + span);
        }
      }),
    );
    const rng = createRng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(rng.int(1, 6));
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5, 6]);
    assert.throws(() => rng.int(3, 2), RangeError);
  });

  test('distributions have the expected moments', () => {
    const rng = createRng(2024);
    const n = 20_000;
    let sumU = 0;
    let sumN = 0;
    let sumN2 = 0;
    let hits = 0;
    const logs: number[] = [];
    for (let i = 0; i < n; i++) {
      sumU += rng.next();
      const z = rng.normal(10, 2);
      sumN += z;
      sumN2 += z * z;
      if (rng.bernoulli(0.3)) hits++;
      logs.push(rng.lognormal(Math.log(20), 0.5));
    }
    const meanN = sumN / n;
    assert.ok(Math.abs(sumU / n - 0.5) < 0.01, 'uniform mean');
    assert.ok(Math.abs(meanN - 10) < 0.05, 'normal mean');
    assert.ok(Math.abs(Math.sqrt(sumN2 / n - meanN * meanN) - 2) < 0.05, 'normal sd');
    assert.ok(Math.abs(hits / n - 0.3) < 0.015, 'bernoulli rate');
    logs.sort((x, y) => x - y);
    assert.ok(Math.abs((logs[n / 2] as number) - 20) < 0.6, 'lognormal median');
  });

  test('pick and weightedIndex follow their weights', () => {
    const rng = createRng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 6000; i++) {
      const k = rng.weightedIndex([1, 0, 2]);
      counts[k] = (counts[k] as number) + 1;
    }
    assert.equal(counts[1], 0);
    assert.ok(Math.abs((counts[2] as number) / 6000 - 2 / 3) < 0.03);
    const picks = new Set(Array.from({ length: 100 }, () => rng.pick(['a', 'b', 'c'])));
    assert.equal(picks.size, 3);
    assert.throws(() => rng.pick([]), RangeError);
    assert.throws(() => createRng(1.5), RangeError);
  });
});
