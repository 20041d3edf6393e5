import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type DistressModels, loadShippedModels } from './model-file.js';
import { scoreFinancialsFile } from './score-financials.js';

let models: DistressModels;
let dir: string;

before(async () => {
  const loaded = await loadShippedModels();
  assert.ok(loaded.ok);
  models = loaded.value;
  dir = await mkdtemp(join(tmpdir(), 'financials-'));
});

async function score(name: string, text: string) {
  const path = join(dir, name);
  await writeFile(path, text);
  return { path, result: await scoreFinancialsFile(path, models) };
}

const HEADER =
  'id,period_end,revenue,ebit,net_income,total_assets,current_assets,current_liabilities,total_liabilities,retained_earnings,equity,inventory,receivables,cash,market_value_equity';
const GOOD = '2024-12-31,5000,600,450,4000,2200,900,1400,1500,2600,500,700,600,';
const BAD = '2024-12-31,1200,-90,-130,1000,300,700,1100,-400,-100,120,100,20,';

const arff = (rows: readonly string[]): string => {
  const attrs = Array.from({ length: 64 }, (_, k) => `@attribute Attr${k + 1} numeric`);
  return ['@relation t', ...attrs, '@attribute class {0,1}', '@data', ...rows].join('\n');
};
/** A plausible Polish row: every ratio 0.1·(k mod 7 + 1), with Attr2 (liabilities) set. */
const polishRow = (liabilities: number) =>
  Array.from({ length: 64 }, (_, k) => (k === 1 ? liabilities : 0.1 * ((k % 7) + 1))).join(',');

describe('scoreFinancialsFile: layouts', () => {
  it('scores a raw-items CSV with the statement-items model', async () => {
    const { result } = await score('raw.csv', `${HEADER}\nc1,${GOOD}\nc2,${BAD}\n`);
    assert.ok(result.ok && result.value.layout === 'statement-items');
    assert.deepEqual(
      result.value.predictions.map((p) => [p.id, p.model]),
      [
        ['c1', 'distress-items-v2'],
        ['c2', 'distress-items-v2'],
      ],
    );
    assert.deepEqual(result.value.absentColumns, []);
  });

  it('keeps the id column of a Polish ratio CSV', async () => {
    const attrs = Array.from({ length: 64 }, (_, k) => `Attr${k + 1}`).join(',');
    const { result } = await score('ratios.csv', `id,${attrs},class\nfirm-7,${polishRow(0.4)},0\n`);
    assert.ok(result.ok && result.value.layout === 'polish-ratios');
    assert.deepEqual(
      result.value.predictions.map((p) => [p.id, p.model]),
      [['firm-7', 'distress-ratios-v2']],
    );
  });

  it('scores a Polish row with most ratios missing from its statement items instead, and says why', async () => {
    const sparse = Array.from({ length: 64 }, (_, k) => ([1, 2, 3, 6, 7, 9, 10, 46, 51].includes(k + 1) ? '0.2' : '?'));
    const { result } = await score('sparse.arff', arff([`${sparse.join(',')},?`, `${polishRow(0.4)},?`]));
    assert.ok(result.ok);
    const [first, second] = result.value.predictions;
    assert.equal(first?.model, 'distress-items-v2');
    assert.equal(first?.reasons[0]?.code, 'DISTRESS_MODEL_NOT_APPLICABLE');
    assert.equal(second?.model, 'distress-ratios-v2');
  });

  it('reads a raw CSV without some item columns as those items not given, and names them', async () => {
    const { result } = await score('short.csv', 'id,total_assets,total_liabilities,ebit\nx,100,60,5\n');
    assert.ok(result.ok);
    assert.ok(result.value.absentColumns.includes('retained_earnings'));
    assert.ok(result.value.predictions[0]?.reasons.some((r) => r.code === 'DISTRESS_ITEMS_MISSING'));
  });

  it('names file, row and field of a bad raw cell, and a header without total_assets', async () => {
    const bad = await score('bad.csv', `${HEADER}\nc1,${GOOD}\nc2,${GOOD.replace('5000', '5OOO')}\n`);
    assert.ok(!bad.result.ok);
    assert.deepEqual({ ...bad.result.error.details }, { file: bad.path, row: 3, field: 'revenue', value: '5OOO' });
    const { result } = await score('no-ta.csv', 'id,revenue\nx,1\n');
    assert.ok(!result.ok && result.error.code === 'FINANCIALS_MISSING_COLUMN');
    assert.equal(result.error.details.field, 'total_assets');
  });
});

describe('scoreFinancialsFile: outcomes', () => {
  it('scores an ARFF whose class is ? and evaluates nothing', async () => {
    const { result } = await score('unknown.arff', arff([`${polishRow(0.4)},?`, `${polishRow(0.95)},?`]));
    assert.ok(result.ok);
    assert.equal(result.value.predictions.length, 2);
    assert.equal(result.value.evaluation, null);
    assert.ok(result.value.predictions.every((p) => p.outcome === null));
  });

  it('scores a raw CSV with no class column and evaluates nothing', async () => {
    const { result } = await score('nolabel.csv', `${HEADER}\nc1,${GOOD}\n`);
    assert.ok(result.ok && result.value.evaluation === null);
  });

  it('evaluates against the outcomes a file gives, leaving out the unknown ones', async () => {
    const text = `${HEADER},class\ng1,${GOOD},0\nb1,${BAD},1\ng2,${GOOD.replace('600,450', '500,380')},0\nu1,${BAD},?\n`;
    const { result } = await score('labelled.csv', text);
    assert.ok(result.ok);
    const e = result.value.evaluation;
    assert.ok(e !== null);
    assert.equal(e.count, 3);
    assert.equal(e.defaults, 1);
    assert.equal(e.auc, 1);
    assert.equal(result.value.unlabelled, 1);
    assert.deepEqual([e.zPrime.computable, e.zDoublePrime.computable], [3, 3]);
    assert.equal(e.zDoublePrime.auc, 1);
    assert.ok(result.value.predictions.every((p) => p.altmanZDoublePrime !== null));
    assert.ok(Math.abs(e.observedRate - 1 / 3) < 1e-12);
    assert.equal(
      e.calibration.reduce((s, b) => s + b.count, 0),
      3,
    );
  });

  it('evaluates an ARFF with known classes, and gives no AUC when all share one outcome', async () => {
    const both = await score('both.arff', arff([`${polishRow(0.3)},0`, `${polishRow(0.98)},1`]));
    assert.ok(both.result.ok && both.result.value.evaluation?.count === 2);
    const one = await score('one.arff', arff([`${polishRow(0.3)},0`, `${polishRow(0.5)},0`]));
    assert.ok(one.result.ok && Number.isNaN(one.result.value.evaluation?.auc));
  });

  it('refuses an outcome that is not 0, 1, ? or empty, naming the cell', async () => {
    const { path, result } = await score('badclass.csv', `${HEADER},bankrupt\nc1,${GOOD},yes\n`);
    assert.ok(!result.ok && result.error.code === 'FINANCIALS_BAD_CLASS');
    assert.deepEqual({ ...result.error.details }, { file: path, row: 2, field: 'bankrupt', value: 'yes' });
  });
});
