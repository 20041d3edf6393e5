import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratingDrops } from './review-schedule.js';
import { DEFAULT_REVIEW_SETTINGS } from './settings.js';

const since = (last: string) => (on: string) => on <= '2026-12-01' && on > last;

test('a rating 15 points or more below the same agency’s previous one, since the last review, is a trigger', () => {
  const ratings = [
    { agency: 'creditsafe', ratedOn: '2026-11-02', value: '41', score: 41 },
    { agency: 'creditsafe', ratedOn: '2026-06-01', value: '72', score: 72 },
    // 14 points: below the threshold.
    { agency: 'dnb_paydex', ratedOn: '2026-06-01', value: '80', score: 80 },
    { agency: 'dnb_paydex', ratedOn: '2026-10-01', value: '66', score: 66 },
    // Another agency's lower figure is no drop.
    { agency: 'dnb_failure', ratedOn: '2026-09-01', value: '20', score: 20 },
  ];
  assert.deepEqual(ratingDrops(ratings, since('2026-07-01'), DEFAULT_REVIEW_SETTINGS), [
    { code: 'CR_RATING_DROP', data: { agency: 'creditsafe', from: '72', to: '41', on: '2026-11-02' } },
  ]);
  // Reviewed after the drop: nothing new.
  assert.deepEqual(ratingDrops(ratings, since('2026-11-10'), DEFAULT_REVIEW_SETTINGS), []);
  // A stricter setting catches the PAYDEX fall of 14.
  assert.equal(
    ratingDrops(ratings, since('2026-07-01'), { ...DEFAULT_REVIEW_SETTINGS, ratingDropPoints: 14 }).length,
    2,
  );
});
