import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FxOption } from '../../core/fx/index.js';
import type { LetterOfCredit } from '../../core/lc/index.js';
import type { Db } from '../connection.js';
import { describeEachDialect } from '../test-support.js';
import {
  deleteLetterOfCredit,
  getLetterOfCredit,
  insertFxOption,
  listLettersOfCredit,
  loadFxOptions,
  saveLetterOfCredit,
} from './letters-of-credit.js';
import { createOrganisation } from './organisations.js';

const lc: LetterOfCredit = {
  id: 'LC1',
  number: 'ILC2026-0917',
  customerId: 'c1',
  invoiceId: 'I1',
  amountMinor: 100_000_00,
  currency: 'USD',
  issuedOn: '2026-09-01',
  expiresOn: '2026-10-31',
  latestShipmentOn: '2026-09-20',
  shippedOn: '2026-09-08',
  presentationDays: null,
  isIrrevocable: true,
  availability: 'usance',
  usanceDays: 60,
  issuingBank: { name: 'Banco Exterior', country: 'AR', isSound: false },
  confirmingBank: { name: '中国银行', country: 'CN', isSound: true },
  presentedOn: null,
  documentsComply: null,
  status: 'accepted',
};
const option: FxOption = {
  id: 'O1',
  tradeOn: '2026-11-20',
  expiresOn: '2027-01-15',
  type: 'put',
  currency: 'USD',
  notionalMinor: 100_000_00,
  counterCurrency: 'CNY',
  strike: 7.2,
  premiumMinor: 8_000_00,
  counterparty: 'Bank of China',
};

describeEachDialect('letters of credit and FX options store', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    for (const org of ['o1', 'o2'])
      await createOrganisation(db, { id: org, name: org, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  });
  after(async () => db.close());

  test('a credit round-trips with its banks, flags and checklist answers; the same id in another org is its own', async () => {
    await saveLetterOfCredit(db, { orgId: 'o1', credit: { lc, answers: { no_soft_clauses: 'flag' } } });
    const other = { ...lc, number: 'OTHER', confirmingBank: null, documentsComply: false };
    await saveLetterOfCredit(db, { orgId: 'o2', credit: { lc: other, answers: {} } });
    assert.deepEqual(await getLetterOfCredit(db, { orgId: 'o1', id: 'LC1' }), {
      lc,
      answers: { no_soft_clauses: 'flag' },
    });
    assert.deepEqual(
      (await listLettersOfCredit(db, { orgId: 'o2' })).map((s) => s.lc),
      [other],
    );
    // Replacing keeps one row: presented, documents comply.
    const presented = { ...lc, presentedOn: '2026-09-29', documentsComply: true, status: 'presented' as const };
    await saveLetterOfCredit(db, { orgId: 'o1', credit: { lc: presented, answers: {} } });
    const list = await listLettersOfCredit(db, { orgId: 'o1', customerId: 'c1' });
    assert.deepEqual(
      list.map((s) => [s.lc.id, s.lc.presentedOn, s.lc.documentsComply]),
      [['LC1', '2026-09-29', true]],
    );
    assert.equal(await deleteLetterOfCredit(db, { orgId: 'o2', id: 'LC1' }), true);
    assert.equal(await getLetterOfCredit(db, { orgId: 'o2', id: 'LC1' }), null);
    assert.notEqual(await getLetterOfCredit(db, { orgId: 'o1', id: 'LC1' }), null);
  });

  test('options round-trip and load from a date, per organisation', async () => {
    await insertFxOption(db, { orgId: 'o1', option });
    await insertFxOption(db, { orgId: 'o1', option: { ...option, id: 'O0', expiresOn: '2026-11-30' } });
    await insertFxOption(db, { orgId: 'o2', option: { ...option, type: 'call' } });
    assert.deepEqual(await loadFxOptions(db, { orgId: 'o1', from: '2026-12-07' }), [option]);
    assert.equal((await loadFxOptions(db, { orgId: 'o2', from: '2026-12-07' }))[0]?.type, 'call');
  });
});
