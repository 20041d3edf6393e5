import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLAIM_DOCUMENTS } from '../../core/insurance/index.js';
import type { Db } from '../connection.js';
import { describeEachDialect } from '../test-support.js';
import { withTransaction } from '../transaction.js';
import { listClaimHistory, listClaims, type StoredClaim, saveClaim } from './insurance-claims.js';
import { createOrganisation } from './organisations.js';

const claim = (over: Partial<StoredClaim> = {}): StoredClaim => ({
  id: 'k1',
  number: 'CL-2026-0001',
  policyId: 'p-o1',
  customerId: 'c-o1',
  invoiceId: null,
  currency: 'CNY',
  claimOn: '2026-11-30',
  amountClaimedMinor: 30_000_00,
  recoveriesBeforeMinor: 2_000_00,
  recoveriesAfterMinor: 0,
  status: 'draft',
  filedOn: null,
  decidedOn: null,
  paidOn: null,
  expectedPaymentOn: null,
  approvedMinor: null,
  paidMinor: null,
  note: '信保报损',
  documents: CLAIM_DOCUMENTS.map((document) => ({ document, receivedOn: null })),
  createdAt: '2026-11-30T08:00:00.000Z',
  updatedAt: '2026-11-30T08:00:00.000Z',
  ...over,
});

describeEachDialect('insurance claims store', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    for (const org of ['o1', 'o2']) {
      await createOrganisation(db, { id: org, name: org, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
      await db.kysely
        .insertInto('customers')
        .values({
          org_id: org,
          id: `c-${org}`,
          code: 'C1',
          name: 'Buyer',
          registration_no: null,
          industry: null,
          size_class: null,
          currency: 'CNY',
          email: null,
          since_on: null,
        })
        .execute();
      await db.kysely
        .insertInto('insurance_policies')
        .values({
          org_id: org,
          id: `p-${org}`,
          insurer: '中国信保',
          policy_number: 'SCIC1',
          currency: 'CNY',
          starts_on: '2026-01-01',
          ends_on: '2026-12-31',
          terms: '{}',
          loss_payee: null,
          loss_payee_type: null,
          financed_share: null,
        })
        .execute();
    }
  });
  after(async () => db.close());

  test('a claim, its documents and its status history round-trip; each organisation sees only its own', async () => {
    await withTransaction(db, (tx) =>
      saveClaim(tx, {
        orgId: 'o1',
        claim: claim(),
        isNew: true,
        history: { status: 'draft', on: '2026-11-30', changedBy: 'cli:li', note: null },
      }),
    );
    // The same id and reference in another organisation is another claim (keys start with org_id).
    await withTransaction(db, (tx) =>
      saveClaim(tx, {
        orgId: 'o2',
        claim: claim({ policyId: 'p-o2', customerId: 'c-o2', amountClaimedMinor: 5_00 }),
        isNew: true,
        history: null,
      }),
    );
    const docs = claim().documents.map((d) =>
      d.document === 'invoice' ? { ...d, receivedOn: '2026-12-01' as const } : d,
    );
    await withTransaction(db, (tx) =>
      saveClaim(tx, {
        orgId: 'o1',
        claim: claim({
          status: 'paid',
          filedOn: '2026-12-01',
          paidOn: '2027-02-05',
          paidMinor: 22_500_00,
          approvedMinor: 22_500_00,
          recoveriesAfterMinor: 6_000_00,
          documents: docs,
        }),
        isNew: false,
        history: { status: 'paid', on: '2027-02-05', changedBy: 'cli:li', note: '赔付' },
      }),
    );
    const [c] = await listClaims(db, { orgId: 'o1', documentOrder: CLAIM_DOCUMENTS });
    assert.equal(c?.status, 'paid');
    assert.equal(c?.amountClaimedMinor, 30_000_00);
    assert.equal(c?.paidMinor, 22_500_00);
    assert.equal(c?.recoveriesAfterMinor, 6_000_00);
    assert.equal(c?.note, '信保报损');
    assert.deepEqual(
      c?.documents.filter((d) => d.receivedOn !== null),
      [{ document: 'invoice', receivedOn: '2026-12-01' }],
    );
    assert.equal(c?.documents.length, CLAIM_DOCUMENTS.length);
    const history = await listClaimHistory(db, { orgId: 'o1', claimId: 'k1' });
    assert.deepEqual(
      history.map((h) => [h.seq, h.status, h.on]),
      [
        [1, 'draft', '2026-11-30'],
        [2, 'paid', '2027-02-05'],
      ],
    );
    const other = await listClaims(db, { orgId: 'o2', documentOrder: CLAIM_DOCUMENTS });
    assert.deepEqual(
      other.map((x) => [x.status, x.amountClaimedMinor]),
      [['draft', 5_00]],
    );
    assert.deepEqual(await listClaimHistory(db, { orgId: 'o2', claimId: 'k1' }), []);
  });

  test('a failed write inside the transaction leaves nothing half-written', async () => {
    await assert.rejects(
      withTransaction(db, async (tx) => {
        await saveClaim(tx, {
          orgId: 'o1',
          claim: claim({ id: 'k2', number: 'CL-2026-0002' }),
          isNew: true,
          history: null,
        });
        // The same reference again breaks the unique key.
        await saveClaim(tx, {
          orgId: 'o1',
          claim: claim({ id: 'k3', number: 'CL-2026-0002' }),
          isNew: true,
          history: null,
        });
      }),
    );
    const all = await listClaims(db, { orgId: 'o1', documentOrder: CLAIM_DOCUMENTS });
    assert.deepEqual(
      all.map((x) => x.id),
      ['k1'],
    );
  });
});
