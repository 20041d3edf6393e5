import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

type Currency = { currency: string; rate: number; amounts: { forwardsMinor: number } };

// A put on USD 10,000 struck far above any demo rate: in the money, it sells the USD at expiry.
const OPTION = {
  tradeOn: '2026-03-02',
  expiresOn: '2026-06-30',
  type: 'put',
  currency: 'USD',
  notionalMinor: 10_000_00,
  counterCurrency: 'CNY',
  strike: 9.5,
  premiumMinor: 1_000_00,
  counterparty: 'Bank of China',
};

describeEachDialect('API FX options', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 3));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const usd = async (): Promise<Currency> => {
    const res = await owner.call('GET', '/api/v1/reports/fx?asOf=2026-03-31');
    assert.equal(res.status, 200, res.text);
    const c = (res.body as { exposure: { currencies: Currency[] } }).exposure.currencies.find(
      (x) => x.currency === 'USD',
    );
    assert.ok(c);
    return c;
  };

  test('an option goes through the write rule, then counts in the exposure when in the money', async () => {
    const backwards = await owner.call('POST', '/api/v1/fx-options', { ...OPTION, expiresOn: '2026-03-01' });
    assert.equal(backwards.status, 400, backwards.text);
    assert.equal(errorCode(backwards), 'END_BEFORE_START');
    const negative = await owner.call('POST', '/api/v1/fx-options', { ...OPTION, premiumMinor: -1 });
    assert.equal(negative.status, 400, negative.text);
    const before = await usd();
    const created = await owner.call('POST', '/api/v1/fx-options', OPTION);
    assert.equal(created.status, 201, created.text);
    const after = await usd();
    assert.ok(after.rate < OPTION.strike);
    assert.equal(after.amounts.forwardsMinor - before.amounts.forwardsMinor, -10_000_00);
    const list = await owner.call('GET', '/api/v1/fx-options');
    assert.equal(list.status, 200, list.text);
  });
});
