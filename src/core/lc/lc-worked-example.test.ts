import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from '../../i18n/index.js';
import { CN_PUBLIC_HOLIDAYS, createCalendar } from '../time/index.js';
import { LC_CHECKS, lcChecklist, lcSecurity } from './checklist.js';
import { examinationWindow, type LetterOfCredit, paymentTimeline, presentationDeadline } from './letter-of-credit.js';

const cal = createCalendar(CN_PUBLIC_HOLIDAYS);

// A USD 100,000 sight credit for an export shipment, issued 2026-09-01, latest shipment 2026-09-20.
const lc: LetterOfCredit = {
  id: 'LC1',
  number: 'ILC2026-0917',
  customerId: 'C1',
  invoiceId: 'I1',
  amountMinor: 100_000_00,
  currency: 'USD',
  issuedOn: '2026-09-01',
  expiresOn: '2026-10-31',
  latestShipmentOn: '2026-09-20',
  shippedOn: '2026-09-08',
  presentationDays: null,
  isIrrevocable: true,
  availability: 'sight',
  usanceDays: 0,
  issuingBank: { name: 'Banco Exterior', country: 'AR', isSound: false },
  confirmingBank: { name: 'Bank of China', country: 'CN', isSound: true },
  presentedOn: '2026-09-29',
  documentsComply: true,
  status: 'presented',
};

test('presentation deadline: shipment + 21 days, never after expiry, moved off a non-banking day', () => {
  // 2026-09-08 + 21 = 2026-09-29 (a Tuesday).
  assert.equal(presentationDeadline(cal, lc), '2026-09-29');
  // Shipped 2026-09-04: + 21 = 2026-09-25, the Mid-Autumn holiday (25–27 September) → Monday 28.
  assert.equal(presentationDeadline(cal, { ...lc, shippedOn: '2026-09-04' }), '2026-09-28');
  // Expiry first: shipped 2026-10-20, + 21 = 11/10, but the credit expires 10/31 (a Saturday) → Monday 11/2.
  assert.equal(presentationDeadline(cal, { ...lc, shippedOn: '2026-10-20' }), '2026-11-02');
  // Not shipped yet: from the latest shipment date, with a 10-day period: 09/30.
  assert.equal(presentationDeadline(cal, { ...lc, shippedOn: null, presentationDays: 10 }), '2026-09-30');
});

test('the 5-banking-day examination skips the National Day week and counts the Saturday worked', () => {
  // Presented Tue 29/9: 30/9 (1), 1–7/10 off, 8/10 (2), 9/10 (3), Sat 10/10 worked (4), 12/10 (5).
  assert.deepEqual(examinationWindow(cal, '2026-09-29'), { from: '2026-09-30', to: '2026-10-12' });
  // Presented Fri 2026-12-04: a plain week, ends Fri 12/11.
  assert.deepEqual(examinationWindow(cal, '2026-12-04'), { from: '2026-12-05', to: '2026-12-11' });
});

test('expected payment by the credit’s own timeline: sight and usance', () => {
  // Sight: examination ends 10/12, + 2 banking days settlement → Wed 10/14.
  assert.deepEqual(paymentTimeline(cal, lc), {
    presentedOn: '2026-09-29',
    isPresentationAssumed: false,
    examinationEndsOn: '2026-10-12',
    maturesOn: null,
    expectedOn: '2026-10-14',
  });
  // Usance 60 days after acceptance on 10/12: 12/11 (a Friday), + 2 banking days → Tue 12/15.
  const usance = paymentTimeline(cal, { ...lc, availability: 'usance', usanceDays: 60 });
  assert.equal(usance.maturesOn, '2026-12-11');
  assert.equal(usance.expectedOn, '2026-12-15');
  // Usance 90 days: 2027-01-10 is a Sunday → maturity Monday 1/11, cash Wed 1/13.
  const ninety = paymentTimeline(cal, { ...lc, availability: 'usance', usanceDays: 90 });
  assert.deepEqual([ninety.maturesOn, ninety.expectedOn], ['2027-01-11', '2027-01-13']);
  // Not presented yet: assumes presentation on the deadline (9/29), the latest it can be.
  const assumed = paymentTimeline(cal, { ...lc, presentedOn: null });
  assert.equal(assumed.isPresentationAssumed, true);
  assert.equal(assumed.expectedOn, '2026-10-14');
});

test('checklist: terms raise flags a person cannot clear; the rest are answers, unknown until given', () => {
  const none = lcChecklist(cal, lc, {});
  assert.deepEqual(
    none.map((c) => [c.code, c.state]),
    [
      ['issuing_bank_authenticated', 'unknown'],
      ['irrevocable', 'pass'],
      ['confirmed_if_high_risk', 'pass'],
      ['no_soft_clauses', 'unknown'],
      ['realistic_shipment_date', 'unknown'],
      ['presentation_period', 'pass'],
      ['terms_match_contract', 'unknown'],
      ['no_advance_fees', 'unknown'],
      ['documents_through_banks', 'unknown'],
    ],
  );
  const risky = lcChecklist(
    cal,
    { ...lc, isIrrevocable: false, confirmingBank: null, presentationDays: 30, latestShipmentOn: '2026-09-03' },
    { irrevocable: 'pass', no_soft_clauses: 'flag' },
  );
  const flags = risky.filter((c) => c.state === 'flag').map((c) => c.code);
  assert.deepEqual(flags, [
    'irrevocable',
    'confirmed_if_high_risk',
    'no_soft_clauses',
    'realistic_shipment_date',
    'presentation_period',
  ]);
  // A very short period: 3 days after shipment.
  const short = lcChecklist(cal, { ...lc, presentationDays: 3 }, {});
  assert.equal(short.find((c) => c.code === 'presentation_period')?.state, 'flag');
  // Every item reads in both languages.
  for (const code of LC_CHECKS) {
    for (const locale of ['en', 'zh-CN'] as const)
      assert.notEqual(translate(`LC_CHECK_${code}`, {}, locale), `LC_CHECK_${code}`);
  }
  assert.match(translate('LC_CHECK_presentation_period', {}, 'zh-CN'), /21 天/);
});

test('secured only when documents comply, the paying bank is sound and the checklist is clean', () => {
  const all = Object.fromEntries(LC_CHECKS.map((c) => [c, 'pass' as const]));
  const clean = lcChecklist(cal, lc, all);
  assert.deepEqual(lcSecurity(lc, clean, '2026-10-01'), { isSecured: true, reasons: [] });
  // Discrepant documents.
  assert.deepEqual(lcSecurity({ ...lc, documentsComply: false }, clean, '2026-10-01').reasons, [
    'documents_discrepant',
  ]);
  // Without the confirmation the issuing bank pays, and it is not judged sound.
  const unconfirmed = { ...lc, confirmingBank: null };
  assert.deepEqual(lcSecurity(unconfirmed, lcChecklist(cal, unconfirmed, all), '2026-10-01').reasons, [
    'checklist_flag',
    'bank_not_sound',
  ]);
  // Not examined yet, checklist incomplete.
  assert.deepEqual(lcSecurity({ ...lc, documentsComply: null }, lcChecklist(cal, lc, {}), '2026-10-01').reasons, [
    'checklist_unknown',
    'documents_not_examined',
  ]);
  // Expired without presentation.
  const lapsed = { ...lc, presentedOn: null, documentsComply: null, status: 'accepted' as const };
  assert.deepEqual(lcSecurity(lapsed, clean, '2026-11-01').reasons, ['expired', 'documents_not_examined']);
});
