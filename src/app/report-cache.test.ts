import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportCache } from './report-cache.js';

function setup() {
  let t = 0;
  const cache = new ReportCache(() => t, 1000);
  let calls = 0;
  const compute = async () => ++calls;
  return { cache, compute, advance: (ms: number) => (t += ms), calls: () => calls };
}

test('serves a fresh entry without recomputing', async () => {
  const { cache, compute, calls } = setup();
  assert.equal(await cache.get('o1', 'summary', compute), 1);
  assert.equal(await cache.get('o1', 'summary', compute), 1);
  assert.equal(calls(), 1);
});

test('serves a stale entry at once and refreshes it in the background', async () => {
  const { cache, compute, advance, calls } = setup();
  await cache.get('o1', 'summary', compute);
  advance(1500);
  assert.equal(await cache.get('o1', 'summary', compute), 1); // stale value, refresh started
  await new Promise((r) => setImmediate(r));
  assert.equal(calls(), 2);
  assert.equal(await cache.get('o1', 'summary', compute), 2);
});

test('invalidation forces a fresh computation for that organisation only', async () => {
  const { cache, compute, calls } = setup();
  await cache.get('o1', 'a', compute);
  await cache.get('o2', 'a', compute);
  cache.invalidate('o1');
  assert.equal(await cache.get('o1', 'a', compute), 3);
  assert.equal(await cache.get('o2', 'a', compute), 2);
  assert.equal(calls(), 3);
});

test('a refresh that finishes after an invalidation does not bring the old data back', async () => {
  let t = 0;
  const cache = new ReportCache(() => t, 1000);
  let release: (v: string) => void = () => undefined;
  await cache.get('o1', 'k', async () => 'v1');
  t = 2000;
  await cache.get('o1', 'k', () => new Promise<string>((r) => (release = r))); // starts a slow refresh
  cache.invalidate('o1');
  assert.equal(await cache.get('o1', 'k', async () => 'v3'), 'v3');
  release('v2-late');
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.get('o1', 'k', async () => 'v4'), 'v3');
});

test('failures are not cached', async () => {
  const cache = new ReportCache(() => 0, 1000);
  await assert.rejects(cache.get('o1', 'k', async () => Promise.reject(new Error('boom'))));
  assert.equal(await cache.get('o1', 'k', async () => 'ok'), 'ok');
});

test('a slow report stays fresh for twenty times its computing time', async () => {
  let t = 0;
  const cache = new ReportCache(() => t, 1000);
  let calls = 0;
  const slow = async () => {
    t += 500; // takes 500 ms of (fake) time
    return ++calls;
  };
  await cache.get('o1', 'k', slow);
  t += 9_000; // within 20 × 500 ms = 10 s of the value being ready
  assert.equal(await cache.get('o1', 'k', slow), 1);
  await new Promise((r) => setImmediate(r));
  assert.equal(calls, 1);
  t += 2_000;
  await cache.get('o1', 'k', slow);
  await new Promise((r) => setImmediate(r));
  assert.equal(calls, 2);
});

test("a write seen in the organisation's data generation drops its entries, whoever wrote it", async () => {
  let t = 0;
  const generation = new Map([
    ['o1', 1],
    ['o2', 1],
  ]);
  const cache = new ReportCache(
    () => t,
    1000,
    100,
    async (orgId) => generation.get(orgId) ?? 0,
  );
  let calls = 0;
  const compute = async () => ++calls;
  assert.equal(await cache.get('o1', 'k', compute), 1);
  assert.equal(await cache.get('o2', 'k', compute), 2);
  assert.equal(await cache.get('o1', 'k', compute), 1);
  generation.set('o1', 2); // another process wrote o1's data
  t += 10; // still well within the freshness window
  assert.equal(await cache.get('o1', 'k', compute), 3);
  assert.equal(await cache.get('o2', 'k', compute), 2);
  assert.equal(calls, 3);
});
