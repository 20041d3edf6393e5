import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

async function upload(base: string, client: Client, query: string, data: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([data]), fileName);
  const headers = { cookie: client.cookie, 'x-csrf-token': client.csrf };
  const res = await fetch(`${base}/api/v1/bank-statements?${query}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describeEachDialect('API bank statements and cash application', (open) => {
  let db: Db;
  let api: Running;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('upload a statement, list accounts and statements, match, decide a proposal; errors in words', async () => {
    const finance = await login(api.url, 'finance@orga.test');
    await finance.call('POST', '/api/v1/customers', { code: 'C1', name: '杭州甲方科技有限公司' });
    const customers = (await finance.call('GET', '/api/v1/customers')).body as { items: Array<{ id: string }> };
    const customerId = customers.items[0]?.id as string;
    for (const [number, amount] of [
      ['INV-2026-0101', 1_200_000],
      ['INV-2026-0555', 999_900],
    ] as const) {
      const r = await finance.call('POST', '/api/v1/invoices', {
        customerId,
        number,
        issuedOn: '2026-10-01',
        dueOn: '2026-10-31',
        currency: 'CNY',
        amountMinor: amount,
      });
      assert.ok(r.status < 300, JSON.stringify(r.body));
    }
    const csv = await readFile(new URL('../../fixtures/bank-statements/icbc-style.gbk.csv', import.meta.url));
    const dry = await upload(api.url, finance, '', csv, 'icbc.csv');
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(
      ((await finance.call('GET', '/api/v1/bank-accounts')).body as { items: unknown[] }).items.length,
      0,
      'a dry run writes nothing',
    );
    const done = await upload(api.url, finance, 'dryRun=false', csv, 'icbc.csv');
    assert.deepEqual(
      (done.body.statements as Array<{ lines: number; closing: string }>).map((s) => [s.lines, s.closing]),
      [[4, '133985.00']],
    );
    const accounts = (await finance.call('GET', '/api/v1/bank-accounts')).body as { items: Array<{ name: string }> };
    assert.deepEqual(
      accounts.items.map((a) => a.name),
      ['1202020209000012345'],
    );
    assert.equal(((await finance.call('GET', '/api/v1/bank-statements')).body as unknown[]).length, 1);
    const run = (await finance.call('POST', '/api/v1/cash-application/runs?asOf=2026-11-30', {})).body as {
      applied: Array<{ invoices: Array<{ number: string }> }>;
      review: unknown[];
      unmatched: Array<{ proposalId: string | null; side: string; bankReference: string | null }>;
      outgoingLines: number;
    };
    assert.deepEqual(
      run.applied.map((p) => p.invoices.map((i) => i.number)),
      [['INV-2026-0101']],
    );
    assert.deepEqual(
      run.unmatched.map((p) => p.side),
      ['receivable', 'payable', 'payable'],
      '30,000.00 from 苏州乙方 fits no invoice of this book; the fee and the 8,000.00 paid out fit no bill',
    );
    assert.equal(run.outgoingLines, 2);
    const queue = (await finance.call('GET', '/api/v1/cash-application/review')).body as unknown[];
    assert.equal(queue.length, 0);
    const missing = await finance.call('POST', '/api/v1/cash-application/decisions', {
      proposalId: 'nope',
      decision: 'accept',
    });
    assert.equal(missing.status, 404);
    assert.equal(errorCode(missing), 'MATCH_PROPOSAL_NOT_FOUND');
    const bad = await upload(api.url, finance, 'dryRun=false', Buffer.from('hello\n'), 'x.sta');
    assert.equal(bad.status, 400);
    assert.equal((bad.body.error as { code: string }).code, 'BANK_UNKNOWN_FORMAT');
    const viewer = await login(api.url, 'viewer@orga.test');
    assert.equal((await upload(api.url, viewer, '', csv, 'c.csv')).status, 403);
  });
});
