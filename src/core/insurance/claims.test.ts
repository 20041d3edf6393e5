import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import type { Result } from '../shared/index.js';
import {
  applyClaimChange,
  CLAIM_DOCUMENTS,
  type Claim,
  claimIndemnity,
  claimRecoverySplit,
  expectedIndemnityOn,
  validateClaimChange,
  validateClaimDraft,
} from './claims.js';

const T = DEFAULT_POLICY_TERMS;

function claim(over: Partial<Claim> = {}): Claim {
  return {
    id: 'k1',
    policyId: 'p1',
    customerId: 'a',
    invoiceId: null,
    currency: 'CNY',
    claimOn: '2026-11-30',
    amountClaimedMinor: 30_000_00,
    recoveriesBeforeMinor: 0,
    recoveriesAfterMinor: 0,
    status: 'draft',
    filedOn: null,
    decidedOn: null,
    paidOn: null,
    expectedPaymentOn: null,
    approvedMinor: null,
    paidMinor: null,
    note: null,
    documents: CLAIM_DOCUMENTS.map((document) => ({ document, receivedOn: null })),
    ...over,
  };
}

const change = (raw: unknown) => {
  const r = validateClaimChange(raw);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

test('indemnity of one claim: (30,000 − 2,000 recovered) × 90 % − 1,000 excess = 24,200.00', () => {
  const line = claimIndemnity(
    { ...T, perBuyerExcessMinor: 1_000_00 },
    claim({ recoveriesBeforeMinor: 2_000_00 }),
    [],
    0,
  );
  assert.equal(line.indemnifiableLossMinor, 28_000_00);
  assert.equal(line.indemnityMinor, 24_200_00);
});

test('earlier claims of the year use the AFL and the maximum liability first; drafts and rejected do not', () => {
  const terms = { ...T, aggregateFirstLossMinor: 5_000_00, maxLiabilityMinor: 40_000_00, claimThresholdMinor: 500_00 };
  const first = claim({
    id: 'k0',
    customerId: 'b',
    claimOn: '2026-10-01',
    amountClaimedMinor: 20_000_00,
    status: 'paid',
  });
  const small = claim({
    id: 'k00',
    customerId: 'c',
    claimOn: '2026-09-01',
    amountClaimedMinor: 500_00,
    status: 'filed',
  });
  const draft = claim({ id: 'k9', customerId: 'd', claimOn: '2026-08-01', amountClaimedMinor: 90_000_00 });
  const rejected = claim({
    id: 'k8',
    customerId: 'e',
    claimOn: '2026-08-02',
    amountClaimedMinor: 90_000_00,
    status: 'rejected',
  });
  // first: NQL 500 takes out `small`; AFL 5,000 on first: (20,000 − 5,000) × 90 % = 13,500.
  // this one: no AFL left; 30,000 × 90 % = 27,000, capped at 40,000 − 13,500 = 26,500.00.
  const line = claimIndemnity(terms, claim(), [first, small, draft, rejected], 0);
  assert.equal(line.firstLossMinor, 0);
  assert.equal(line.grossMinor, 27_000_00);
  assert.equal(line.indemnityMinor, 26_500_00);
  assert.equal(line.cappedMinor, 500_00);
  // A later claim does not change an earlier one's figure.
  assert.equal(claimIndemnity(terms, first, [claim(), small], 0).indemnityMinor, 13_500_00);
});

test('recovery after a paid claim split pro rata: 6,000 on 30,000 debt, 22,500 paid → 4,500 insurer, 1,500 insured', () => {
  const split = claimRecoverySplit(claim({ status: 'paid', paidMinor: 22_500_00, recoveriesAfterMinor: 6_000_00 }));
  assert.deepEqual(split, { toInsurerMinor: 4_500_00, toInsuredMinor: 1_500_00 });
  // An odd fen goes by half-even rounding and the two parts still add up: 1,000.01 × 75 %.
  const odd = claimRecoverySplit(claim({ status: 'paid', paidMinor: 22_500_00, recoveriesAfterMinor: 1_000_01 }));
  assert.equal(odd.toInsurerMinor + odd.toInsuredMinor, 1_000_01);
  assert.equal(odd.toInsurerMinor, 750_01);
});

test('workflow: draft → filed → documents complete → partially approved → paid, with dates', () => {
  let c = claim();
  const step = (raw: unknown, today = '2026-12-01') => {
    const r = applyClaimChange(c, change(raw), 27_000_00, today);
    assert.ok(r.ok, JSON.stringify(r));
    c = r.value;
  };
  step({ status: 'filed', on: '2026-12-01' });
  assert.equal(c.filedOn, '2026-12-01');
  const early = applyClaimChange(c, change({ status: 'documents_complete' }), 27_000_00, '2026-12-02');
  assert.equal(early.ok, false);
  if (!early.ok) assert.equal(early.error.code, 'INS_CLAIM_DOCUMENTS_MISSING');
  step({ received: [...CLAIM_DOCUMENTS], status: 'documents_complete' }, '2026-12-05');
  assert.ok(c.documents.every((d) => d.receivedOn === '2026-12-05'));
  const tooMuch = applyClaimChange(
    c,
    change({ status: 'partially_approved', approvedMinor: 27_000_00 }),
    27_000_00,
    '2027-01-10',
  );
  assert.equal(tooMuch.ok, false);
  step({ status: 'partially_approved', approvedMinor: 20_000_00, on: '2027-01-10' });
  assert.equal(c.decidedOn, '2027-01-10');
  assert.equal(expectedIndemnityOn(T, '2026-06-30', c), '2027-02-09');
  step({ status: 'paid', on: '2027-02-05' });
  assert.equal(c.paidMinor, 20_000_00);
  step({ recoveryAfterMinor: 3_000_00 });
  // 3,000 × 20,000 ÷ 30,000 = 2,000 to the insurer.
  assert.deepEqual(claimRecoverySplit(c), { toInsurerMinor: 2_000_00, toInsuredMinor: 1_000_00 });
});

test('a move the workflow does not allow is refused, naming the statuses allowed', () => {
  const r = applyClaimChange(claim(), change({ status: 'paid' }), 0, '2026-12-01');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'INS_CLAIM_BAD_STATUS');
    assert.equal(r.error.details.expected, 'filed');
  }
  const rec = applyClaimChange(claim(), change({ recoveryAfterMinor: 100 }), 0, '2026-12-01');
  assert.equal(rec.ok, false);
});

