import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../../core/time/index.js';
import { describeEachDialect } from '../../db/test-support.js';
import { createDemoCompany } from '../demo/index.js';
import { insuranceCover, insuranceDeadlineReport, insuranceValue, valueSummary } from './reports.js';

const asOf = '2026-11-25';
const orgId = 'demo';

describeEachDialect('trade credit insurance on the demo company', (open) => {
  test('the cancelled buyer: deliveries from the cancellation on are not covered and say why; earlier ones run off', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
      const r = await insuranceCover(db, { orgId, asOf });
      assert.ok(r.ok, r.ok ? '' : r.error.code);
      const limit = await db.kysely
        .selectFrom('insured_buyer_limits')
        .select(['cancelled_on'])
        .where('customer_id', '=', 'demo:c-0005')
        .executeTakeFirstOrThrow();
      const cutOn = limit.cancelled_on as string;
      const own = r.value.invoices.filter((i) => i.customerId === 'demo:c-0005');
      const after = own.filter((i) => i.issuedOn >= cutOn);
      const before = own.filter((i) => i.issuedOn < cutOn);
      assert.ok(after.length > 0 && before.length > 0, `${after.length} after, ${before.length} before ${cutOn}`);
      for (const i of after) {
        assert.equal(i.covered, false, i.number);
        assert.deepEqual(i.reasons[0], { code: 'INS_SHIPPED_AFTER_LIMIT_CUT', data: { cutOn, limitMinor: 0 } });
      }
      assert.ok(
        before.some((i) => i.insuredMinor > 0),
        'run-off: earlier deliveries stay insured',
      );
      const buyer = r.value.buyers.find((b) => b.customerId === 'demo:c-0005');
      assert.equal(buyer?.cancelledOn, cutOn);
      assert.equal(buyer?.limitMinor, 0);
      // The insolvent buyer never had a limit.
      const insolvent = r.value.invoices.filter((i) => i.customerId === 'demo:c-0006');
      assert.ok(insolvent.length > 0);
      assert.ok(insolvent.every((i) => !i.covered && i.reasons.some((x) => x.code === 'INS_NO_LIMIT')));
      // Every open invoice is one row; totals add up.
      const open = r.value.invoices.reduce((s, i) => s + i.openMinor, 0);
      assert.equal(open, r.value.totals.openMinor);
      assert.equal(r.value.totals.insuredMinor + r.value.totals.uninsuredMinor, open);
    } finally {
      await db.close();
    }
  });

  test('deadlines count from the original due date; value of cover: less loss with the policy, none without limits', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
      const d = await insuranceDeadlineReport(db, { orgId, asOf });
      assert.ok(d.ok);
      assert.ok(d.value.deadlines.length > 0);
      const cover = await insuranceCover(db, { orgId, asOf });
      assert.ok(cover.ok);
      const dueOf = new Map(cover.value.invoices.map((i) => [i.invoiceId, i.dueOn]));
      for (const x of d.value.deadlines.filter((x) => x.kind === 'overdue_notification'))
        assert.equal(x.on, addDays(dueOf.get(x.invoiceId) ?? '', 15));
      const v = await insuranceValue(db, { orgId, asOf });
      assert.ok(v.ok);
      assert.ok(v.value.expectedLossWith < v.value.expectedLossWithout);
      assert.ok(v.value.lossAt99With < v.value.lossAt99Without);
      assert.ok(v.value.premium > 0);
      assert.equal(v.value.breakEven, v.value.expectedLossWithout - v.value.expectedLossWith);
      const s = valueSummary(v.value);
      assert.equal(s.expectedLossWith * 100, v.value.expectedLossWith);
      // Without any buyer limit the policy takes nothing off.
      await db.kysely.deleteFrom('insured_buyer_limits').execute();
      const bare = await insuranceValue(db, { orgId, asOf });
      assert.ok(bare.ok);
      assert.equal(bare.value.expectedLossWith, bare.value.expectedLossWithout);
      assert.equal(bare.value.breakEven, 0);
      assert.equal(bare.value.expectedLossWithout, v.value.expectedLossWithout);
    } finally {
      await db.close();
    }
  });

  test('no policy: INS_NO_POLICY', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
      await db.kysely.deleteFrom('insured_buyer_limits').execute();
      await db.kysely.deleteFrom('insurance_policies').execute();
      const r = await insuranceCover(db, { orgId, asOf });
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, 'INS_NO_POLICY');
    } finally {
      await db.close();
    }
  });
});
