import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/connection.js';
import { loadOutbox } from '../../db/stores/alerts.js';
import { describeEachDialect } from '../../db/test-support.js';
import { updateOrganisation } from '../accounts/organisation.js';
import { type Clock, fixedClock } from '../clock.js';
import { createDemoCompany } from '../demo/write.js';
import {
  actOnAlert,
  deliverAlertNotifications,
  escalateUnacknowledged,
  getAlertDetail,
  listAlerts,
  runAlerts,
  type Sender,
} from './index.js';
import { defaultSender } from './senders.js';

/**
 * Notifications of the alerts a run raises, against a local webhook receiver and a local SMTP
 * server (loopback only): 企业微信, 钉钉 and 飞书 bots and the generic webhook, each signature
 * checked as its receiver would; e-mail; each notification sent once, also across a restart.
 */
const asOf = '2026-03-31';
const orgId = 'demo';
const SECRET = 'SEC-test-secret';
const clockAt = (iso: string): Clock => fixedClock(iso);

interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

function startReceiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      got.push({ path: u.pathname, query: u.searchParams, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(u.pathname === '/feishu' ? '{"code":0,"msg":"success"}' : '{"errcode":0,"errmsg":"ok"}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got }),
    ),
  );
}

describeEachDialect('alert notifications', (open) => {
  let db: Db;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const mails: { to: string; text: string }[] = [];

  before(async () => {
    db = await open();
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
    receiver = await startReceiver();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let text = '';
        stream.on('data', (c: Buffer) => {
          text += c.toString('utf8');
        });
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    const channels = [
      { id: 'hook', kind: 'webhook', url: `${receiver.url}/hook`, secret: SECRET, minLevel: 'critical' },
      {
        id: 'ding',
        kind: 'dingtalk',
        url: `${receiver.url}/ding?access_token=t`,
        secret: SECRET,
        minLevel: 'critical',
      },
      { id: 'lark', kind: 'feishu', url: `${receiver.url}/feishu`, secret: SECRET, minLevel: 'critical' },
      { id: 'wecom', kind: 'wecom', url: `${receiver.url}/wecom?key=k`, minLevel: 'critical' },
      { id: 'mail', kind: 'email', to: ['cfo@demo.test'], minLevel: 'critical' },
    ];
    const updated = await updateOrganisation(
      db,
      { orgId, actor: 'user:test', now: '2026-03-31T00:00:00Z' },
      {
        settings: {
          'alerts.channels': channels,
          'alerts.smtp': { host: '127.0.0.1', port: smtpPort, secure: false, from: 'alerts@demo.test' },
        },
      },
    );
    assert.ok(updated.ok, JSON.stringify(!updated.ok && updated.error));
  });
  after(async () => {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await db.close();
  });

  test('a run queues one notification per critical alert and channel; a second run queues nothing', async () => {
    const run = await runAlerts(db, { orgId, asOf, clock: clockAt('2026-03-31T00:00:00Z') });
    assert.ok(run.ok);
    const critical = run.value.byLevel.critical;
    assert.ok(critical > 0, 'the demo has critical alerts');
    const queued = await loadOutbox(db, { orgId });
    assert.equal(queued.length, critical * 5);
    assert.ok((await runAlerts(db, { orgId, asOf, clock: clockAt('2026-03-31T01:00:00Z') })).ok);
    assert.equal((await loadOutbox(db, { orgId })).length, queued.length);
  });

  test('a stop in the middle of sending: what was sent is not sent again after the restart', async () => {
    let calls = 0;
    const real = defaultSender(
      { host: '127.0.0.1', port: smtpPort, secure: false, from: 'alerts@demo.test' },
      () => new Date('2026-03-31T02:00:00Z'),
    );
    const stopsAfterThree: Sender = async (...args) => {
      calls++;
      if (calls > 3) throw new Error('process stopped');
      await real(...args);
    };
    const first = await deliverAlertNotifications(db, {
      orgId,
      clock: clockAt('2026-03-31T02:00:00Z'),
      sender: stopsAfterThree,
    });
    assert.ok(first.ok && first.value.sent === 3 && first.value.retrying > 0);
    // After the back-off (1 minute), the restarted process sends the rest with the real senders.
    const second = await deliverAlertNotifications(db, { orgId, clock: clockAt('2026-03-31T02:05:00Z') });
    assert.ok(second.ok, JSON.stringify(second));
    const third = await deliverAlertNotifications(db, { orgId, clock: clockAt('2026-03-31T03:00:00Z') });
    assert.ok(third.ok && third.value.sent === 0 && third.value.retrying === 0);
    const outbox = await loadOutbox(db, { orgId });
    assert.ok(
      outbox.every((r) => r.status === 'sent'),
      JSON.stringify(outbox.filter((r) => r.status !== 'sent')),
    );
    // Each alert reached each HTTP channel once, and each mailbox once.
    const hooks = receiver.got.filter((g) => g.path === '/hook').map((g) => JSON.parse(g.body).alertId as string);
    assert.equal(new Set(hooks).size, hooks.length);
    assert.equal(hooks.length, outbox.filter((r) => r.channel === 'hook').length);
    assert.equal(mails.length, outbox.filter((r) => r.channel === 'mail').length);
    assert.ok(mails.every((m) => m.to === 'cfo@demo.test'));
  });

  test('a critical alert left unacknowledged for 4 hours is sent again, once; an acknowledged one is not', async () => {
    const critical = (await listAlerts(db, { orgId, locale: 'en', level: ['critical'] })).alerts;
    assert.ok(critical.length >= 2);
    const first = critical[0] as (typeof critical)[number];
    const ack = await actOnAlert(db, {
      orgId,
      id: first.id,
      action: 'acknowledge',
      actor: 'u',
      clock: clockAt('2026-03-31T03:30:00Z'),
    });
    assert.ok(ack.ok);
    const early = await escalateUnacknowledged(db, { orgId, clock: clockAt('2026-03-31T03:00:00Z') });
    assert.ok(early.ok && early.value === 0, 'not before 4 hours');
    const before = (await loadOutbox(db, { orgId })).length;
    const late = await escalateUnacknowledged(db, { orgId, clock: clockAt('2026-03-31T04:30:00Z') });
    assert.ok(late.ok && late.value === critical.length - 1, JSON.stringify(late));
    assert.equal((await loadOutbox(db, { orgId })).length, before + late.value * 5);
    const again = await escalateUnacknowledged(db, { orgId, clock: clockAt('2026-03-31T09:00:00Z') });
    assert.ok(again.ok && again.value === 0);
    const detail = await getAlertDetail(db, { orgId, id: (critical[1] as (typeof critical)[number]).id });
    assert.ok(detail.ok && detail.value.history.at(-1)?.action === 'unacknowledged');
    const sent = await deliverAlertNotifications(db, { orgId, clock: clockAt('2026-03-31T09:00:00Z') });
    assert.ok(sent.ok && sent.value.sent === late.value * 5, JSON.stringify(sent));
  });

  test('signatures check out as each receiver checks them', () => {
    const hook = receiver.got.find((g) => g.path === '/hook');
    assert.ok(hook);
    const ts = String(hook.headers['x-cashguard-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${hook.body}`).digest('hex')}`;
    assert.equal(hook.headers['x-cashguard-signature'], expected);
    const payload = JSON.parse(hook.body) as { level: string; reason: string; action: string };
    assert.equal(payload.level, 'critical');
    assert.ok(payload.reason.length > 10 && payload.action.length > 5);
    const ding = receiver.got.find((g) => g.path === '/ding');
    assert.ok(ding);
    const dts = ding.query.get('timestamp') as string;
    const dsign = createHmac('sha256', SECRET).update(`${dts}\n${SECRET}`).digest('base64');
    assert.equal(ding.query.get('sign'), dsign);
    assert.equal(ding.query.get('access_token'), 't');
    assert.equal(JSON.parse(ding.body).msgtype, 'text');
    const lark = receiver.got.find((g) => g.path === '/feishu');
    assert.ok(lark);
    const lb = JSON.parse(lark.body) as { timestamp: string; sign: string; msg_type: string };
    assert.equal(lb.sign, createHmac('sha256', `${lb.timestamp}\n${SECRET}`).update('').digest('base64'));
    assert.equal(lb.msg_type, 'text');
    const wecom = receiver.got.find((g) => g.path === '/wecom');
    assert.ok(wecom && JSON.parse(wecom.body).text.content.includes('【严重】'));
  });
});

test('channel settings are checked whole, naming the field at fault', async () => {
  const { resolveAlertChannels } = await import('../../core/alerts/index.js');
  const noSecret = resolveAlertChannels([{ id: 'd', kind: 'dingtalk', url: 'https://x.test/robot' }]);
  assert.ok(!noSecret.ok && noSecret.error.details.field === 'alerts.channels.0.secret');
  const badUrl = resolveAlertChannels([{ id: 'w', kind: 'wecom', url: 'ftp://x' }]);
  assert.ok(!badUrl.ok && badUrl.error.details.field === 'alerts.channels.0.url');
  const twice = resolveAlertChannels([
    { id: 'a', kind: 'wecom', url: 'https://x.test' },
    { id: 'a', kind: 'wecom', url: 'https://y.test' },
  ]);
  assert.ok(!twice.ok && twice.error.details.field === 'alerts.channels.1.id');
  const mail = resolveAlertChannels([{ id: 'm', kind: 'email', to: ['not-an-address'] }]);
  assert.ok(!mail.ok && mail.error.details.field === 'alerts.channels.0.to');
  assert.ok(resolveAlertChannels([{ id: 'm', kind: 'email', to: ['a@b.test'], minLevel: 'warning' }]).ok);
});
