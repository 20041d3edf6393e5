import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateDemoCompany } from './company.js';
import { usccCheck } from './names.js';

const small = { asOf: '2026-03-31', customers: 20, invoices: 600 } as const;

describe('demo generator determinism', () => {
  test('the same seed and asOf give identical records, byte for byte', () => {
    const a = generateDemoCompany({ ...small, seed: 11 });
    const b = generateDemoCompany({ ...small, seed: 11 });
    assert.equal(JSON.stringify(a.records), JSON.stringify(b.records));
  });

  test('another seed gives another company', () => {
    const a = generateDemoCompany({ ...small, seed: 11 });
    const b = generateDemoCompany({ ...small, seed: 12 });
    assert.notDeepEqual(
      a.records.customers.map((c) => c.name),
      b.records.customers.map((c) => c.name),
    );
    assert.notDeepEqual(
      a.records.invoices.map((i) => i.amountMinor),
      b.records.invoices.map((i) => i.amountMinor),
    );
  });

  test('adding customers does not change the earlier customers', () => {
    const a = generateDemoCompany({ ...small, seed: 3 });
    const b = generateDemoCompany({ ...small, seed: 3, customers: 30, invoices: 900 });
    assert.deepEqual(b.records.customers.slice(0, 20), a.records.customers);
  });

  test('a later asOf moves the whole history along', () => {
    const a = generateDemoCompany({ ...small, seed: 3, asOf: '2027-06-15' });
    assert.equal(a.options.start, '2024-06-01');
    for (const i of a.records.invoices) assert.ok(i.issuedOn >= '2024-06-01' && i.issuedOn <= '2027-06-15');
  });

  test('ids, registration numbers and invoice numbers are well formed and unique', () => {
    const { records } = generateDemoCompany({ ...small, seed: 5 });
    assert.equal(records.customers[0]?.id, 'c-0001');
    assert.equal(records.invoices[0]?.id, 'inv-000001');
    for (const c of records.customers.filter((x) => x.country === 'CN')) {
      assert.match(c.registrationNo ?? '', /^91\d{6}[0-9A-Z]{9}[0-9A-HJ-NP-RTUWXY]$/);
      assert.equal(usccCheck((c.registrationNo ?? '').slice(0, 17)), c.registrationNo?.slice(17));
      assert.match(c.name, /有限公司$/);
    }
    for (const i of records.invoices) assert.match(i.number, /^(\d{20}|INV\d{11})$/);
    assert.equal(new Set(records.invoices.map((i) => i.number)).size, records.invoices.length);
    assert.equal(new Set(records.customers.map((c) => c.name)).size, records.customers.length);
    assert.equal(new Set(records.receipts.map((r) => r.number)).size, records.receipts.length);
  });

  test('the smallest book the options allow (10 customers, 20 invoices) still has every story role', () => {
    const { records, named } = generateDemoCompany({ asOf: '2026-12-08', customers: 10, invoices: 20 });
    assert.equal(records.customers.length, 10);
    assert.equal(records.invoices.filter((i) => i.isDisputed).length, 1);
    assert.ok(records.legalEvents.some((e) => e.type === 'insolvency' && e.customerId === named.insolvent));
  });

  test('a known 统一社会信用代码 passes the check-character computation', () => {
    // 91350100M000100Y43 is the standard worked example of GB 32100-2015.
    assert.equal(usccCheck('91350100M000100Y4'), '3');
  });
});
