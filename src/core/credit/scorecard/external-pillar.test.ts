import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExternalRating } from '../../model/index.js';
import { normaliseRating, scoreExternal } from './external-pillar.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';

const rating = (agency: ExternalRating['agency'], value: string, ratedOn = '2026-10-01'): ExternalRating => ({
  customerId: 'C1',
  agency,
  value,
  ratedOn,
});
const asOf = '2026-11-25';

test('normalisation: Creditsafe and PAYDEX as-is, Allianz g → 100 − (g − 1)·11, D&B failure percentile or class', () => {
  assert.equal(normaliseRating(rating('creditsafe', '72'), S)?.score, 72);
  assert.equal(normaliseRating(rating('dnb_paydex', '54'), S)?.score, 54);
  assert.equal(normaliseRating(rating('allianz', '1'), S)?.score, 100);
  assert.equal(normaliseRating(rating('allianz', '4'), S)?.score, 67);
  assert.equal(normaliseRating(rating('allianz', '10'), S)?.score, 1);
  assert.deepEqual(
    [
      normaliseRating(rating('dnb_failure', '63'), S)?.score,
      normaliseRating(rating('dnb_failure', '63'), S)?.failureClass,
    ],
    [63, 2],
  );
  assert.equal(normaliseRating(rating('dnb_failure', 'class:3'), S)?.score, 30);
  assert.equal(normaliseRating(rating('allianz', '11'), S), null);
  assert.equal(normaliseRating(rating('other', '50'), S), null);
});

test('the newest rating of each agency is averaged; an older one of the same agency is ignored', () => {
  const r = scoreExternal(
    [rating('creditsafe', '90', '2025-12-01'), rating('creditsafe', '60'), rating('allianz', '5')],
    asOf,
    S,
  );
  assert.ok(r.outcome.ok);
  // (60 + (100 − 4·11)) / 2 = (60 + 56) / 2
  assert.equal(r.outcome.result.score, 58);
  assert.deepEqual(r.overrides, []);
});

test('overrides: Creditsafe below 30, D&B failure class 4 or 5 (or percentile ≤ 10)', () => {
  assert.equal(scoreExternal([rating('creditsafe', '27')], asOf, S).overrides[0]?.code, 'CS_OVERRIDE_EXTERNAL');
  assert.equal(scoreExternal([rating('creditsafe', '30')], asOf, S).overrides.length, 0);
  assert.equal(scoreExternal([rating('dnb_failure', 'class:4')], asOf, S).overrides.length, 1);
  assert.equal(scoreExternal([rating('dnb_failure', 'C5')], asOf, S).overrides.length, 1);
  assert.equal(scoreExternal([rating('dnb_failure', '8')], asOf, S).overrides.length, 1);
  // PAYDEX is a payment index, not a failure score: no override even when low.
  assert.equal(scoreExternal([rating('dnb_paydex', '20')], asOf, S).overrides.length, 0);
});

test('stale or future ratings leave the pillar missing, with the reason', () => {
  const r = scoreExternal([rating('creditsafe', '70', '2023-01-01'), rating('allianz', '3', '2026-12-01')], asOf, S);
  assert.ok(!r.outcome.ok);
  assert.equal(r.outcome.missing.reason.code, 'CS_PILLAR_MISSING_EXTERNAL');
});
