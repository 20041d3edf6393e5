import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_LATE_INTEREST_SETTINGS,
  DEFAULT_MESSAGE_SETTINGS,
  isMessageAction,
  messageFigures,
  resolveMessageSettings,
} from './index.js';

/** Stage 3 (formal reminder) of customer C1 on 2026-12-08: two CNY invoices overdue, one USD not yet due. */
const action = {
  customerId: 'C1',
  stage: 3,
  action: 'formal_reminder' as const,
  invoices: [
    { invoiceId: 'A', number: 'INV-A', currency: 'CNY', dueOn: '2026-11-08', openMinor: 100_000_00, daysPastDue: 30 },
    { invoiceId: 'B', number: 'INV-B', currency: 'CNY', dueOn: '2026-11-23', openMinor: 200_000_00, daysPastDue: 15 },
    { invoiceId: 'C', number: 'INV-C', currency: 'USD', dueOn: '2026-12-10', openMinor: 5_000_00, daysPastDue: -2 },
  ],
};
const asOf = '2026-12-08';

test('条例 default rate: ¥100,000 × 0.05 % × 30 days = ¥1,500.00 and ¥200,000 × 0.05 % × 15 = ¥1,500.00', () => {
  const f = messageFigures(action, asOf, DEFAULT_MESSAGE_SETTINGS, DEFAULT_LATE_INTEREST_SETTINGS);
  assert.equal(f.showsInterest, true);
  assert.deepEqual(
    f.lines.map((l) => l.interestMinor),
    [1_500_00, 1_500_00, 0],
  );
  assert.deepEqual(f.totals, [
    { currency: 'CNY', openMinor: 300_000_00, overdueMinor: 300_000_00, interestMinor: 3_000_00 },
    { currency: 'USD', openMinor: 5_000_00, overdueMinor: 0, interestMinor: 0 },
  ]);
});

test('a contract rate of 12 % a year: ¥100,000 × 12 % × 30/365 = ¥986.30', () => {
  const s = resolveMessageSettings({ interestLaw: 'contract', contractRate: 0.12 });
  assert.ok(s.ok);
  const f = messageFigures(action, asOf, s.value, DEFAULT_LATE_INTEREST_SETTINGS);
  assert.equal(f.lines[0]?.interestMinor, 986_30); // 986.3014
  assert.equal(f.lines[1]?.interestMinor, 986_30); // 200,000 × 0.12 × 15/365 = 986.3014
});

test('before the formal reminder, and with interest switched off, no interest is stated', () => {
  const early = messageFigures(
    { ...action, stage: 1, action: 'reminder' },
    asOf,
    DEFAULT_MESSAGE_SETTINGS,
    DEFAULT_LATE_INTEREST_SETTINGS,
  );
  assert.equal(early.showsInterest, false);
  assert.equal(early.totals[0]?.interestMinor, 0);
  const off = resolveMessageSettings({ interestLaw: 'none' });
  assert.ok(off.ok);
  assert.equal(messageFigures(action, asOf, off.value, DEFAULT_LATE_INTEREST_SETTINGS).totals[0]?.interestMinor, 0);
});

test('settings are checked whole, naming the field; a call is not a message', () => {
  const bad = resolveMessageSettings({ interestLaw: 'eu' });
  assert.equal(bad.ok ? null : bad.error.details.field, 'collections.messages.interestLaw');
  const missing = resolveMessageSettings({ interestLaw: 'contract' });
  assert.equal(missing.ok ? null : missing.error.details.field, 'collections.messages.contractRate');
  const unknown = resolveMessageSettings({ language: 'en' });
  assert.equal(unknown.ok ? null : unknown.error.details.field, 'collections.messages.language');
  assert.equal(isMessageAction('phone_call'), false);
  assert.equal(isMessageAction('formal_reminder'), true);
});
