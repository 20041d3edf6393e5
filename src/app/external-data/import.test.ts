import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { SAMPLE_CODE, sampleReport, writeWorkbook } from '../../import/external/test-workbooks.js';
import { formatReason } from '../credit/format.js';
import { listReviews } from '../credit/reviews.js';
import { scoreCustomers } from '../credit/score-customers.js';
import { importBureauFile, importCreditReport } from './import.js';

const ORG = 'o1';

describeEachDialect('external buyer data import', (open) => {
  test('a 企查查 export and a Creditsafe file change the grade and reasons; re-import changes nothing', async () => {
    const db = await open();
    try {
      await createOrganisation(db, { id: ORG, name: '示例', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
      await db.kysely
        .insertInto('customers')
        .values([
          // Matched by name (no credit code on file): 上海丙方商贸有限公司 reads as 上海丙方商贸.
          { org_id: ORG, id: 'c1', code: 'C001', name: '上海丙方商贸有限公司（浦东分公司）', industry: 'wholesale' },
          {
            org_id: ORG,
            id: 'c2',
            code: 'C002',
            name: '苏州丁方制造有限公司',
            registration_no: 'CN-778899',
            industry: 'wholesale',
          },
        ])
        .execute();
      const base = { orgId: ORG, today: '2026-12-01', locale: 'en' as const };
      const bureau = Buffer.from(
        'Company Number,Company Name,Credit Score,International Score,Credit Limit,Currency,Date\n' +
          ',上海丙方商贸有限公司,72,A,500000,CNY,2026-06-01\n' +
          'CN778899,Suzhou Ding,65,B,300000,CNY,2026-06-01\n',
      );
      const b1 = await importBureauFile(db, { ...base, fileName: 'creditsafe.csv', data: bureau });
      assert.deepEqual([b1.source, b1.inserted, b1.problems.length, b1.committed], ['creditsafe', 2, 0, true]);

      const before = await scoreCustomers(db, { orgId: ORG, asOf: '2026-12-01', customerId: 'c1' });
      assert.ok(before.ok);
      const c1Before = before.value.customers[0];
      assert.ok(c1Before);

      const data = await writeWorkbook(sampleReport());
      const dry = await importCreditReport(db, { ...base, fileName: '丙方.xlsx', data, dryRun: true });
      assert.deepEqual([dry.inserted, dry.committed], [6, false]);
      assert.equal((await db.kysely.selectFrom('legal_events').selectAll().execute()).length, 0);

      const first = await importCreditReport(db, { ...base, fileName: '丙方.xlsx', data });
      assert.deepEqual(
        [first.customer?.code, first.source, first.inserted, first.updated, first.unchanged],
        ['C001', '企查查', 6, 0, 0],
      );
      const events = await db.kysely
        .selectFrom('legal_events')
        .select(['type', 'occurred_on', 'source', 'amount_minor'])
        .orderBy('occurred_on')
        .execute();
      assert.deepEqual(
        events.map((e) => [e.type, e.occurred_on, e.source, e.amount_minor === null ? null : Number(e.amount_minor)]),
        [
          ['abnormal_operations', '2024-03-05', '企查查', null],
          ['administrative_penalty', '2025-07-01', '企查查', 5_000_000],
          ['lawsuit_defendant', '2026-05-20', '企查查', 86_500_000],
          ['enforcement', '2026-08-03', '企查查', 86_500_000],
          ['dishonest_debtor', '2026-10-12', '企查查', 86_500_000],
        ],
      );
      const reg = await db.kysely.selectFrom('external_registrations').selectAll().execute();
      assert.deepEqual(
        reg.map((r) => [r.customer_id, r.source, r.reported_on, r.credit_code, Number(r.capital_minor), r.status]),
        [['c1', '企查查', '2026-12-01', SAMPLE_CODE, 1_000_000_000, 'active']],
      );

      const again = await importCreditReport(db, { ...base, fileName: '丙方.xlsx', data });
      assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 6]);
      assert.equal((await db.kysely.selectFrom('legal_events').selectAll().execute()).length, 5);

      const after = await scoreCustomers(db, { orgId: ORG, asOf: '2026-12-01', customerId: 'c1' });
      assert.ok(after.ok);
      const c1 = after.value.customers[0];
      assert.ok(c1);
      const texts = [...c1.overrides, ...c1.pillars.flatMap((p) => p.reasons)].map((r) => formatReason(r, 'en'));
      assert.ok(
        texts.includes('listed as a dishonest judgment debtor on 2026-10-12, source Qichacha'),
        texts.join(' | '),
      );
      // Worked example. Before: external 72 (Creditsafe) and industry 60, weights 0.15 and 0.10
      // re-normalised to 0.6 / 0.4: 0.6·72 + 0.4·60 = 67.2, grade C.
      assert.deepEqual(
        [c1Before.grade, c1Before.score, c1Before.pillars.map((p) => [p.pillar, p.score])],
        [
          'C',
          67.2,
          [
            ['external', 72],
            ['industry', 60],
          ],
        ],
      );
      // After: legal 100 − 40 (失信) − 40 (被执行人) − 30 (lawsuit ¥865,000) − 10 (行政处罚) → floor 0; the
      // 经营异常 listing was removed on 2024-09-10 and does not count. 0.375·72 + 0.375·0 + 0.25·60 = 42,
      // then the live 失信 listing overrides: PD floored at 20%, the score capped at that PD's 40.1, grade E.
      assert.deepEqual(
        [c1.grade, c1.score, c1.pd, c1.pillars.map((p) => [p.pillar, p.score])],
        [
          'E',
          40.1,
          0.2,
          [
            ['external', 72],
            ['legal', 0],
            ['industry', 60],
          ],
        ],
      );
      assert.deepEqual(
        c1.overrides.map((r) => formatReason(r, 'zh-CN')),
        ['2026-10-12 被列为失信被执行人，来源：企查查'],
      );

      // A Creditsafe drop of 24 points (65 → 41) since the last review raises a review trigger.
      const drop = Buffer.from('Company Number,Company Name,Credit Score,Date\nCN-778899,Suzhou Ding,41,2026-11-02\n');
      const b2 = await importBureauFile(db, { ...base, fileName: 'creditsafe-nov.csv', data: drop });
      assert.deepEqual([b2.inserted, b2.problems.length], [1, 0]);
      const again2 = await importBureauFile(db, { ...base, fileName: 'creditsafe-nov.csv', data: drop });
      assert.deepEqual([again2.inserted, again2.updated, again2.unchanged], [0, 0, 1]);
      const reviews = await listReviews(db, { orgId: ORG, asOf: '2026-12-01' });
      assert.ok(reviews.ok);
      const c2 = reviews.value.reviews.find((r) => r.code === 'C002');
      const dropReason = c2?.reasons.find((r) => r.code === 'CR_RATING_DROP');
      assert.ok(dropReason);
      assert.equal(formatReason(dropReason, 'en'), 'Creditsafe rating fell from 65 to 41 on 2026-11-02');
    } finally {
      await db.close();
    }
  });

  test('a bad row names file, sheet, row and field and nothing is written; an unknown customer is refused', async () => {
    const db = await open();
    try {
      await createOrganisation(db, { id: ORG, name: '示例', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
      await db.kysely
        .insertInto('customers')
        .values({ org_id: ORG, id: 'c1', code: 'C001', name: '上海丙方商贸有限公司' })
        .execute();
      const sheets = sampleReport().map((s) =>
        s.name === '行政处罚' ? { ...s, rows: [[1, 'X-1', '虚假宣传', '五万元', '市监局', '2025-07-01']] } : s,
      );
      const r = await importCreditReport(db, {
        orgId: ORG,
        today: '2026-12-01',
        locale: 'en',
        fileName: 'bad.xlsx',
        data: await writeWorkbook(sheets),
      });
      assert.equal(r.committed, false);
      assert.deepEqual(
        r.problems.map((p) => p.message),
        ['bad.xlsx, sheet 行政处罚, row 3, 处罚金额: "五万元" is not an amount.'],
      );
      assert.equal((await db.kysely.selectFrom('legal_events').selectAll().execute()).length, 0);
      const unknown = await importBureauFile(db, {
        orgId: ORG,
        today: '2026-12-01',
        locale: 'zh-CN',
        fileName: 'cs.csv',
        data: Buffer.from('Company Number,Company Name,Credit Score,Date\nX9,Nobody Ltd,50,2026-06-01\n'),
      });
      assert.deepEqual(
        unknown.problems.map((p) => p.message),
        ['cs.csv，工作表 cs.csv，第 2 行，Company Number：没有信用代码或名称为“X9”的客户。'],
      );
      assert.equal((await db.kysely.selectFrom('external_ratings').selectAll().execute()).length, 0);
    } finally {
      await db.close();
    }
  });
});
