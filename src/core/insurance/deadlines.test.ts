import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import type { InvoiceCover } from './cover.js';
import { insuranceDeadlines, invoiceDeadlines } from './deadlines.js';

const covered = (number: string, dueOn: string, insuredMinor: number): InvoiceCover => ({
  invoiceId: number,
  customerId: 'c1',
  number,
  issuedOn: '2026-08-01',
  dueOn,
  openMinor: insuredMinor,
  covered: insuredMinor > 0,
  insuredMinor,
  uninsuredMinor: 0,
  limitKind: 'insurer_limit',
  reasons: [],
});

test('each deadline counts calendar days from the original due date (defaults 15 / 60 / +30 / 180)', () => {
  assert.deepEqual(invoiceDeadlines('2026-09-30', DEFAULT_POLICY_TERMS), {
    overdue_notification: '2026-10-15',
    stop_deliveries: '2026-11-29',
    collection_transfer: '2026-12-29',
    claim_filing: '2027-03-29',
  });
});

test("each deadline follows the policy's own term", () => {
  const terms = {
    ...DEFAULT_POLICY_TERMS,
    overdueNotifyDays: 30,
    maxExtensionDays: 90,
    collectionTransferDays: 10,
    claimFilingDays: 150,
  };
  assert.deepEqual(invoiceDeadlines('2026-01-31', terms), {
    overdue_notification: '2026-03-02',
    stop_deliveries: '2026-05-01',
    collection_transfer: '2026-05-11',
    claim_filing: '2026-06-30',
  });
});

test('levels escalate at T-7, T-3 and T0, and a missed deadline is critical', () => {
  const asOf = '2026-10-08';
  const at = (dueOn: string) =>
    insuranceDeadlines([covered('F', dueOn, 100)], DEFAULT_POLICY_TERMS, asOf).find(
      (d) => d.kind === 'overdue_notification',
    );
  assert.equal(at('2026-09-20')?.level, 'critical'); // notify by 10-05: missed
  assert.equal(at('2026-09-20')?.isMissed, true);
  assert.equal(at('2026-09-23')?.level, 'warning'); // 10-08: today
  assert.equal(at('2026-09-26')?.level, 'warning'); // 10-11: T-3
  assert.equal(at('2026-09-29')?.level, 'watch'); // 10-14: T-6
  assert.equal(at('2026-10-10')?.level, 'info'); // 10-25
});

test('only invoices with an insured part carry deadlines; the list is in date order', () => {
  const list = insuranceDeadlines(
    [covered('F2', '2026-10-31', 100), covered('F0', '2026-09-01', 0), covered('F1', '2026-09-30', 100)],
    DEFAULT_POLICY_TERMS,
    '2026-10-01',
  );
  assert.equal(list.length, 8);
  assert.ok(list.every((d) => d.number !== 'F0'));
  assert.deepEqual(
    list.map((d) => d.on),
    [...list.map((d) => d.on)].sort(),
  );
  assert.equal(list[0]?.number, 'F1');
});
