import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { inlineRow, workbookWithRows } from '../import/test-xlsx.js';
import { type Client, login, type Running, request, seedOrganisation, startApi } from './test-support.js';

/** A multipart upload of one file, as the browser sends it. */
async function upload(client: Client, base: string, kind: string, name: string, data: Buffer, dryRun = true) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${base}/api/v1/imports?kind=${kind}&dryRun=${dryRun}`, {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/**
 * Polls /health while `work` runs and counts the answers: the server must answer while a file is
 * read (no duration is asserted, only that it answers). Bounded: at most 2,000 polls.
 */
async function healthWhile<T>(base: string, work: Promise<T>): Promise<{ result: T; answered: number }> {
  let done = false;
  let answered = 0;
  const polls = (async () => {
    for (let i = 0; i < 2000 && !done; i++) {
      const res = await request(`${base}/health`, 'GET');
      if (res.status === 200) answered++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await polls;
  return { result, answered };
}

const problems = (body: unknown) =>
  (body as { problems: { code: string; row: number | null }[] }).problems.map((p) => `${p.code}@${p.row}`);

describeEachDialect('API imports: spreadsheet bounds, off the event loop', (open) => {
  let db: Db;
  let api: Running;
  let finance: Client;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db, {
      importLimits: {
        maxRows: 50_000,
        maxColumns: 100,
        maxCells: 1_000_000,
        maxUncompressedBytes: 64 * 1024 * 1024,
        maxSeconds: 60,
      },
    });
    finance = await login(api.url, 'finance@orga.test');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const header = ['number', 'customer_code', 'issued_on', 'amount'];
  const rowBomb = workbookWithRows(
    `${inlineRow(1, header)}<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row>`,
  );

  for (const kind of ['invoices', 'receipts']) {
    test(`a ${rowBomb.length}-byte workbook with row 2,000,000,000 is refused (${kind}) while /health answers`, async () => {
      const { result, answered } = await healthWhile(api.url, upload(finance, api.url, kind, 'bomb.xlsx', rowBomb));
      assert.equal(result.status, 200);
      assert.deepEqual(problems(result.body), ['IMPORT_TOO_MANY_ROWS@2000000000']);
      assert.ok(answered >= 1, 'the server answered /health during the upload');
    });
  }

  test('a cell in column XFD is refused at that cell', async () => {
    const wide = workbookWithRows(
      `${inlineRow(1, header)}<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    const res = await upload(finance, api.url, 'customers', 'wide.xlsx', wide);
    assert.deepEqual(problems(res.body), ['IMPORT_TOO_MANY_COLUMNS@2']);
  });

  test('more rows than the limit are refused while streaming, also in CSV', async () => {
    const lines = ['code,name', ...Array.from({ length: 50_002 }, (_, i) => `K${i},客户${i}`)].join('\n');
    const res = await upload(finance, api.url, 'customers', 'many.csv', Buffer.from(lines));
    assert.deepEqual(
      problems(res.body).map((p) => p.split('@')[0]),
      ['IMPORT_TOO_MANY_ROWS'],
    );
  });

  test('a workbook that unpacks past the limit is refused before it is read', async () => {
    const small = await startApi(db, {
      importLimits: { maxRows: 1000, maxColumns: 100, maxCells: 10_000, maxUncompressedBytes: 4096, maxSeconds: 60 },
    });
    try {
      const client = await login(small.url, 'finance@orga.test');
      const rows = Array.from({ length: 200 }, (_, i) => inlineRow(i + 2, [`C${i}`, '客户名称很长的一家公司'])).join(
        '',
      );
      const res = await upload(
        client,
        small.url,
        'customers',
        'big.xlsx',
        workbookWithRows(inlineRow(1, ['code', 'name']) + rows),
      );
      assert.deepEqual(problems(res.body), ['IMPORT_TOO_LARGE@null']);
    } finally {
      await small.close();
    }
  });

  test('a legitimate workbook imports through the worker, with its dates and amounts', async () => {
    const rows = [inlineRow(1, ['code', 'name', 'terms_days']), inlineRow(2, ['K1', '华东机械', '30'])].join('');
    const res = await upload(finance, api.url, 'customers', 'ok.xlsx', workbookWithRows(rows), false);
    assert.deepEqual([(res.body as { committed: boolean }).committed, problems(res.body)], [true, []]);
  });
});
