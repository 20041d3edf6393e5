import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

interface Message {
  customerId: string;
  stage: number;
  action: string;
  email: string | null;
  subject: string;
  text: string;
  figures: { lines: { interestMinor: number; daysPastDue: number }[]; totals: { interestMinor: number }[] };
}

/**
 * One invoice of ¥10,000.00 due 5 March 2026, seen on 31 March (the test clock): 26 days late, the
 * formal reminder (stage 3) with interest to date 26 × 0.05 % × ¥10,000.00 = ¥130.00; the message
 * names the receiving account; sending is the credit controller's; the timeline lists every record
 * in date order; another organisation sees none of it.
 */
describeEachDialect('API dunning messages and the customer timeline', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let viewer: Client;
  let other: Client;
  let customerId: string;
  let invoiceId: string;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orgm', 'Org M');
    await seedOrganisation(db, 'orgn', 'Org N');
    api = await startApi(db);
    owner = await login(api.url, 'owner@orgm.test');
    viewer = await login(api.url, 'viewer@orgm.test');
    other = await login(api.url, 'owner@orgn.test');
    const c = await owner.call('POST', '/api/v1/customers', { code: 'C1', name: 'Customer One', email: 'ap@c1.test' });
    assert.equal(c.status, 201, c.text);
    customerId = String((c.body as { id: string }).id);
    const i = await owner.call('POST', '/api/v1/invoices', {
      customerId,
      number: 'INV-1',
      issuedOn: '2026-02-03',
      dueOn: '2026-03-05',
      currency: 'CNY',
      amountMinor: 10_000_00,
    });
    assert.equal(i.status, 201, i.text);
    invoiceId = String((i.body as { id: string }).id);
    const b = await owner.call('POST', '/api/v1/bank-accounts', {
      name: 'Basic account',
      bankName: 'Bank of Test, Shanghai branch',
      accountNo: '6222000011112222',
      currency: 'CNY',
    });
    assert.equal(b.status, 201, b.text);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('the preview: the formal reminder with ¥130.00 interest to date and the receiving account', async () => {
    const res = await viewer.call('GET', '/api/v1/collections/messages', undefined, { 'accept-language': 'en' });
    assert.equal(res.status, 200, res.text);
    const [m, ...rest] = (res.body as { messages: Message[] }).messages;
    assert.equal(rest.length, 0);
    assert.ok(m);
    assert.equal(m.stage, 3);
    assert.equal(m.action, 'formal_reminder');
    assert.equal(m.email, 'ap@c1.test');
    assert.equal(m.figures.lines[0]?.daysPastDue, 26);
    assert.equal(m.figures.lines[0]?.interestMinor, 130_00);
    assert.equal(m.figures.totals[0]?.interestMinor, 130_00);
    // The organisation writes in Chinese (its default): the message is in the customer's language, not the reader's.
    assert.match(m.subject, /正式催款通知/);
    assert.ok(m.text.includes('发票 INV-1，到期日 2026-03-05：10,000.00 CNY，已逾期 26 天'), m.text);
    assert.ok(m.text.includes('截至 2026-03-31 逾期利息：130.00 CNY'), m.text);
    assert.ok(m.text.includes('账号 6222000011112222（CNY）'), m.text);
    const one = await viewer.call('GET', '/api/v1/collections/messages?customerId=C1');
    assert.equal((one.body as { messages: Message[] }).messages.length, 1);
  });

  test('sending is for the credit controller; a dry run by default; no SMTP settings: refused in words', async () => {
    const denied = await viewer.call('POST', '/api/v1/collections/send', {});
    assert.equal(denied.status, 403);
    const dry = await owner.call('POST', '/api/v1/collections/send', {});
    assert.equal(dry.status, 200, dry.text);
    const body = dry.body as { isDryRun: boolean; lines: { outcome: string }[] };
    assert.equal(body.isDryRun, true);
    assert.deepEqual(
      body.lines.map((l) => l.outcome),
      ['would_send'],
    );
    const real = await owner.call('POST', '/api/v1/collections/send', { dryRun: false });
    assert.equal(real.status, 400);
    assert.equal(errorCode(real), 'COL_SEND_NO_SMTP');
  });

  test('the statement of account as a workbook: ¥10,000.00 closing, ¥130.00 interest to date', async () => {
    const url = `${api.url}/api/v1/customers/${encodeURIComponent(customerId)}/statement.xlsx?from=2026-01-01`;
    const res = await fetch(url, { headers: { cookie: viewer.cookie, 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const { Workbook } = (await import('exceljs')).default;
    const wb = new Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    const closing = rows.find((r) => r[1] === 'Closing balance');
    assert.equal(closing?.[6], 10_000);
    const overdue = rows.find((r) => r[0] === 'Overdue total and interest');
    assert.deepEqual([overdue?.[3], overdue?.[5]], [10_000, 130]);
    const hidden = await fetch(url, { headers: { cookie: other.cookie } });
    assert.equal(hidden.status, 404);
  });

  test('the timeline: every record in date order; another organisation gets 404', async () => {
    const records: [string, Record<string, unknown>][] = [
      [
        '/api/v1/dunning-actions',
        {
          customerId,
          invoiceId,
          stage: 1,
          action: 'reminder',
          plannedOn: '2026-03-06',
          doneAt: '2026-03-06T02:00:00Z',
          channel: 'email',
          notes: 'reminder sent',
        },
      ],
      [
        '/api/v1/dunning-actions',
        {
          customerId,
          stage: 2,
          action: 'phone_call',
          plannedOn: '2026-03-12',
          doneAt: '2026-03-12T03:00:00Z',
          channel: 'phone',
        },
      ],
      [
        '/api/v1/promises-to-pay',
        {
          customerId,
          invoiceId,
          amountMinor: 10_000_00,
          currency: 'CNY',
          madeOn: '2026-03-12',
          promisedOn: '2026-03-20',
        },
      ],
      [
        '/api/v1/collections/disputes',
        { invoiceId, reason: 'quality', amountMinor: 2_000_00, owner: 'Li', openedOn: '2026-03-25' },
      ],
    ];
    for (const [path, body] of records) {
      const r = await owner.call('POST', path, body);
      assert.equal(r.status, 201, `${path}: ${r.text}`);
    }
    const res = await viewer.call('GET', `/api/v1/customers/${encodeURIComponent(customerId)}/timeline`);
    assert.equal(res.status, 200, res.text);
    const events = (res.body as { events: { on: string; kind: string; amountMinor: number | null }[] }).events;
    assert.deepEqual(
      events.map((e) => [e.on, e.kind]),
      [
        ['2026-03-06', 'message'],
        ['2026-03-12', 'promise'],
        ['2026-03-12', 'contact'],
        ['2026-03-20', 'promise_due'],
        ['2026-03-25', 'dispute_opened'],
      ],
    );
    assert.equal(events[4]?.amountMinor, 2_000_00);
    const byCode = await viewer.call('GET', '/api/v1/customers/C1/timeline');
    assert.equal((byCode.body as { events: unknown[] }).events.length, 5);
    const hidden = await other.call('GET', `/api/v1/customers/${encodeURIComponent(customerId)}/timeline`);
    assert.equal(hidden.status, 404);
    const none = await other.call('GET', '/api/v1/collections/messages');
    assert.deepEqual((none.body as { messages: unknown[] }).messages, []);
  });
});
