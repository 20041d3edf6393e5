import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeAccuracy, countdownAccuracy, type SnapshotPayload } from './accuracy.js';

const snap = (asOf: string, weeks: [string, number][]): SnapshotPayload => ({
  version: 1,
  asOf,
  scenario: 'base',
  granularity: 'week',
  currency: 'CNY',
  openingMinor: 0,
  bufferMinor: 0,
  periods: weeks.map(([startOn, r]) => ({
    startOn,
    endOn: startOn,
    receiptsMinor: r,
    disbursementsMinor: 0,
    closingMinor: 0,
    lines: {},
  })),
});

test('WAPE, bias and countdown accuracy against actual weeks', () => {
  const snapshots = [
    snap('2026-01-05', [
      ['2026-01-05', 100],
      ['2026-01-12', 200],
    ]),
    snap('2026-01-12', [
      ['2026-01-12', 150],
      ['2026-01-19', 90],
    ]),
  ];
  const actuals = [
    { startOn: '2026-01-05', receiptsMinor: 80, disbursementsMinor: 0 },
    { startOn: '2026-01-12', receiptsMinor: 160, disbursementsMinor: 0 },
  ];
  const [h1, h2] = computeAccuracy(snapshots, actuals, [1, 2]);
  // 1 week ahead: |80−100| + |160−150| = 30 over 240.
  assert.equal(h1?.points, 2);
  assert.equal(h1?.receipts.wape, 30 / 240);
  assert.equal(h1?.receipts.bias, (100 + 150 - 240) / 240);
  assert.equal(h1?.receipts.isFlagged, false);
  // 2 weeks ahead: only the first snapshot's week of 12 January has an actual: |160−200| / 160.
  assert.equal(h2?.points, 1);
  assert.equal(h2?.receipts.wape, 0.25);
  assert.equal(h2?.receipts.isFlagged, true, 'accuracy 75% is below the 80% flag');
  const countdown = countdownAccuracy(snapshots, '2026-01-12', actuals[1]);
  assert.deepEqual(
    countdown.map((c) => [c.weeksAhead, c.forecastMinor, c.accuracy]),
    [
      [2, 200, 0.75],
      [1, 150, 1 - 10 / 160],
    ],
  );
});
