import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer } from './index.js';
import { kindSpec } from './registry.js';
import { dumpAll, ORG, openWithOrg } from './test-helpers.js';
import { IMPORT_KIND_NAMES } from './types.js';

/** Names every plain object answers to: none may be a choice, a currency or a country of a cell. */
const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

/** A valid row of each kind with a choice column, as header → cell. */
const ROWS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  customers: { code: 'P1', name: 'Probe Co' },
  invoices: { number: 'P1', customer_code: 'C1', issued_on: '2026-10-01', amount: '100.00' },
  bills: { number: 'P1', supplier_code: 'S1', issued_on: '2026-10-01', amount: '100.00' },
  'legal-events': { customer_code: 'C1', type: 'lawsuit_defendant', occurred_on: '2026-10-01' },
  'fx-forwards': {
    reference: 'FWD-P1',
    trade_on: '2026-10-01',
    value_on: '2026-12-31',
    direction: 'sell',
    currency: 'USD',
    amount: '1000.00',
    counter_currency: 'CNY',
    rate: '7.1',
    counterparty: 'Probe Bank',
  },
  'recurring-items': {
    name: 'Rent',
    category: 'rent',
    direction: 'outflow',
    amount: '100.00',
    rule: 'monthly:15',
    starts_on: '2026-01-01',
  },
};

function csv(row: Readonly<Record<string, string>>): Buffer {
  const keys = Object.keys(row);
  return Buffer.from(`${keys.join(',')}\n${keys.map((k) => row[k]).join(',')}\n`);
}

describeEachDialect('import: inherited property names are no values', (open) => {
  let db: Db;
  before(async () => {
    db = await openWithOrg(open);
    for (const [kind, text] of [
      ['customers', 'code,name\nC1,Customer One\n'],
      ['suppliers', 'code,name\nS1,Supplier One\n'],
    ] as const) {
      const r = await importBuffer(db, { orgId: ORG, kind, fileName: 'x.csv', data: Buffer.from(text), locale: 'en' });
      assert.equal(r.committed, true);
    }
  });
  after(async () => db.close());

  const columns = IMPORT_KIND_NAMES.flatMap((kind) =>
    kindSpec(kind)
      .columns.filter((c) => c.type === 'choice' || c.type === 'currency' || c.type === 'country')
      .map((c) => [kind, c.key] as const),
  );

  test('every kind with a choice column has a probe row', () => {
    const choiceKinds = IMPORT_KIND_NAMES.filter((k) => kindSpec(k).columns.some((c) => c.type === 'choice'));
    assert.deepEqual(
      choiceKinds.filter((k) => !Object.hasOwn(ROWS, k)),
      [],
    );
  });

  for (const [kind, key] of columns) {
    const base = ROWS[kind];
    if (!base) continue;
    test(`${kind}.${key}: every inherited name is refused, in a dry run and a real one, and nothing is written`, async () => {
      const before = await dumpAll(db);
      for (const name of NAMES) {
        for (const dryRun of [true, false]) {
          const data = csv({ ...base, [key]: name });
          const r = await importBuffer(db, { orgId: ORG, kind, fileName: 'p.csv', data, locale: 'en', dryRun });
          assert.equal(r.committed, false, `${name} accepted`);
          assert.ok(
            r.problems.length > 0 && r.problems.every((p) => p.row === 2),
            `${name}: ${JSON.stringify(r.problems)}`,
          );
        }
      }
      assert.deepEqual(await dumpAll(db), before);
    });
  }
});
