import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { eligibleReceivables } from './eligible.js';
import { checkLimitDecision, type LimitDecision } from './limit-decision.js';

const row: LimitDecision = {
  policyId: 'p1',
  customerId: 'c1',
  kind: 'insurer_limit',
  currency: 'CNY',
  limitMinor: 50_000_000,
  effectiveFrom: '2026-01-01',
  cancelledOn: null,
};
const field = (d: Partial<LimitDecision>) => {
  const r = checkLimitDecision({ ...row, ...d } as LimitDecision, 'cover C-1');
  return r.ok ? 'OK' : `${r.error.code} ${String(r.error.details.field)} ${String(r.error.details.at)}`;
};

test('a limit decision is checked field by field before it is written, naming where it came from', () => {
  assert.equal(field({}), 'OK');
  assert.equal(field({ kind: 'excluded', limitMinor: 0 }), 'OK');
  assert.equal(field({ kind: 'excluded' }), 'INS_BAD_LIMIT limitMinor cover C-1');
  assert.equal(field({ kind: 'gold' as LimitDecision['kind'] }), 'INS_BAD_LIMIT kind cover C-1');
  assert.equal(field({ currency: 'XXQ' }), 'INS_BAD_LIMIT currency cover C-1');
  assert.equal(field({ limitMinor: 10.5 }), 'INS_BAD_LIMIT limitMinor cover C-1');
  assert.equal(field({ limitMinor: -1 }), 'INS_BAD_LIMIT limitMinor cover C-1');
  assert.equal(field({ effectiveFrom: '2026-02-30' }), 'INS_BAD_LIMIT effectiveFrom cover C-1');
  assert.equal(field({ cancelledOn: '2026-01-01' }), 'INS_BAD_LIMIT cancelledOn cover C-1');
  assert.equal(field({ cancelledOn: '2026-01-02' }), 'OK');
});

test('eligibility at the edge of the maximum extension: 60 days past the original due date in, 61 out', () => {
  const cover = (id: string, dueOn: string) => ({
    invoiceId: id,
    customerId: 'c1',
    number: id,
    issuedOn: '2026-08-01',
    dueOn,
    openMinor: 1_000,
    covered: true,
    insuredMinor: 1_000,
    uninsuredMinor: 0,
    limitKind: 'insurer_limit' as const,
    reasons: [],
  });
  // 2026-12-08 is 60 days after 2026-10-09 and 61 after 2026-10-08.
  const pack = eligibleReceivables(
    [
      { cover: cover('A', '2026-10-09'), currency: 'CNY', openMinor: 1_000, isDisputed: false, limitMinor: 5_000 },
      { cover: cover('B', '2026-10-08'), currency: 'CNY', openMinor: 1_000, isDisputed: false, limitMinor: 5_000 },
      {
        cover: { ...cover('C', '2026-10-08'), insuredMinor: 0 },
        currency: 'CNY',
        openMinor: 1_000,
        isDisputed: true,
        limitMinor: null,
      },
    ],
    { ...DEFAULT_POLICY_TERMS, maxExtensionDays: 60, insuredPctCommercial: 0.9 },
    '2026-12-08',
  );
  assert.deepEqual(
    pack.eligible.map((l) => [l.number, l.daysOverdue, l.insuredMinor]),
    [['A', 60, 900]],
  );
  assert.deepEqual(
    pack.excluded.map((l) => [l.number, l.reasons]),
    [
      ['B', ['ELIG_OVERDUE_BEYOND_LIMIT']],
      ['C', ['ELIG_NOT_INSURED', 'ELIG_DISPUTED', 'ELIG_OVERDUE_BEYOND_LIMIT']],
    ],
  );
  assert.deepEqual(pack.totals, [{ currency: 'CNY', count: 1, openMinor: 1_000, insuredMinor: 900 }]);
});