test('validation names the field: amount, date, document, unknown field', () => {
  const fieldOf = (raw: unknown, v: (x: unknown) => Result<unknown> = validateClaimDraft) => {
    const r = v(raw);
    return r.ok ? null : r.error.details.field;
  };
  assert.equal(fieldOf({ customer: 'C1', claimOn: '2026-11-30', amountClaimedMinor: 0 }), 'amountClaimedMinor');
  assert.equal(fieldOf({ customer: 'C1', claimOn: '30/11/2026', amountClaimedMinor: 1 }), 'claimOn');
  assert.equal(fieldOf({ claimOn: '2026-11-30', amountClaimedMinor: 1 }), 'customer');
  assert.equal(fieldOf({ customer: 'C1', claimOn: '2026-11-30', amountClaimedMinor: 1, amount: 3 }), 'amount');
  assert.equal(fieldOf({ received: ['passport'] }, validateClaimChange), 'received');
  assert.equal(fieldOf({ status: 'closed' }, validateClaimChange), 'status');
  const good = validateClaimDraft({ customer: 'C1', claimOn: '2026-11-30', amountClaimedMinor: 30_000_00 });
  assert.ok(good.ok);
  if (good.ok) assert.equal(good.value.recoveriesBeforeMinor, 0);
});

test('expected indemnity date: without a claim, original due + claim filing days + payment days', () => {
  assert.equal(expectedIndemnityOn(T, '2026-06-30', null), '2027-01-26');
  assert.equal(expectedIndemnityOn(T, '2026-06-30', claim({ filedOn: '2026-12-01', status: 'filed' })), '2026-12-31');
  assert.equal(
    expectedIndemnityOn(T, '2026-06-30', claim({ filedOn: '2026-12-01', expectedPaymentOn: '2027-03-01' })),
    '2027-03-01',
  );
});
