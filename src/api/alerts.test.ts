import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi, tokenClient } from './test-support.js';

/**
 * The alerts API on a small demo company (as of 2026-03-31, the test clock's day): run, list with
 * filters, detail with history, the actions and who may take them, words in both languages.
 */
interface Item {
  id: string;
  rule: string;
  level: string;
  status: string;
  reasonText: string;
  actionText: string;
  evidence: { data: Record<string, unknown>; links: { kind: string }[] };
}

describeEachDialect('API alerts', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let viewer: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
    const token = await owner.call('POST', '/api/v1/tokens', { name: 'viewer', role: 'viewer' });
    viewer = tokenClient(api.url, (token.body as { token: string }).token);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('run (write:credit) raises alerts; a second run raises none; a viewer may read but not run', async () => {
    assert.equal((await viewer.call('POST', '/api/v1/alerts/run', {})).status, 403);
    const first = await owner.call('POST', '/api/v1/alerts/run', { asOf: '2026-03-31' });
    assert.equal(first.status, 200, first.text);
    const r = first.body as { raised: number; byLevel: Record<string, number> };
    assert.ok(r.raised > 0);
    const second = await owner.call('POST', '/api/v1/alerts/run', {});
    assert.equal((second.body as { raised: number; resolved: number }).raised, 0);
    const list = await viewer.call('GET', '/api/v1/alerts?limit=500');
    assert.equal(list.status, 200, list.text);
    assert.equal((list.body as { items: Item[] }).items.length, r.raised);
  });

  test('a page at a time, most serious first, with the total and the counts by level of all that match', async () => {
    type Page = { items: Item[]; total: number; byLevel: Record<string, number>; nextOffset: number | null };
    const all = (await owner.call('GET', '/api/v1/alerts?limit=500')).body as Page;
    assert.ok(all.total >= 3, `only ${all.total} alerts`);
    assert.equal(all.items.length, all.total);
    assert.equal(all.nextOffset, null);
    const levels = ['critical', 'warning', 'watch', 'info'];
    assert.deepEqual(
      levels.map((l) => all.byLevel[l]),
      levels.map((l) => all.items.filter((a) => a.level === l).length),
    );
    const first = (await owner.call('GET', '/api/v1/alerts?limit=2')).body as Page;
    assert.deepEqual(
      first.items.map((a) => a.id),
      all.items.slice(0, 2).map((a) => a.id),
    );
    assert.equal(first.total, all.total);
    assert.deepEqual(first.byLevel, all.byLevel);
    assert.equal(first.nextOffset, 2);
    const second = (await owner.call('GET', '/api/v1/alerts?limit=2&offset=2')).body as Page;
    assert.deepEqual(
      second.items.map((a) => a.id),
      all.items.slice(2, 4).map((a) => a.id),
    );
    const last = (await owner.call('GET', `/api/v1/alerts?limit=2&offset=${all.total - 1}`)).body as Page;
    assert.equal(last.items.length, 1);
    assert.equal(last.nextOffset, null);
    const tooMany = await owner.call('GET', '/api/v1/alerts?limit=501');
    assert.equal(tooMany.status, 400);
  });

  test('each person sets their own alert e-mails and digest; a token has no mailbox; the digest can be previewed', async () => {
    const mine = await owner.call('GET', '/api/v1/alerts/subscription');
    assert.equal(mine.status, 200, mine.text);
    assert.equal((mine.body as { minLevel: string | null }).minLevel, null);
    const body = { minLevel: 'warning', categories: ['credit', 'cash'], digest: true, locale: 'en' };
    const put = await owner.call('PUT', '/api/v1/alerts/subscription', body);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual((await owner.call('GET', '/api/v1/alerts/subscription')).body, {
      ...body,
      categories: ['credit', 'cash'],
    });
    const bad = await owner.call('PUT', '/api/v1/alerts/subscription', { ...body, categories: [] });
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /categories/);
    const token = await viewer.call('GET', '/api/v1/alerts/subscription');
    assert.equal(token.status, 403, token.text);
    assert.equal(errorCode(token), 'SUBSCRIPTION_NEEDS_PERSON');
    const zh = await viewer.call('GET', '/api/v1/alerts/digest?locale=zh-CN');
    assert.equal(zh.status, 200, zh.text);
    const d = zh.body as { subject: string; text: string; open: Record<string, number> };
    assert.match(d.subject, /每日预警摘要/);
    const list = (await owner.call('GET', '/api/v1/alerts?limit=500')).body as { total: number };
    assert.equal(
      Object.values(d.open).reduce((a, b) => a + b, 0),
      list.total,
    );
    const en = await viewer.call('GET', '/api/v1/alerts/digest?locale=en&categories=cash');
    assert.equal(en.status, 200, en.text);
    assert.match((en.body as { subject: string }).subject, /^Daily alert digest/);
    const unknown = await viewer.call('GET', '/api/v1/alerts/digest?categories=toString');
    assert.equal(unknown.status, 400, unknown.text);
  });

  test('list filters by level and rule; words follow Accept-Language; bad filters are refused naming the field', async () => {
    const all = (await owner.call('GET', '/api/v1/alerts')).body as { items: Item[] };
    const level = all.items[0]?.level as string;
    const some = (await owner.call('GET', `/api/v1/alerts?level=${level}`)).body as { items: Item[] };
    assert.ok(some.items.length > 0 && some.items.every((a) => a.level === level));
    const rule = all.items[0]?.rule as string;
    const byRule = (await owner.call('GET', `/api/v1/alerts?rule=${rule}&status=open`)).body as { items: Item[] };
    assert.ok(byRule.items.every((a) => a.rule === rule));
    const bad = await owner.call('GET', '/api/v1/alerts?level=urgent');
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'VALIDATION_FAILED');
    const zh = await owner.call('GET', '/api/v1/alerts', undefined, { 'accept-language': 'zh-CN' });
    const en = await owner.call('GET', '/api/v1/alerts', undefined, { 'accept-language': 'en' });
    const zhText = (zh.body as { items: Item[] }).items[0]?.actionText ?? '';
    const enText = (en.body as { items: Item[] }).items[0]?.actionText ?? '';
    assert.ok(/[\u4e00-\u9fff]/.test(zhText), zhText);
    assert.ok(/^[\x20-\x7e’]+$/.test(enText), enText);
  });

  test('detail with evidence and history; acknowledge, snooze, assign, resolve; a viewer may not act', async () => {
    const [a] = ((await owner.call('GET', '/api/v1/alerts')).body as { items: Item[] }).items;
    assert.ok(a);
    const detail = await viewer.call('GET', `/api/v1/alerts/${a.id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.deepEqual(
      (detail.body as { history: { action: string }[] }).history.map((h) => h.action),
      ['raised'],
    );
    assert.equal((await viewer.call('POST', `/api/v1/alerts/${a.id}/acknowledge`, {})).status, 403);
    const ack = await owner.call('POST', `/api/v1/alerts/${a.id}/acknowledge`, { note: 'seen' });
    assert.equal(ack.status, 200, ack.text);
    assert.equal((ack.body as Item).status, 'acknowledged');
    const twice = await owner.call('POST', `/api/v1/alerts/${a.id}/acknowledge`, {});
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'ALERT_TRANSITION_INVALID');
    const noReason = await owner.call('POST', `/api/v1/alerts/${a.id}/snooze`, { until: '2026-04-07' });
    assert.equal(noReason.status, 400);
    const past = await owner.call('POST', `/api/v1/alerts/${a.id}/snooze`, { until: '2026-03-01', reason: 'x' });
    assert.equal(past.status, 400, past.text);
    const snooze = await owner.call('POST', `/api/v1/alerts/${a.id}/snooze`, {
      until: '2026-04-07',
      reason: 'promised',
    });
    assert.equal((snooze.body as Item).status, 'snoozed');
    const assign = await owner.call('POST', `/api/v1/alerts/${a.id}/assign`, { assignee: 'wang.li' });
    assert.equal((assign.body as { assignee: string }).assignee, 'wang.li');
    const resolve = await owner.call('POST', `/api/v1/alerts/${a.id}/resolve`, {});
    assert.equal((resolve.body as Item).status, 'resolved');
    const history = (await owner.call('GET', `/api/v1/alerts/${a.id}`)).body as { history: { action: string }[] };
    assert.deepEqual(
      history.history.map((h) => h.action),
      ['raised', 'acknowledged', 'snoozed', 'assigned', 'resolved'],
    );
    assert.equal((await owner.call('GET', '/api/v1/alerts/no-such-alert')).status, 404);
  });
});
