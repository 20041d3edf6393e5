import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreCustomer } from './scorecard.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';
import { cleanInput, legalEvent } from './test-support.js';

const asOf = '2026-11-25';

test('a clean prompt payer is not overridden: (0.35·80 + 0.15·100 + 0.1·60)/0.6 = 81.7, grade B', () => {
  const r = scoreCustomer(cleanInput(), asOf, S);
  assert.equal(r.score, 81.7);
  assert.equal(r.grade, 'B'); // PD 1/(1 + e^(−1.74 + 0.078·81.667)) = 0.97%
  assert.equal(r.isHold, false);
});

const cases: [string, Parameters<typeof cleanInput>[0], string][] = [
  [
    '失信被执行人',
    { legal: { events: [legalEvent('dishonest_debtor', '2026-03-02')], checkedOn: null } },
    'CS_OVERRIDE_DISHONEST_DEBTOR',
  ],
  [
    'insolvency',
    { legal: { events: [legalEvent('insolvency', '2026-11-02')], checkedOn: null } },
    'CS_OVERRIDE_INSOLVENCY',
  ],
  [
    '持续逾期',
    { legal: { events: [legalEvent('acceptor_persistent_overdue', '2026-06-30')], checkedOn: null } },
    'CS_OVERRIDE_ACCEPTOR_PERSISTENT_OVERDUE',
  ],
  [
    'Creditsafe 27',
    { ratings: [{ customerId: 'C1', agency: 'creditsafe', value: '27', ratedOn: '2026-11-13' }] },
    'CS_OVERRIDE_EXTERNAL',
  ],
  [
    'D&B class 5',
    { ratings: [{ customerId: 'C1', agency: 'dnb_failure', value: 'class:5', ratedOn: '2026-11-13' }] },
    'CS_OVERRIDE_EXTERNAL',
  ],
  ['insurer cancelled', { insurerLimitCancelledOn: '2026-11-02' }, 'CS_OVERRIDE_INSURER_CANCELLED'],
];

for (const [name, extra, code] of cases) {
  test(`override ${name}: grade E, PD ≥ 20%, score ≤ 40.1, a hold, the override first among the drivers`, () => {
    const r = scoreCustomer(cleanInput(extra), asOf, S);
    assert.equal(r.grade, 'E');
    assert.ok((r.pd ?? 0) >= 0.2);
    // S(20%) = (ln 4 + 1.74)/0.078 = 40.08
    assert.ok((r.score ?? 100) <= 40.1);
    assert.equal(r.isHold, true);
    assert.equal(r.drivers[0]?.code, code);
  });
}

test('an insurer cancellation dated after asOf does not yet apply', () => {
  const r = scoreCustomer(cleanInput({ insurerLimitCancelledOn: '2026-12-01' }), asOf, S);
  assert.equal(r.isHold, false);
});
