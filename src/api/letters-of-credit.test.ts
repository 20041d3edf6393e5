import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

describeEachDialect('API letters of credit', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let customerId: string;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 3));
    const customers = await owner.call('GET', '/api/v1/customers?limit=1');
    customerId = (customers.body as { items: { id: string }[] }).items[0]?.id ?? '';
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const credit = () => ({
    number: 'ILC2026-0917',
    customerId,
    amountMinor: 100_000_00,
    currency: 'USD',
    issuedOn: '2026-09-01',
    expiresOn: '2026-10-31',
    latestShipmentOn: '2026-09-20',
    shippedOn: '2026-09-08',
    isIrrevocable: true,
    availability: 'sight',
    usanceDays: 0,
    issuingBank: 'Banco Exterior',
    issuingBankSound: false,
    confirmingBank: 'Bank of China',
    confirmingBankSound: true,
    presentedOn: '2026-09-29',
    documentsComply: true,
    status: 'presented',
    checklist: '{"irrevocable":"pass","no_soft_clauses":"flag"}',
  });

  test('create, read, update and delete a credit; bad input names the field', async () => {
    const bad = await owner.call('POST', '/api/v1/letters-of-credit', {
      ...credit(),
      checklist: '{"nonsense":"pass"}',
    });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(errorCode(bad), 'BAD_LC_CHECKLIST');
    const late = await owner.call('POST', '/api/v1/letters-of-credit', { ...credit(), latestShipmentOn: '2026-11-30' });
    assert.equal(errorCode(late), 'END_BEFORE_START');
    const usance = await owner.call('POST', '/api/v1/letters-of-credit', { ...credit(), availability: 'usance' });
    assert.equal(errorCode(usance), 'NOT_POSITIVE');
    const created = await owner.call('POST', '/api/v1/letters-of-credit', credit());
    assert.equal(created.status, 201, created.text);
    const id = (created.body as { id: string }).id;
    const got = await owner.call('GET', `/api/v1/letters-of-credit/${id}`);
    assert.equal(got.status, 200, got.text);
    assert.equal((got.body as { confirmingBankSound: boolean }).confirmingBankSound, true);
    const patched = await owner.call('PATCH', `/api/v1/letters-of-credit/${id}`, { status: 'honoured' });
    assert.equal(patched.status, 200, patched.text);
    const list = await owner.call('GET', '/api/v1/letters-of-credit?status=honoured');
    assert.deepEqual(
      (list.body as { items: { number: string }[] }).items.map((i) => i.number),
      ['ILC2026-0917'],
    );
    const gone = await owner.call('DELETE', `/api/v1/letters-of-credit/${id}`);
    assert.ok(gone.status === 200 || gone.status === 204, gone.text);
  });
});
