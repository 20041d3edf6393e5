import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../time/index.js';
import { buildPaymentBehaviour, predictLongOverdue, predictSettlement, toPaymentColumns } from './index.js';
import { paidInvoice } from './test-support.js';

const ASOF = '2026-06-30';
const history = [
  ...Array.from({ length: 12 }, (_, k) => paidInvoice('C1', ASOF, 20 + k * 9, 3 + (k % 5))),
  ...Array.from({ length: 8 }, (_, k) => paidInvoice('C2', ASOF, 15 + k * 11, 40 + k * 7, { channel: 'paper' })),
  paidInvoice('C3', ASOF, 400, 120),
];
const model = buildPaymentBehaviour(toPaymentColumns(history), ASOF);

test('property: predictLongOverdue is exactly the settlement prediction’s long-overdue probability', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('C1', 'C2', 'C3', 'NEW'),
      fc.integer({ min: -200, max: 60 }),
      fc.integer({ min: 0, max: 90 }),
      fc.boolean(),
      (customerId, dueIn, terms, isDisputed) => {
        const dueOn = addDays(ASOF, dueIn);
        const invoice = {
          customerId,
          issuedOn: addDays(dueOn, -terms),
          dueOn,
          amount: 500,
          isDisputed,
          channel: 'electronic' as const,
        };
        assert.equal(predictLongOverdue(model, invoice), predictSettlement(model, invoice).probUnpaidLongOverdue);
      },
    ),
    { numRuns: 200 },
  );
});
