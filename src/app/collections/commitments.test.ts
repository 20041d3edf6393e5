import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LADDER_SETTINGS } from '../../core/collections/index.js';
import type { CreditBook } from '../credit/load-book.js';
import { type CollectionsRecords, readCommitments } from './commitments.js';

/**
 * The one reading of promises and plans against the ledger's receipts: open promises go to the
 * forecast with what is left of them; a broken one goes back to the model and escalates on the
 * ladder; a plan on track leaves its unpaid instalments. Grace: 3 days (the ladder's default).
 */
const ledger = {
  invoices: [
    { id: 'A', customerId: 'C1', currency: 'CNY', number: 'INV-A' },
    { id: 'B', customerId: 'C2', currency: 'CNY' },
  ],
  settlements: [
    { kind: 'receipt', invoiceId: 'A', on: '2026-03-05', amountMinor: 10_000_00 },
    { kind: 'receipt', invoiceId: 'B', on: '2026-03-31', amountMinor: 30_000_00 },
    { kind: 'receipt', invoiceId: 'B', on: '2026-04-10', amountMinor: 5_000_00 },
  ],
} as unknown as CreditBook['ledger'];
const records: CollectionsRecords = {
  promises: [
    {
      id: 'P1',
      customerId: 'C1',
      invoiceId: 'A',
      amountMinor: 60_000_00,
      currency: 'CNY',
      madeOn: '2026-03-01',
      promisedOn: '2026-03-18',
    },
  ],
  plans: [
    {
      id: 'L1',
      customerId: 'C2',
      currency: 'CNY',
      totalMinor: 90_000_01,
      agreedOn: '2026-03-02',
      instalments: [
        { dueOn: '2026-03-31', amountMinor: 30_000_00 },
        { dueOn: '2026-04-30', amountMinor: 30_000_00 },
        { dueOn: '2026-05-29', amountMinor: 30_000_01 },
      ],
    },
  ],
  terms: [],
  doneStages: [],
};

test('an open promise leaves ¥60,000 − ¥10,000 paid = ¥50,000 for the forecast on its date', () => {
  const c = readCommitments({ ledger }, records, '2026-03-10', DEFAULT_LADDER_SETTINGS);
  assert.deepEqual(c.openPromises, [
    { id: 'P1', customerId: 'C1', invoiceId: 'A', currency: 'CNY', amountMinor: 50_000_00, promisedOn: '2026-03-18' },
  ]);
  assert.deepEqual(c.promise('A', 'C1'), { state: 'open', until: '2026-03-18' });
});

test('broken the day after the grace (2026-03-22): back to the model, and the ladder escalates', () => {
  const still = readCommitments({ ledger }, records, '2026-03-21', DEFAULT_LADDER_SETTINGS);
  assert.equal(still.openPromises.length, 1);
  const c = readCommitments({ ledger }, records, '2026-03-22', DEFAULT_LADDER_SETTINGS);
  assert.deepEqual(c.openPromises, []);
  assert.deepEqual(c.promise('A', 'C1'), { state: 'broken', brokenOn: '2026-03-22' });
  assert.deepEqual(c.brokenPromises, [
    {
      customerId: 'C1',
      promiseId: 'P1',
      invoiceNumber: 'INV-A',
      amountMinor: 60_000_00,
      paidMinor: 10_000_00,
      currency: 'CNY',
      promisedOn: '2026-03-18',
      brokenOn: '2026-03-22',
    },
  ]);
});

test('a plan on track leaves its unpaid instalments: ¥35,000 paid covers the first and ¥5,000 of the second', () => {
  const c = readCommitments({ ledger }, records, '2026-04-15', DEFAULT_LADDER_SETTINGS);
  assert.deepEqual(c.plansOnTrack, [
    {
      id: 'L1',
      customerId: 'C2',
      currency: 'CNY',
      instalments: [
        { dueOn: '2026-04-30', amountMinor: 25_000_00 },
        { dueOn: '2026-05-29', amountMinor: 30_000_01 },
      ],
    },
  ]);
  // Nothing paid toward the second instalment by its grace end (2026-05-03) beyond the ¥5,000: breached.
  const late = readCommitments({ ledger }, records, '2026-05-04', DEFAULT_LADDER_SETTINGS);
  assert.deepEqual(late.plansOnTrack, []);
  assert.equal(late.overrides[0]?.plan?.state, 'breached');
});
