import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/connection.js';
import { insertMessageLog } from '../../db/stores/collections.js';
import { describeEachDialect } from '../../db/test-support.js';
import { formatMoney } from '../../i18n/format.js';
import { updateOrganisation } from '../accounts/organisation.js';
import { createDemoCompany } from '../demo/write.js';
import { previewDunningMessages } from './messages.js';
import { sendDunningMessages } from './send.js';
import { getWorklist } from './worklist.js';

/**
 * Dunning e-mails against a local SMTP server (loopback only): each due message goes once, in the
 * organisation's language, with every invoice's open amount and interest to date to the fen; a
 * second run (a restart) sends nothing again; a dry run sends and logs nothing.
 */
const asOf = '2026-03-31';
const orgId = 'demo';
const now = () => '2026-03-31T01:00:00Z';

/** The mail body as text: base64, or quoted-printable with soft breaks joined and =XX bytes decoded as UTF-8. */
function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  if (/content-transfer-encoding: base64/i.test(raw.slice(0, split)))
    return Buffer.from(raw.slice(split + 4), 'base64').toString('utf8');
  const body = raw.slice(split + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describeEachDialect('dunning e-mails', (open) => {
  let db: Db;
  let smtp: SMTPServer;
  const mails: { to: string; raw: string; text: string }[] = [];

  before(async () => {
    db = await open();
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw, text: decodeBody(raw) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    const updated = await updateOrganisation(
      db,
      { orgId, actor: 'user:test', now: now() },
      { settings: { 'alerts.smtp': { host: '127.0.0.1', port, secure: false, from: 'ar@demo.test' } } },
    );
    assert.ok(updated.ok, JSON.stringify(!updated.ok && updated.error));
  });
  after(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await db.close();
  });

  test('a dry run lists what would go and neither sends nor logs', async () => {
    const dry = await sendDunningMessages(db, { orgId, asOf, now, isDryRun: true });
    assert.ok(dry.ok, JSON.stringify(!dry.ok && dry.error));
    const would = dry.value.lines.filter((l) => l.outcome === 'would_send');
    assert.ok(would.length > 0, 'the demo has messages due');
    assert.equal(mails.length, 0);
    const again = await sendDunningMessages(db, { orgId, asOf, now, isDryRun: true });
    assert.ok(again.ok);
    assert.equal(again.value.lines.filter((l) => l.outcome === 'would_send').length, would.length);
  });

  test('a refused mail is not logged and goes on the next run; a stop mid-send is never sent twice', async () => {
    const asOfFail = '2026-03-20';
    const refused = await sendDunningMessages(db, {
      orgId,
      asOf: asOfFail,
      now,
      isDryRun: false,
      mailer: async () => {
        throw new Error('550 mailbox unavailable');
      },
    });
    assert.ok(refused.ok);
    const failed = refused.value.lines.filter((l) => l.outcome === 'FAILED');
    assert.ok(failed.length > 0);
    assert.equal(failed[0]?.error, '550 mailbox unavailable');
    // Nothing logged: the same messages are ready again.
    const again = await sendDunningMessages(db, { orgId, asOf: asOfFail, now, isDryRun: true });
    assert.ok(again.ok);
    assert.equal(again.value.lines.filter((l) => l.outcome === 'would_send').length, failed.length);
    // A process stopped after writing its log rows and before the server answered: never sent twice.
    const first = again.value.lines.find((l) => l.outcome === 'would_send')?.message;
    assert.ok(first);
    await insertMessageLog(
      db,
      orgId,
      first.figures.lines.map((l, k) => ({
        id: `stopped-${k}`,
        customerId: first.customerId,
        invoiceId: l.invoiceId.split('#')[0] as string,
        stage: first.stage,
        action: first.action,
        plannedOn: asOfFail,
        notes: `sending: ${first.subject}`,
      })),
    );
    const after = await sendDunningMessages(db, { orgId, asOf: asOfFail, now, isDryRun: true });
    assert.ok(after.ok);
    const same = after.value.lines.find(
      (l) => l.message.customerId === first.customerId && l.message.stage === first.stage,
    );
    assert.equal(same?.outcome, 'ALREADY_SENT');
  });

  test('each due message goes once, in Chinese, with amounts and interest to the fen', async () => {
    const preview = await previewDunningMessages(db, { orgId, asOf });
    assert.ok(preview.ok);
    const sent = await sendDunningMessages(db, { orgId, asOf, now, isDryRun: false });
    assert.ok(sent.ok, JSON.stringify(!sent.ok && sent.error));
    const lines = sent.value.lines.filter((l) => l.outcome === 'sent');
    assert.equal(mails.length, lines.length);
    assert.ok(lines.length > 0);
    for (const { message } of lines) {
      const mail = mails.find(
        (m) => m.to === message.email && m.text.includes(message.figures.lines[0]?.number ?? '?'),
      );
      assert.ok(mail, `a mail to ${message.email}`);
      assert.match(mail.text, /尊敬的/);
      for (const l of message.figures.lines) {
        assert.ok(mail.text.includes(`发票 ${l.number}，到期日 ${l.dueOn}：${formatMoney(l.openMinor, l.currency)}`));
        if (message.figures.showsInterest && l.daysPastDue > 0) {
          // 0.05 % a day on the open amount from the day after the due date to the as-of date.
          const exact = l.openMinor * 0.0005 * l.daysPastDue;
          assert.ok(Math.abs(l.interestMinor - exact) <= 0.5, `${l.number}: ${l.interestMinor} vs ${exact}`);
          assert.ok(mail.text.includes(`逾期利息：${formatMoney(l.interestMinor, l.currency)}`));
        }
      }
      for (const t of message.figures.totals)
        assert.ok(mail.text.includes(`上述发票合计：${formatMoney(t.openMinor, t.currency)}`));
    }
    assert.ok(
      lines.some((l) => l.message.figures.showsInterest),
      'at least one formal reminder or later states interest',
    );
    // The worklist counts the sent stages as done: none of them is due again today.
    const worklist = await getWorklist(db, { orgId, asOf });
    assert.ok(worklist.ok);
    for (const { message } of lines)
      assert.ok(!worklist.value.items.some((i) => i.customerId === message.customerId && i.stage === message.stage));
  });

  test('a second run (a restart) sends nothing again; in English once the organisation says so', async () => {
    const count = mails.length;
    const second = await sendDunningMessages(db, { orgId, asOf, now, isDryRun: false });
    assert.ok(second.ok);
    assert.equal(second.value.lines.filter((l) => l.outcome === 'sent').length, 0);
    assert.equal(mails.length, count);
    const en = await updateOrganisation(db, { orgId, actor: 'user:test', now: now() }, { locale: 'en' });
    assert.ok(en.ok, JSON.stringify(!en.ok && en.error));
    const later = await sendDunningMessages(db, { orgId, asOf: '2026-04-20', now, isDryRun: false });
    assert.ok(later.ok);
    const sentLater = later.value.lines.filter((l) => l.outcome === 'sent');
    assert.ok(sentLater.length > 0);
    for (const m of mails.slice(count)) assert.match(m.text, /^Dear .+,/);
    for (const { message } of sentLater) {
      assert.equal(message.language, 'en');
      const mail = mails
        .slice(count)
        .find((m) => m.to === message.email && m.text.includes(message.figures.lines[0]?.number ?? '?'));
      assert.ok(mail, `a mail to ${message.email}`);
      for (const l of message.figures.lines) {
        assert.ok(mail.text.includes(`- Invoice ${l.number}, due ${l.dueOn}: ${formatMoney(l.openMinor, l.currency)}`));
        if (message.figures.showsInterest && l.interestMinor > 0)
          assert.ok(mail.text.includes(`late interest to 2026-04-20: ${formatMoney(l.interestMinor, l.currency)}`));
      }
    }
  });
});
