import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RecordedInsurer } from '../app/insurance/connector/test-support.js';
import { insertRows } from '../db/bulk.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startDemoApi } from './test-support.js';

describeEachDialect('API insurer sync and eligible-receivables pack', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  const insurer = new RecordedInsurer();
  before(async () => {
    db = await open();
    await insurer.start();
    ({ api, owner } = await startDemoApi(db, 1));
  });
  after(async () => {
    await api.close();
    await insurer.stop();
    await db.close();
  });

  test('eligible pack: JSON with reasons in words, and the workbook as a download with the same invoices', async () => {
    const json = await owner.call('GET', '/api/v1/insurance/eligible?asOf=2026-03-31', undefined, {
      'accept-language': 'en',
    });
    assert.equal(json.status, 200, json.text);
    const body = json.body as {
      eligible: { number: string; openMinor: number; insuredMinor: number; currency: string }[];
      excluded: { reasons: string[]; reasonTexts: string[] }[];
      totals: { currency: string; count: number; openMinor: number; insuredMinor: number }[];
    };
    assert.ok(body.eligible.length > 0 && body.excluded.length > 0);
    const notInsured = body.excluded.find((x) => x.reasons.includes('ELIG_NOT_INSURED'));
    assert.ok(notInsured?.reasonTexts.includes('not insured under the policy'));
    for (const t of body.totals) {
      const own = body.eligible.filter((l) => l.currency === t.currency);
      assert.equal(t.count, own.length);
      assert.equal(
        t.insuredMinor,
        own.reduce((s, l) => s + l.insuredMinor, 0),
      );
    }

    const res = await fetch(`${api.url}/api/v1/insurance/eligible.xlsx?asOf=2026-03-31`, {
      headers: { cookie: owner.cookie, 'accept-language': 'en' },
    });
    assert.equal(res.status, 200);
    assert.equal(
      res.headers.get('content-disposition'),
      'attachment; filename="cashguard-eligible-receivables-2026-03-31.xlsx"',
    );
    const { Workbook } = (await import('exceljs')).default;
    const wb = new Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const numbers: unknown[] = [];
    wb.worksheets[0]?.eachRow((r, n) => {
      if (n > 1) numbers.push(r.getCell(3).value);
    });
    assert.deepEqual(
      numbers,
      body.eligible.map((l) => l.number),
    );
  });

  test('sync: writing roles only; not set up is 409; the key is never shown; decisions written once', async () => {
    await seedOrganisation(db, 'ins', 'Ins Org');
    await insertRows(db, 'customers', [
      { org_id: 'ins', id: 'ins:c1', code: 'C1', name: '甲', registration_no: '91310000MA1FL0001X' },
      { org_id: 'ins', id: 'ins:c2', code: 'C2', name: '乙', registration_no: null },
    ]);
    await insertRows(db, 'insurance_policies', [
      {
        org_id: 'ins',
        id: 'ins:p1',
        insurer: 'Allianz Trade',
        policy_number: 'AT-INS-1',
        currency: 'CNY',
        starts_on: '2026-01-01',
        ends_on: '2026-12-31',
        terms: '{}',
        loss_payee: null,
        loss_payee_type: null,
        financed_share: null,
      },
    ]);
    const insOwner = await login(api.url, 'owner@ins.test', undefined, 'ins');
    const viewer = await login(api.url, 'viewer@ins.test', undefined, 'ins');
    const controller = await login(api.url, 'credit_controller@ins.test', undefined, 'ins');

    const unset = await insOwner.call('POST', '/api/v1/insurance/sync?asOf=2026-03-31');
    assert.equal(unset.status, 409, unset.text);
    assert.equal(errorCode(unset), 'INS_CONNECTOR_NOT_SET');

    const patch = await insOwner.call('PATCH', '/api/v1/organisation', {
      settings: {
        'insurance.connector': {
          provider: 'allianz-trade',
          baseUrl: insurer.url,
          policyId: 'POL-500123',
          apiKey: 'AK-api-test-secret',
          buyers: { 'AT-2002': 'C2' },
        },
      },
    });
    assert.equal(patch.status, 200, patch.text);
    assert.ok(!patch.text.includes('AK-api-test-secret'));
    const read = await insOwner.call('GET', '/api/v1/organisation');
    assert.ok(!read.text.includes('AK-api-test-secret') && read.text.includes('********'));

    const denied = await viewer.call('POST', '/api/v1/insurance/sync?asOf=2026-03-31');
    assert.equal(denied.status, 403, denied.text);

    const dry = await controller.call('POST', '/api/v1/insurance/sync?asOf=2026-03-31&dryRun=true');
    assert.equal(dry.status, 200, dry.text);
    assert.deepEqual((dry.body as { counts: unknown }).counts, { inserted: 2, updated: 0, unchanged: 0 });
    const done = await controller.call('POST', '/api/v1/insurance/sync?asOf=2026-03-31');
    assert.equal(done.status, 200, done.text);
    const r = done.body as { counts: unknown; unmatched: { buyerId: string }[] };
    assert.deepEqual(r.counts, { inserted: 2, updated: 0, unchanged: 0 });
    assert.deepEqual(
      r.unmatched.map((u) => u.buyerId),
      ['AT-3003', 'AT-4004', 'AT-9999'],
    );
    const again = await controller.call('POST', '/api/v1/insurance/sync?asOf=2026-03-31');
    assert.deepEqual((again.body as { counts: unknown }).counts, { inserted: 0, updated: 0, unchanged: 2 });
    // The buyer limits now in force show in the cover report.
    const cover = await controller.call('GET', '/api/v1/insurance/cover?asOf=2026-03-31');
    assert.equal(cover.status, 200, cover.text);
    const buyers = (cover.body as { buyers: { code: string; limitMinor: number }[] }).buyers;
    assert.equal(buyers.find((b) => b.code === 'C1')?.limitMinor, 50_000_000);
  });
});
