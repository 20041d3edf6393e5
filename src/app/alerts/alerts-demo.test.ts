import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../../db/connection.js';
import { loadAlerts, loadTransitions } from '../../db/stores/alerts.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { fixedClock } from '../clock.js';
import { recordReview } from '../credit/index.js';
import { createDemoCompany } from '../demo/write.js';
import { actOnAlert, alertsAfterImport, getAlertDetail, listAlerts, runAlerts } from './index.js';

/**
 * The demo company (seeded, docs/demo.md) as of 2026-12-08: the insolvent customer and the one
 * with the new legal records are critical, the habitual late payer (KH00003, always 30–45 days
 * late) is a watch for its delay, the prompt payer raises nothing; a second run changes nothing;
 * people act on alerts; a condition that clears resolves its alert.
 */
const asOf = '2026-12-08';
const orgId = 'demo';
const clock = fixedClock('2026-12-08T01:00:00Z');

describeEachDialect('alerts on the demo company', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    await createDemoCompany(db, { asOf, orgId });
  });
  after(async () => db.close());

  const byCode = async () => {
    const { alerts } = await listAlerts(db, { orgId, locale: 'en' });
    const out = new Map<string, { rule: string; level: string }[]>();
    for (const a of alerts) {
      const code = String(a.evidence.data.customer ?? '(company)');
      out.set(code, [...(out.get(code) ?? []), { rule: a.rule, level: a.level }]);
    }
    return out;
  };

  test('the insolvent and the legal-event customers are critical, the habitual late payer a watch, the prompt payer nothing', async () => {
    const run = await runAlerts(db, { orgId, asOf, clock });
    assert.ok(run.ok, JSON.stringify(!run.ok && run.error));
    assert.ok(run.value.raised > 0 && run.value.resolved === 0);
    const alerts = await byCode();
    const has = (code: string, rule: string, level: string) =>
      (alerts.get(code) ?? []).some((a) => a.rule === rule && a.level === level);
    // KH00006: in insolvency proceedings, 失信 — critical, and its overdue is a default signal.
    assert.ok(has('KH00006', 'insolvency', 'critical'));
    assert.ok(has('KH00006', 'overdue_default_signal', 'critical'));
    // KH00005: lawsuit and enforcement, grade drop, insurer cancelled — critical.
    assert.ok(has('KH00005', 'overdue_default_signal', 'critical'));
    assert.ok(has('KH00005', 'legal_event', 'warning'));
    // KH00003: the habitual late payer, late as it always is — an ordinary delay, watch.
    assert.ok(has('KH00003', 'overdue_delay', 'watch'), JSON.stringify(alerts.get('KH00003')));
    // Its credit alerts stay below critical; a missed insurance deadline on its late invoices is
    // critical by DOMAIN 1.5 rule 3 (cover may be lost), whoever the buyer is.
    assert.ok(!(alerts.get('KH00003') ?? []).some((a) => a.level === 'critical' && a.rule !== 'insurance_deadline'));
    assert.ok(has('KH00003', 'insurance_deadline', 'critical'));
    // KH00002: the prompt payer — nothing.
    // (Its policy calendar — shipment declarations, limit renewal — still raises insurance deadlines.)
    assert.deepEqual(
      (alerts.get('KH00002') ?? []).filter((a) => a.rule !== 'insurance_deadline'),
      [],
    );
    // The 商承 we hold whose acceptor (KH00009) is on the 票交所 list.
    assert.ok(has('KH00009', 'bill_acceptor_listed', 'warning'));
  });

  test('a second run is idempotent: the same alerts, no duplicate, no new history', async () => {
    const before = await loadAlerts(db, { orgId });
    const run = await runAlerts(db, { orgId, asOf, clock });
    assert.ok(run.ok);
    assert.equal(run.value.raised, 0);
    assert.equal(run.value.resolved, 0);
    const afterRun = await loadAlerts(db, { orgId });
    assert.equal(afterRun.length, before.length);
    assert.equal(new Set(afterRun.map((a) => a.key)).size, afterRun.length);
    const history = await loadTransitions(db, { orgId, alertId: afterRun[0]?.id as string });
    assert.deepEqual(
      history.map((h) => h.action),
      ['raised'],
    );
  });

  test('an import that committed rows runs the alerts; a dry run or an import that changed nothing does not', async () => {
    const report = { committed: true, inserted: 3, updated: 0 };
    assert.equal(await alertsAfterImport(db, { ...report, committed: false }, { orgId, clock }), null);
    assert.equal(await alertsAfterImport(db, { ...report, inserted: 0 }, { orgId, clock }), null);
    const r = await alertsAfterImport(db, report, { orgId, clock });
    assert.ok(r?.ok && r.value.asOf === '2026-12-08' && r.value.raised === 0);
  });

  test('acknowledge, snooze with a reason, assign, resolve; each kept in the history; another organisation sees nothing', async () => {
    const [first] = (await listAlerts(db, { orgId, locale: 'en', level: ['critical'] })).alerts;
    assert.ok(first);
    const act = (over: Partial<Parameters<typeof actOnAlert>[1]>) =>
      actOnAlert(db, { orgId, id: first.id, action: 'acknowledge', actor: 'u-1', clock, ...over });
    const ack = await act({});
    assert.ok(ack.ok && ack.value.status === 'acknowledged');
    const again = await act({});
    assert.ok(!again.ok && again.error.code === 'ALERT_TRANSITION_INVALID');
    const noReason = await act({ action: 'snooze', until: '2026-12-15' });
    assert.ok(!noReason.ok && noReason.error.details.field === 'reason');
    const snooze = await act({ action: 'snooze', until: '2026-12-15', reason: 'promised to pay on Friday' });
    assert.ok(snooze.ok && snooze.value.status === 'snoozed' && snooze.value.snoozedUntil === '2026-12-15');
    const assign = await act({ action: 'assign', assignee: 'wang.li' });
    assert.ok(assign.ok && assign.value.assignee === 'wang.li' && assign.value.status === 'snoozed');
    await createOrganisation(db, {
      id: 'other',
      name: 'Other',
      baseCurrency: 'CNY',
      createdAt: '2026-01-01T00:00:00Z',
    });
    const foreign = await actOnAlert(db, { orgId: 'other', id: first.id, action: 'resolve', actor: 'x', clock });
    assert.ok(!foreign.ok && foreign.error.code === 'ALERT_NOT_FOUND');
    assert.deepEqual((await listAlerts(db, { orgId: 'other', locale: 'en' })).alerts, []);
    const resolved = await act({ action: 'resolve', note: 'handed to the lawyer' });
    assert.ok(resolved.ok && resolved.value.status === 'resolved');
    const detail = await getAlertDetail(db, { orgId, id: first.id });
    assert.ok(detail.ok);
    assert.deepEqual(
      detail.value.history.map((h) => [h.action, h.to, h.actor]),
      [
        ['raised', 'open', 'system'],
        ['acknowledged', 'acknowledged', 'u-1'],
        ['snoozed', 'snoozed', 'u-1'],
        ['assigned', 'snoozed', 'u-1'],
        ['resolved', 'resolved', 'u-1'],
      ],
    );
    // A person's resolution holds on the next run while the condition stays as it was.
    assert.ok((await runAlerts(db, { orgId, asOf, clock })).ok);
    const kept = await getAlertDetail(db, { orgId, id: first.id });
    assert.ok(kept.ok && kept.value.status === 'resolved');
  });

  test('a condition that clears resolves its alert: the review recorded, the review-due alert is resolved by the system', async () => {
    const due = (await listAlerts(db, { orgId, locale: 'en', rule: ['review_due'] })).alerts.find(
      (a) => a.evidence.data.customer === 'KH00003',
    );
    assert.ok(due);
    const review = await recordReview(db, {
      orgId,
      customerId: 'KH00003',
      asOf,
      reviewer: 'u-1',
      reason: 'pays late as always',
    });
    assert.ok(review.ok);
    const run = await runAlerts(db, { orgId, asOf, clock });
    assert.ok(run.ok && run.value.resolved === 1, JSON.stringify(run.ok && run.value.resolved));
    const detail = await getAlertDetail(db, { orgId, id: due.id });
    assert.ok(detail.ok && detail.value.status === 'resolved' && detail.value.resolvedBy === 'system');
    assert.equal(detail.value.history.at(-1)?.action, 'auto_resolved');
  });
});

test('an unknown organisation or a bad date is refused', async () => {
  const { openDatabase } = await import('../../db/connection.js');
  const { migrateToLatest } = await import('../../db/migrate.js');
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const bad = await runAlerts(db, { orgId, asOf: '2026-13-01', clock });
  assert.ok(!bad.ok && bad.error.code === 'VALIDATION_FAILED');
  const none = await runAlerts(db, { orgId: 'nobody', asOf, clock });
  assert.ok(!none.ok && none.error.code === 'ORGANISATION_NOT_FOUND');
  await db.close();
});
