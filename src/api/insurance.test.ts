import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, login, type Running, seedOrganisation, startDemoApi } from './test-support.js';

describeEachDialect('API trade credit insurance', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('cover: one row per open invoice, covered or not with reasons in words; the insolvent buyer has no limit', async () => {
    const en = await owner.call('GET', '/api/v1/insurance/cover?asOf=2026-03-31', undefined, {
      'accept-language': 'en',
    });
    assert.equal(en.status, 200, en.text);
    type Body = {
      invoices: { customerId: string; covered: boolean; reasons: { code: string; message: string }[] }[];
      buyers: { customerId: string; ownRiskMinor: number }[];
      totals: { openMinor: number; insuredMinor: number };
    };
    const body = en.body as Body;
    assert.ok(body.invoices.length > 0);
    const insolvent = body.invoices.filter((i) => i.customerId === 'demo:c-0006');
    assert.ok(insolvent.length > 0 && insolvent.every((i) => !i.covered));
    assert.equal(
      insolvent[0]?.reasons[0]?.message,
      'no insurer or discretionary limit for this buyer on the delivery date',
    );
    for (const i of body.invoices)
      for (const r of i.reasons) assert.ok(r.message && !/INS_|\{\{/.test(r.message), `${r.code}: ${r.message}`);
    const zh = await owner.call('GET', '/api/v1/insurance/cover?asOf=2026-03-31');
    const zhBody = zh.body as Body;
    const said = zhBody.invoices.find((i) => i.customerId === 'demo:c-0006')?.reasons[0]?.message ?? '';
    assert.ok(/限额/.test(said), said);
  });

  test('deadlines and value answer with words and the named figures', async () => {
    const d = await owner.call('GET', '/api/v1/insurance/deadlines?asOf=2026-03-31', undefined, {
      'accept-language': 'en',
    });
    assert.equal(d.status, 200, d.text);
    const deadlines = (d.body as { deadlines: { kind: string; kindText: string }[] }).deadlines;
    assert.ok(deadlines.some((x) => x.kind === 'overdue_notification' && x.kindText === 'overdue notification'));
    const v = await owner.call('GET', '/api/v1/insurance/value?asOf=2026-03-31');
    assert.equal(v.status, 200, v.text);
    const value = v.body as Record<string, number>;
    for (const k of [
      'expectedLossWith',
      'expectedLossWithout',
      'lossAt99With',
      'lossAt99Without',
      'premium',
      'breakEven',
    ])
      assert.equal(typeof value[k], 'number', k);
    assert.ok((value.expectedLossWith ?? 0) <= (value.expectedLossWithout ?? 0));
  });

  test('an organisation without a policy: 404 INS_NO_POLICY', async () => {
    await seedOrganisation(db, 'bare', 'Bare Org');
    const other = await login(api.url, 'owner@bare.test', undefined, 'bare');
    const res = await other.call('GET', '/api/v1/insurance/cover?asOf=2026-03-31');
    assert.equal(res.status, 404, res.text);
    assert.equal((res.body as { error: { code: string } }).error.code, 'INS_NO_POLICY');
  });
});
