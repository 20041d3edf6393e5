import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

type ErrorBody = { error: { code: string; field?: string; message: string } };
const invoice = (customerId: string, number: string) => ({
  customerId,
  number,
  issuedOn: '2026-01-01',
  dueOn: '2026-01-31',
  currency: 'CNY',
  amountMinor: 12_345,
});

describeEachDialect('API input handling', (open) => {
  let db: Db;
  let api: Running;
  let finance: Client;
  let customerId: string;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db);
    finance = await login(api.url, 'finance@orga.test');
    const res = await finance.call('POST', '/api/v1/customers', { code: 'C-1', name: 'Acme' });
    customerId = (res.body as { id: string }).id;
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('malformed JSON, wrong types and unknown fields are clear 400s naming the field', async () => {
    const bad = await finance.call('POST', '/api/v1/customers', '{"code": "x", ');
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'MALFORMED_JSON');
    const wrongType = await finance.call('POST', '/api/v1/invoices', {
      ...invoice(customerId, 'I-1'),
      amountMinor: '12.30',
    });
    assert.equal(wrongType.status, 400);
    assert.deepEqual(
      [errorCode(wrongType), (wrongType.body as ErrorBody).error.field],
      ['VALIDATION_FAILED', 'amountMinor'],
    );
    const unknown = await finance.call(
      'POST',
      '/api/v1/customers',
      { code: 'C-2', name: 'B', colour: 'red' },
      { 'accept-language': 'en' },
    );
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as ErrorBody).error.field, 'colour');
    assert.match((unknown.body as ErrorBody).error.message, /Unknown field "colour"/);
    const nested = await finance.call('POST', '/api/v1/receipts', {
      number: 'R-1',
      receivedOn: '2026-01-05',
      currency: 'CNY',
      amountMinor: 1,
      allocations: [{ invoiceId: 'x', amountMinor: 1, extra: 1 }],
    });
    assert.equal((nested.body as ErrorBody).error.field, 'allocations.0.extra');
    const query = await finance.call('GET', '/api/v1/invoices?colour=red');
    assert.deepEqual([query.status, errorCode(query)], [400, 'UNKNOWN_FIELD']);
    const date = await finance.call('POST', '/api/v1/invoices', { ...invoice(customerId, 'I-1'), dueOn: '2026-02-30' });
    assert.equal((date.body as ErrorBody).error.field, 'dueOn');
  });

  test('bodies over 10 MB are refused with 413', async () => {
    const big = JSON.stringify({ code: 'C-big', name: 'x'.repeat(10 * 1024 * 1024 + 10) });
    const res = await finance.call('POST', '/api/v1/customers', big);
    assert.equal(res.status, 413);
    assert.equal(errorCode(res), 'PAYLOAD_TOO_LARGE');
  });

  test('hostile input never causes a 500', async () => {
    const bodies: unknown[] = [
      null,
      [],
      'text',
      42,
      { code: 'C\u0000', name: 'nul' },
      { code: 'C-3', name: 'n', defaultTermsDays: 1e308 },
      { code: 'C-3', name: 'n', defaultTermsDays: -1 },
      { code: 'C-3', name: 'n', tags: [{}] },
      '{"code":"C-4","name":"n","__proto__":{"x":1}}',
      { ...invoice(customerId, 'I-9'), amountMinor: 2 ** 60 },
      { ...invoice(customerId, 'I-9'), currency: 'XXXX' },
    ];
    for (const body of bodies) {
      // strings go out as raw bodies; the rest as JSON
      const res = await finance.call('POST', '/api/v1/invoices', body);
      assert.ok(
        res.status >= 400 && res.status < 500,
        `${JSON.stringify(body)?.slice(0, 80)} -> ${res.status} ${res.text}`,
      );
      const res2 = await finance.call('POST', '/api/v1/customers', body);
      assert.ok(res2.status >= 400 && res2.status < 500, `${JSON.stringify(body)?.slice(0, 80)} -> ${res2.status}`);
    }
    for (const path of [
      '/api/v1/customers/%00',
      "/api/v1/customers/1'%20OR%20'1'='1",
      '/api/v1/fx-rates/2026-13-01/USD/CNY',
      '/api/v1/invoices?limit=-1',
      '/api/v1/invoices?sort=password',
    ]) {
      const res = await finance.call('GET', path);
      assert.ok(res.status >= 400 && res.status < 500, `${path} -> ${res.status} ${res.text}`);
    }
    const unsupported = await finance.call('POST', '/api/v1/customers', 'code=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(unsupported.status, 415);
  });

  test('SQL-injection-shaped strings are stored and returned verbatim', async () => {
    const name = 'Robert\'); DROP TABLE customers;-- 华东 "quoted" \\ %_';
    const created = await finance.call('POST', '/api/v1/customers', { code: "C-'1' OR '1'='1", name });
    assert.equal(created.status, 201);
    const id = (created.body as { id: string }).id;
    const got = await finance.call('GET', `/api/v1/customers/${id}`);
    assert.equal((got.body as { name: string }).name, name);
    const filtered = await finance.call('GET', `/api/v1/customers?code=${encodeURIComponent("C-'1' OR '1'='1")}`);
    assert.deepEqual(
      (filtered.body as { items: { id: string }[] }).items.map((c) => c.id),
      [id],
    );
    assert.equal(
      ((await finance.call('GET', '/api/v1/customers')).body as { items: unknown[] }).items.length >= 2,
      true,
    );
  });

  test('pagination, filtering and sorting; duplicates and records in use are 409s', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await finance.call('POST', '/api/v1/invoices', {
        ...invoice(customerId, `P-${i}`),
        dueOn: `2026-0${i}-10`,
        amountMinor: i * 100,
      });
      assert.equal(res.status, 201, res.text);
    }
    const page1 = await finance.call('GET', '/api/v1/invoices?sort=-dueOn&limit=2');
    const body1 = page1.body as { items: { number: string }[]; nextOffset: number | null };
    assert.deepEqual(
      body1.items.map((i) => i.number),
      ['P-5', 'P-4'],
    );
    assert.equal(body1.nextOffset, 2);
    const page3 = (await finance.call('GET', '/api/v1/invoices?sort=-dueOn&limit=2&offset=4')).body as typeof body1;
    assert.deepEqual([page3.items.map((i) => i.number), page3.nextOffset], [['P-1'], null]);
    const ranged = (await finance.call('GET', '/api/v1/invoices?from=2026-02-01&to=2026-03-31&sort=amountMinor'))
      .body as typeof body1;
    assert.deepEqual(
      ranged.items.map((i) => i.number),
      ['P-2', 'P-3'],
    );
    const dup = await finance.call('POST', '/api/v1/invoices', invoice(customerId, 'P-1'));
    assert.deepEqual([dup.status, errorCode(dup)], [409, 'RECORD_DUPLICATE']);
    const inUse = await finance.call('DELETE', `/api/v1/customers/${customerId}`);
    assert.deepEqual([inUse.status, errorCode(inUse)], [409, 'RECORD_IN_USE']);
    const patched = await finance.call('PATCH', `/api/v1/customers/${customerId}`, { name: 'Renamed', tags: ['vip'] });
    assert.deepEqual(
      [(patched.body as { name: string }).name, (patched.body as { tags: string[] }).tags],
      ['Renamed', ['vip']],
    );
    const keyChange = await finance.call('PATCH', `/api/v1/fx-rates/2026-01-01/USD/CNY`, { rateOn: '2026-01-02' });
    assert.equal(errorCode(keyChange), 'UNKNOWN_FIELD');
  });
});
