import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { loadFxForwards } from '../db/stores/fx.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer } from './index.js';
import { ORG, openWithOrg } from './test-helpers.js';

const HEADER = '合约编号,交易日,交割日,买卖方向,币种,金额,对应币种,合约汇率,交易银行';
const base = { orgId: ORG, kind: 'fx-forwards', fileName: 'forwards.csv', locale: 'en' } as const;

describeEachDialect('import fx-forwards: the records API’s write rule, per row', (open) => {
  let db: Db;
  before(async () => {
    db = await openWithOrg(open);
  });
  after(async () => {
    await db.close();
  });

  test('a value date before the trade date and a forward against its own currency are refused, row by row', async () => {
    const data = [
      HEADER,
      'F-1,2026-03-02,2026-03-01,远期结汇,USD,"100,000.00",CNY,7.05,中国银行',
      'F-2,2026-03-02,2026-06-30,sell,USD,5000,USD,1,中国银行',
    ].join('\n');
    const r = await importBuffer(db, { ...base, data: Buffer.from(data) });
    assert.equal(r.committed, false);
    assert.deepEqual(
      r.problems.map((p) => [p.row, p.code]),
      [
        [2, 'END_BEFORE_START'],
        [3, 'SAME_CURRENCY'],
      ],
    );
    assert.deepEqual(await loadFxForwards(db, { orgId: ORG, from: '2026-01-01' }), []);
  });

  test('valid forwards are written with Chinese headers and words, and settle from the stored rows', async () => {
    const data = [HEADER, 'F-1,2026-03-02,2026-06-30,远期结汇,USD,"100,000.00",CNY,7.05,中国银行'].join('\n');
    const r = await importBuffer(db, { ...base, data: Buffer.from(data) });
    assert.equal(r.committed, true, JSON.stringify(r.problems));
    assert.equal(r.inserted, 1);
    const stored = await loadFxForwards(db, { orgId: ORG, from: '2026-01-01' });
    assert.deepEqual(
      stored.map((f) => [f.direction, f.currency, f.amountMinor, f.counterCurrency, f.rate, f.valueOn]),
      [['sell', 'USD', 100_000_00, 'CNY', 7.05, '2026-06-30']],
    );
    const again = await importBuffer(db, { ...base, data: Buffer.from(data) });
    assert.equal(again.unchanged, 1);
  });
});
