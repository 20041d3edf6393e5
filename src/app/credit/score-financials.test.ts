import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { computeAuc, type DistressModel, scoreDistress } from '../../core/credit/distress/index.js';
import { readArffFile } from '../../import/arff.js';
import { loadModelFile, scoreFinancialsFile } from './score-financials.js';

const DATA = new URL('../../../../shared/data/polish-bankruptcy/', import.meta.url);
let model: DistressModel;
let dir: string;

before(async () => {
  const loaded = await loadModelFile();
  assert.ok(loaded.ok, 'models/distress-v1.json loads');
  model = loaded.value;
  dir = await mkdtemp(join(tmpdir(), 'distress-'));
});

const healthy = {
  revenue: 5_000,
  ebit: 600,
  netIncome: 450,
  totalAssets: 4_000,
  currentAssets: 2_200,
  currentLiabilities: 900,
  totalLiabilities: 1_400,
  retainedEarnings: 1_500,
  bookEquity: 2_600,
  inventory: 500,
  receivables: 700,
  cash: 600,
  marketValueEquity: null,
};
const distressed = {
  ...healthy,
  ebit: -500,
  netIncome: -700,
  retainedEarnings: -1_800,
  bookEquity: -300,
  totalLiabilities: 4_300,
  currentLiabilities: 3_500,
  currentAssets: 900,
};

describe('the shipped distress model', () => {
  it('gives finite PDs in (0, 1) and ranks a distressed firm above a healthy one', () => {
    const good = scoreDistress(model, healthy);
    const bad = scoreDistress(model, distressed);
    for (const s of [good, bad]) assert.ok(s.pd > 0 && s.pd < 1 && Number.isFinite(s.score));
    assert.ok(bad.pd > good.pd);
    assert.ok(bad.reasons.length > 0 && bad.reasons.length <= 3);
    assert.match(bad.reasons[0] ?? '', /^(LOW|HIGH|MISSING)_[A-Z_]+/);
    const allMissing = scoreDistress(model, Object.fromEntries(Object.keys(healthy).map((k) => [k, null])) as never);
    assert.ok(allMissing.pd > 0 && allMissing.pd < 1);
    assert.equal(allMissing.missing.length, 13);
  });

  it('ranks 5year-train with AUC ≥ 0.90 (a drift guard: the shipped model was fitted on these rows)', async () => {
    const path = new URL('5year-train.arff', DATA).pathname;
    const table = await readArffFile(path);
    assert.ok(table.ok);
    const scored = await scoreFinancialsFile(path, model);
    assert.ok(scored.ok);
    assert.ok(
      computeAuc(
        scored.value.map((p) => p.pd),
        table.value.labels ?? [],
      ) >= 0.9,
    );
  });

  it('scores 10,000 companies in under a second', () => {
    for (let i = 0; i < 1_000; i += 1) scoreDistress(model, healthy); // warm the JIT first
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) scoreDistress(model, { ...healthy, ebit: (i % 200) - 100 });
    assert.ok(performance.now() - started < 1_000);
  });
});

describe('scoreFinancialsFile errors', () => {
  it('names file, row and field of a bad raw cell', async () => {
    const path = join(dir, 'bad.csv');
    const header =
      'id,period_end,revenue,ebit,net_income,total_assets,current_assets,current_liabilities,total_liabilities,retained_earnings,equity,inventory,receivables,cash,market_value_equity';
    await writeFile(
      path,
      `${header}\nc1,2024-12-31,100,5,3,200,80,40,120,10,80,,,,\nc2,2024-12-31,1OO,5,3,200,80,40,120,10,80,,,,\n`,
    );
    const r = await scoreFinancialsFile(path, model);
    assert.ok(!r.ok);
    assert.deepEqual({ ...r.error.details }, { file: path, row: 3, field: 'revenue', value: '1OO' });
  });

  it('names the missing columns of a raw CSV', async () => {
    const path = join(dir, 'short.csv');
    await writeFile(path, 'id,revenue\nx,1\n');
    const r = await scoreFinancialsFile(path, model);
    assert.ok(!r.ok && r.error.code === 'FINANCIALS_MISSING_COLUMN');
    assert.match(String(r.error.details.field), /period_end,ebit/);
  });
});
