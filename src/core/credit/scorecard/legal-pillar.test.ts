import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreIndustry } from './industry-pillar.js';
import { legalOverrides, scoreLegal } from './legal-pillar.js';
import { resolveScorecardSettings, DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';
import { legalEvent as ev } from './test-support.js';

const asOf = '2026-11-25';

test('100 − 40 per enforcement − 30 per material defendant lawsuit − 15 abnormal operations', () => {
  const events = [
    ev('enforcement', '2026-10-16', { amountMinor: 42_000_000 }),
    ev('lawsuit_defendant', '2026-08-22', { amountMinor: 42_000_000 }),
    ev('lawsuit_defendant', '2026-07-01', { amountMinor: 5_000_000 }), // ¥50,000: below the ¥100,000 threshold
    ev('abnormal_operations', '2026-09-16'),
  ];
  const r = scoreLegal({ events, checkedOn: null }, asOf, S);
  assert.ok(r.ok);
  assert.equal(r.result.score, 15);
  assert.deepEqual(
    r.result.reasons.map((x) => x.code),
    ['CS_LEGAL_ENFORCEMENT', 'CS_LEGAL_LAWSUIT_DEFENDANT', 'CS_LEGAL_ABNORMAL_OPERATIONS'],
  );
});

test('resolved events and events outside the lookback do not count; the floor is 0', () => {
  const events = [
    ev('lawsuit_defendant', '2025-01-04', { amountMinor: 75_000_000, resolvedOn: '2025-03-18' }),
    ev('enforcement', '2022-01-01'),
  ];
  const r = scoreLegal({ events, checkedOn: null }, asOf, S);
  assert.ok(r.ok && r.result.score === 100 && r.result.reasons[0]?.code === 'CS_LEGAL_CLEAN');
  const many = [1, 2, 3].map((m) => ev('enforcement', `2026-0${m}-01`));
  const floor = scoreLegal({ events: many, checkedOn: null }, asOf, S);
  assert.ok(floor.ok && floor.result.score === 0);
});

test('no event and no recorded check: missing (no search is not a clean search), unless the setting says the data covers everyone', () => {
  const r = scoreLegal({ events: [], checkedOn: null }, asOf, S);
  assert.ok(!r.ok && r.missing.reason.code === 'CS_PILLAR_MISSING_LEGAL');
  const covered = scoreLegal(
    { events: [], checkedOn: null },
    asOf,
    resolveScorecardSettings({ legalDataCoversAllCustomers: true }),
  );
  assert.ok(covered.ok && covered.result.score === 100);
});

test('overrides: live 失信被执行人, insolvency, 持续逾期; a resolved listing is not', () => {
  const codes = legalOverrides(
    [
      ev('dishonest_debtor', '2026-09-24'),
      ev('insolvency', '2026-11-02'),
      ev('acceptor_persistent_overdue', '2026-05-01'),
      ev('dishonest_debtor', '2025-01-01', { resolvedOn: '2026-01-01' }),
    ],
    asOf,
    S,
  ).map((r) => r.code);
  assert.deepEqual(codes, [
    'CS_OVERRIDE_ACCEPTOR_PERSISTENT_OVERDUE',
    'CS_OVERRIDE_DISHONEST_DEBTOR',
    'CS_OVERRIDE_INSOLVENCY',
  ]);
});

test('industry pillar: base 60, construction −10, country table, unknown industry says so', () => {
  const c = scoreIndustry({ industry: 'construction', country: 'CN' }, S);
  assert.ok(c.ok && c.result.score === 50);
  const u = scoreIndustry(
    { industry: null, country: 'RU' },
    resolveScorecardSettings({ countryAdjustments: { RU: -20 } }),
  );
  assert.ok(u.ok && u.result.score === 40);
  assert.deepEqual(
    u.result.reasons.map((x) => x.code),
    ['CS_INDUSTRY_UNKNOWN', 'CS_COUNTRY_ADJUSTED'],
  );
});
