import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_DATA_MISSING, sharedDataPath } from '../shared-data.js';
import { backtestJson, backtestReceiptsFromFile } from './backtest.js';

const IBM = sharedDataPath('ibm-accounts-receivable/invoices.csv');
const skip = IBM === null && SHARED_DATA_MISSING;

test('IBM sample: 4-week-ahead receipts WAPE is at most 0.7 × the due-date placement’s', { skip }, async () => {
  const r = await backtestReceiptsFromFile(IBM ?? '');
  assert.ok(r.ok, r.ok ? '' : r.error.code);
  assert.ok(r.value.cutoffs >= 70, `${r.value.cutoffs} weekly cut-offs`);
  const h4 = r.value.horizons[3];
  assert.ok(h4?.wape !== null && h4?.wapeDueDate != null && h4?.wape !== undefined);
  assert.ok(h4.wape <= 0.7 * h4.wapeDueDate, `4 weeks: ${h4.wape} vs due date ${h4.wapeDueDate}`);
  // The first weeks are where a treasurer acts: CashGuard must beat the due date there too.
  for (const h of r.value.horizons.slice(0, 5)) assert.ok((h.wape ?? 1) < (h.wapeDueDate ?? 0), `week ${h.weeks}`);
  const json = backtestJson(r.value);
  assert.deepEqual(Object.keys(json), ['horizons']);
  assert.deepEqual(
    json.horizons.map((h) => h.weeks),
    Array.from({ length: 13 }, (_, i) => i + 1),
  );
  assert.deepEqual(Object.keys(json.horizons[0] ?? {}), ['weeks', 'wape', 'wapeDueDate']);
});

test('IBM sample: spreading each invoice over its likely dates beats the single median in weeks 1–4', {
  skip,
}, async () => {
  const spread = await backtestReceiptsFromFile(IBM ?? '', 13, 5);
  const median = await backtestReceiptsFromFile(IBM ?? '', 13, 1);
  assert.ok(spread.ok && median.ok);
  for (let w = 0; w < 4; w++) {
    const a = spread.value.horizons[w]?.wape;
    const b = median.value.horizons[w]?.wape;
    assert.ok(typeof a === 'number' && typeof b === 'number', `week ${w + 1} is scored`);
    assert.ok(a < b, `week ${w + 1}: spread ${a} vs median ${b}`);
  }
  // The default is the spread: the forecast and its back-test place receipts the same way.
  const byDefault = await backtestReceiptsFromFile(IBM ?? '');
  assert.ok(byDefault.ok);
  assert.deepEqual(backtestJson(byDefault.value), backtestJson(spread.value));
});

test('a missing file is a domain error, not a crash', async () => {
  const r = await backtestReceiptsFromFile('/nonexistent/history.csv');
  assert.equal(r.ok ? '' : r.error.code, 'HISTORY_FILE_NOT_FOUND');
});
