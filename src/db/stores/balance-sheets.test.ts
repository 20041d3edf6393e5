import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../test-support.js';
import { loadBalanceSheets, saveBalanceSheets } from './balance-sheets.js';
import { createOrganisation } from './organisations.js';

const sheet = (monthEnd: string, currentAssets: number) => ({
  monthEnd,
  currency: 'CNY',
  currentAssets,
  currentLiabilities: 200_000_00,
  cash: 50_000_00,
  shortTermInvestments: 0,
  receivables: 100_000_00,
  inventory: 80_000_00,
  cogs: 70_000_00,
});

describeEachDialect('company balance sheets', (open) => {
  test('save, replace a month, and load only the organisation’s own', async () => {
    const db = await open();
    try {
      for (const id of ['o1', 'o2'])
        await createOrganisation(db, { id, name: id, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
      await saveBalanceSheets(db, {
        orgId: 'o1',
        sheets: [sheet('2026-02-28', 300_000_00), sheet('2026-01-31', 250_000_00)],
      });
      await saveBalanceSheets(db, { orgId: 'o1', sheets: [sheet('2026-02-28', 320_000_00)] });
      await saveBalanceSheets(db, { orgId: 'o2', sheets: [sheet('2026-02-28', 1)] });
      const loaded = await loadBalanceSheets(db, { orgId: 'o1' });
      assert.deepEqual(
        loaded.map((s) => [s.monthEnd, s.currentAssets]),
        [
          ['2026-01-31', 250_000_00],
          ['2026-02-28', 320_000_00],
        ],
      );
      assert.deepEqual(loaded[1], sheet('2026-02-28', 320_000_00));
    } finally {
      await db.close();
    }
  });
});
