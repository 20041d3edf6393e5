import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, login, type Running, seedOrganisation, startDemoApi, tokenClient } from './test-support.js';

interface ClaimBody {
  id: string;
  number: string;
  status: string;
  statusText: string;
  amountClaimedMinor: number;
  indemnity: { indemnityMinor: number };
  recoverySplit: { toInsurerMinor: number; toInsuredMinor: number };
  documents: { document: string; documentText: string; receivedOn: string | null }[];
}

describeEachDialect('API insurance claims', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let viewer: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
    const token = await owner.call('POST', '/api/v1/tokens', { name: 'viewer', role: 'viewer' });
    viewer = tokenClient(api.url, (token.body as { token: string }).token);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('file, move on and read a claim; figures to the fen; words in the caller language', async () => {
    const filed = await owner.call(
      'POST',
      '/api/v1/insurance/claims',
      { customer: 'KH00008', invoice: '26442000000000000273', claimOn: '2026-03-31', amountClaimedMinor: 10_000_00 },
      { 'accept-language': 'en' },
    );
    assert.equal(filed.status, 201, filed.text);
    const c = filed.body as ClaimBody;
    assert.equal(c.indemnity.indemnityMinor, 9_000_00);
    assert.equal(c.statusText, 'draft');
    assert.equal(c.documents.find((d) => d.document === 'overdue_notice')?.documentText, 'notice of possible loss');
    const move = (body: unknown) => owner.call('PATCH', `/api/v1/insurance/claims/${c.number}`, body);
    assert.equal((await move({ status: 'filed', on: '2026-03-31' })).status, 200);
    const early = await move({ status: 'documents_complete' });
    assert.equal(early.status, 409, early.text);
    const docs = [
      'claim_form',
      'overdue_notice',
      'invoice',
      'delivery_proof',
      'statement_of_account',
      'collection_record',
    ];
    assert.equal((await move({ received: docs, status: 'documents_complete', on: '2026-04-02' })).status, 200);
    assert.equal((await move({ status: 'approved', on: '2026-04-20' })).status, 200);
    assert.equal((await move({ status: 'paid', on: '2026-05-15' })).status, 200);
    const rec = await move({ recoveryAfterMinor: 2_000_00 });
    assert.equal(rec.status, 200, rec.text);
    // 2,000 × 9,000 paid ÷ 10,000 claimed = 1,800 to the insurer.
    assert.deepEqual((rec.body as ClaimBody).recoverySplit, { toInsurerMinor: 1_800_00, toInsuredMinor: 200_00 });
    const zh = await viewer.call('GET', `/api/v1/insurance/claims/${c.id}`);
    assert.equal(zh.status, 200, zh.text);
    assert.equal((zh.body as ClaimBody).statusText, '已赔付');
    const list = await viewer.call('GET', '/api/v1/insurance/claims');
    assert.deepEqual(
      (list.body as { claims: ClaimBody[] }).claims.map((x) => x.number),
      [c.number],
    );
  });

  test('a viewer may read but not file; a bad field is named; another organisation sees nothing', async () => {
    const body = { customer: 'KH00004', claimOn: '2026-03-31', amountClaimedMinor: 1_000_00 };
    assert.equal((await viewer.call('POST', '/api/v1/insurance/claims', body)).status, 403);
    const bad = await owner.call('POST', '/api/v1/insurance/claims', { ...body, claimOn: '2026-02-30' });
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /claimOn/);
    await seedOrganisation(db, 'other', 'Other Co');
    const other = await login(api.url, 'owner@other.test');
    const theirs = await other.call('GET', '/api/v1/insurance/claims');
    // No policy there: nothing to list, and none of demo's claims.
    assert.ok(theirs.status === 404 || (theirs.body as { claims: unknown[] }).claims.length === 0, theirs.text);
    const mine = await owner.call('GET', '/api/v1/insurance/claims');
    const id = (mine.body as { claims: ClaimBody[] }).claims[0]?.id ?? '';
    assert.equal((await other.call('GET', `/api/v1/insurance/claims/${id}`)).status, 404);
    assert.equal((await other.call('PATCH', `/api/v1/insurance/claims/${id}`, { note: 'x' })).status, 404);
  });
});
