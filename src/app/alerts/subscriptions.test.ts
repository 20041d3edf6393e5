import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertCategory, checkSubscription, shouldNotify } from '../../core/alerts/index.js';
import { insertMembership, insertUser } from '../../db/stores/accounts.js';
import { loadOutbox } from '../../db/stores/alerts.js';
import { describeEachDialect } from '../../db/test-support.js';
import { updateOrganisation } from '../accounts/organisation.js';
import { fixedClock } from '../clock.js';
import { createDemoCompany } from '../demo/write.js';
import { deliverAlertNotifications, runAlerts, wordAlert } from './index.js';
import type { NotificationPayload } from './senders.js';
import { composeDigest, readSubscription, sendDigests, setSubscription } from './subscriptions.js';

const clock = fixedClock('2026-03-31T01:00:00Z');

test('a rule has one category; a subscription reaches only its levels and categories; bad choices name the field', () => {
  assert.equal(alertCategory('overdue_stage'), 'payment');
  assert.equal(alertCategory('legal_event'), 'credit');
  assert.equal(alertCategory('runway_short'), 'cash');
  assert.equal(alertCategory('insurance_deadline'), 'insurance');
  assert.equal(alertCategory('fx_over_limit'), 'currency');
  assert.equal(alertCategory('something_new'), 'other');
  const mine = { id: 'user:u1', kind: 'email' as const, minLevel: 'warning' as const, categories: ['credit' as const] };
  assert.equal(shouldNotify({ action: 'raised', level: 'critical', rule: 'legal_event' }, mine), true);
  assert.equal(shouldNotify({ action: 'raised', level: 'critical', rule: 'overdue_stage' }, mine), false);
  assert.equal(shouldNotify({ action: 'raised', level: 'watch', rule: 'legal_event' }, mine), false);
  const ok = checkSubscription({ minLevel: 'warning', categories: ['cash', 'credit'], digest: true, locale: 'en' });
  assert.deepEqual(ok, {
    ok: true,
    value: { minLevel: 'warning', categories: ['credit', 'cash'], digest: true, locale: 'en' },
  });
  const bad = (over: Record<string, unknown>) => {
    const r = checkSubscription({ minLevel: null, categories: [], digest: false, locale: 'zh-CN', ...over });
    return r.ok ? null : r.error.details.field;
  };
  assert.equal(bad({}), null);
  assert.equal(bad({ minLevel: 'urgent' }), 'minLevel');
  assert.equal(bad({ minLevel: 'info' }), 'categories');
  assert.equal(bad({ categories: ['cash', 'cash'] }), 'categories');
  assert.equal(bad({ categories: ['toString'] }), 'categories');
  assert.equal(bad({ digest: 'yes' }), 'digest');
  assert.equal(bad({ locale: 'fr' }), 'locale');
});

describeEachDialect('members choose their own alerts', (open) => {
  test('a member subscribed to critical credit alerts in English gets those, in English; the digest goes once a day', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
      const at = '2026-01-01T00:00:00Z';
      for (const [id, email] of [
        ['u-cfo', 'cfo@demo.test'],
        ['u-ar', 'ar@demo.test'],
      ] as const) {
        await insertUser(db, { id, email, name: id, password_hash: 'x', created_at: at, password_changed_at: at });
        await insertMembership(db, { org_id: 'demo', user_id: id, role: 'viewer', created_at: at });
      }
      const set = await updateOrganisation(
        db,
        { orgId: 'demo', actor: 'user:test', now: at },
        { settings: { 'alerts.smtp': { host: '127.0.0.1', port: 2525, secure: false, from: 'cash@demo.test' } } },
      );
      assert.ok(set.ok);
      const before = await readSubscription(db, { orgId: 'demo', userId: 'u-cfo' });
      assert.deepEqual(before.ok && before.value.minLevel, null);
      const cfo = await setSubscription(
        db,
        { orgId: 'demo', userId: 'u-cfo', at },
        { minLevel: 'critical', categories: ['credit'], digest: true, locale: 'en' },
      );
      assert.ok(cfo.ok);
      const ar = await setSubscription(
        db,
        { orgId: 'demo', userId: 'u-ar', at },
        { minLevel: null, categories: [], digest: true, locale: 'zh-CN' },
      );
      assert.ok(ar.ok);

      const run = await runAlerts(db, { orgId: 'demo', asOf: '2026-03-31', clock });
      assert.ok(run.ok);
      const expected = run.value.fired.filter((a) => a.level === 'critical' && alertCategory(a.rule) === 'credit');
      assert.ok(expected.length > 0, 'the demo company has critical credit alerts');
      const outbox = await loadOutbox(db, { orgId: 'demo' });
      assert.deepEqual(
        outbox.map((o) => o.channel),
        expected.map(() => 'user:u-cfo'),
      );
      const sent: { to: readonly string[]; payload: NotificationPayload }[] = [];
      const delivered = await deliverAlertNotifications(db, {
        orgId: 'demo',
        clock,
        sender: async (channel, payload) => {
          sent.push({ to: channel.to ?? [], payload });
        },
      });
      assert.ok(delivered.ok);
      assert.equal(sent.length, expected.length);
      for (const s of sent) {
        assert.deepEqual(s.to, ['cfo@demo.test']);
        assert.equal(s.payload.locale, 'en');
        const alert = expected.find((a) => a.key === (s.payload as unknown as { key: string }).key);
        assert.ok(alert);
        assert.equal(s.payload.reason, wordAlert(alert.reason, 'en', 'CNY'));
      }

      const mails: { to: readonly string[]; subject: string; text: string }[] = [];
      const mailer = async (m: { to: readonly string[]; subject: string; text: string }) => {
        mails.push(m);
      };
      const digests = await sendDigests(db, { orgId: 'demo', runOn: '2026-03-31', clock, runner: 'a', mailer });
      assert.deepEqual(digests, { ok: true, value: 2 });
      const [toAr, toCfo] = [...mails].sort((a, b) => (a.to[0] ?? '').localeCompare(b.to[0] ?? ''));
      assert.match(toCfo?.subject ?? '', /^Daily alert digest of .+, 2026-03-31: \d+ critical/);
      assert.match(toAr?.subject ?? '', /每日预警摘要 2026-03-31：严重 \d+/);
      // The CFO's digest holds credit alerts only; the other's all of them.
      const all = await composeDigest(db, { orgId: 'demo', asOf: '2026-03-31', locale: 'zh-CN' });
      const credit = await composeDigest(db, {
        orgId: 'demo',
        asOf: '2026-03-31',
        locale: 'en',
        categories: ['credit'],
      });
      assert.ok(all.ok && credit.ok);
      assert.equal(toAr?.text, all.value.text);
      assert.equal(toCfo?.text, credit.value.text);
      const openAll = Object.values(all.value.open).reduce((s, n) => s + n, 0);
      assert.equal(openAll, run.value.fired.length);
      assert.equal(all.value.raisedToday, run.value.raised);
      // Once a day.
      const again = await sendDigests(db, { orgId: 'demo', runOn: '2026-03-31', clock, runner: 'b', mailer });
      assert.deepEqual(again, { ok: true, value: 0 });
      assert.equal(mails.length, 2);
    } finally {
      await db.close();
    }
  });
});
