import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateScenarioDefinition } from './definition.js';

const field = (raw: unknown, ids: ReadonlySet<string> | null = null) => {
  const r = validateScenarioDefinition(raw, ids);
  assert.ok(!r.ok);
  return { code: r.error.code, field: r.error.details.field };
};

test('a scenario with every kind of element passes and comes back typed', () => {
  const r = validateScenarioDefinition({
    name: '  Hard winter ',
    elements: [
      { kind: 'customer_default', customerId: 'C1', on: '2027-01-15' },
      { kind: 'payment_delay', days: 30 },
      { kind: 'payment_delay', days: 10, customerIds: ['C1'] },
      { kind: 'sales_drop', percent: 20, fromMonth: '2027-02' },
      { kind: 'credit_line_not_renewed' },
      {
        kind: 'new_loan',
        amountMinor: 100_000_00,
        on: '2027-01-05',
        repayments: [{ on: '2027-02-05', amountMinor: 1 }],
      },
      { kind: 'large_purchase', amountMinor: 5_000_00, on: '2027-01-20' },
      { kind: 'fx_shift', currency: 'USD', percent: -5 },
    ],
  });
  assert.ok(r.ok);
  assert.equal(r.value.name, 'Hard winter');
  assert.equal(r.value.elements.length, 8);
});

test('each bad field is named', () => {
  assert.deepEqual(field({ name: '', elements: [{ kind: 'credit_line_not_renewed' }] }), {
    code: 'SCENARIO_INVALID_FIELD',
    field: 'name',
  });
  assert.equal(field({ name: 'base', elements: [{ kind: 'credit_line_not_renewed' }] }).field, 'name');
  assert.equal(field({ name: 'x', elements: [] }).field, 'elements');
  assert.equal(field({ name: 'x', elements: [{ kind: 'meteor' }] }).field, 'elements.0.kind');
  assert.equal(field({ name: 'x', elements: [{ kind: 'payment_delay', days: 0 }] }).field, 'elements.0.days');
  assert.equal(field({ name: 'x', elements: [{ kind: 'payment_delay', dayz: 3 }] }).field, 'elements.0.dayz');
  assert.equal(
    field({ name: 'x', elements: [{ kind: 'sales_drop', percent: 20, fromMonth: '2027-13' }] }).field,
    'elements.0.fromMonth',
  );
  assert.equal(
    field({
      name: 'x',
      elements: [
        { kind: 'new_loan', amountMinor: 10, on: '2027-01-05', repayments: [{ on: '2026-12-01', amountMinor: 5 }] },
      ],
    }).field,
    'elements.0.repayments.0.on',
  );
  assert.equal(
    field({ name: 'x', elements: [{ kind: 'large_purchase', amountMinor: 1.5, on: '2027-01-05' }] }).field,
    'elements.0.amountMinor',
  );
  assert.equal(
    field({ name: 'x', elements: [{ kind: 'fx_shift', currency: 'XXQ', percent: 5 }] }).field,
    'elements.0.currency',
  );
  assert.equal(field({ name: 'x', extra: 1, elements: [] }).field, 'extra');
});

test('a customer of no record of the organisation is refused with UNKNOWN_CUSTOMER', () => {
  const e = field(
    { name: 'x', elements: [{ kind: 'customer_default', customerId: 'C9', on: '2027-01-01' }] },
    new Set(['C1']),
  );
  assert.deepEqual(e, { code: 'UNKNOWN_CUSTOMER', field: 'elements.0.customerId' });
});
