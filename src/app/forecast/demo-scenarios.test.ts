import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createDemoCompany } from '../demo/index.js';
import { runForecast } from './index.js';

test('on the demo company, optimistic ≥ base ≥ pessimistic closing cash in every week and month', async () => {
  const db = await openDatabase({ url: ':memory:' });
  try {
    await migrateToLatest(db);
    const { orgId } = await createDemoCompany(db, { asOf: '2026-11-25', customers: 40, invoices: 3000, seed: 7 });
    for (const granularity of ['week', 'month'] as const) {
      const r = await runForecast(db, { orgId, asOf: '2026-11-25', granularity, trace: false });
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
      const [opt, base, pess] = ['optimistic', 'base', 'pessimistic'].map((n) => {
        const s = r.value.scenarios.find((x) => x.scenario === n);
        assert.ok(s, n);
        return s.periods.map((p) => p.closingMinor);
      });
      assert.ok(opt && base && pess);
      assert.equal(base.length, granularity === 'week' ? 13 : 6);
      base.forEach((b, i) => {
        assert.ok((opt[i] as number) >= b, `${granularity} ${i}: optimistic ${opt[i]} < base ${b}`);
        assert.ok(b >= (pess[i] as number), `${granularity} ${i}: base ${b} < pessimistic ${pess[i]}`);
      });
      // The scenarios do differ: the spread is real, not three copies of one line.
      assert.ok((opt.at(-1) as number) > (pess.at(-1) as number));
    }
  } finally {
    await db.close();
  }
});
