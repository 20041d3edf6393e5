import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { updateOrganisation } from '../../src/app/accounts/organisation.js';
import type { Clock } from '../../src/app/clock.js';
import { type Dashboard, type DemoSession, hasChromium, screenshot, startDemoSession } from './support.js';

/**
 * Dunning messages on the collections page, in headless Chromium against the real server and a
 * local SMTP server: the owner reads an action's message as the customer will, checks what would
 * be sent, sends it, and finds each sent e-mail in the customer's collections history.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
const OWNER = { email: 'demo@cashguard.local', password: 'cashguard-demo' };

describe('dunning messages on the collections page', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;
  let smtp: SMTPServer;
  const mails: string[] = [];

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, s, done) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          mails.push(s.envelope.rcptTo.map((r) => r.address).join(','));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    const set = await updateOrganisation(
      session.db,
      { orgId: 'demo', actor: 'user:e2e', now: '2026-03-31T01:00:00Z' },
      { settings: { 'alerts.smtp': { host: '127.0.0.1', port, secure: false, from: 'ar@demo.test' } } },
    );
    assert.ok(set.ok);
  });
  after(async () => {
    await session?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test("an action's message reads as the customer will read it, with the statement to download", async () => {
    await page.goto(`${server.url}/collections`);
    await page.getByLabel('电子邮箱').fill(OWNER.email);
    await page.getByLabel('密码').fill(OWNER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('worklist').waitFor();
    await page.getByRole('button', { name: '催收函' }).first().click();
    const preview = page.getByTestId('message-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    assert.match(text, /尊敬的/);
    assert.match(text, /发票 \S+，到期日 \d{4}-\d{2}-\d{2}：[\d,]+\.\d{2} CNY/);
    assert.match(text, /对账单（Excel）/);
    await screenshot(page, 'collections-message-preview');
  });

  test('check, then send: every ready e-mail goes once and shows in the customer history', async () => {
    await page.getByTestId('send-preview').click();
    await page.getByTestId('send-lines').waitFor();
    const go = page.getByTestId('send-go');
    const label = (await go.textContent()) ?? '';
    const ready = Number(/发送 (\d+) 封邮件/.exec(label)?.[1]);
    assert.ok(ready > 0, label);
    await go.click();
    await page.getByTestId('send-done').waitFor();
    assert.equal(await page.getByTestId('send-done').textContent(), `已发送 ${ready} 封邮件。`);
    assert.equal(mails.length, ready);
    await page.getByTestId('send-preview').click();
    await page.getByTestId('send-lines').waitFor();
    assert.equal(await page.getByTestId('send-go').count(), 0, 'nothing left to send');
    await page.goto(`${server.url}/customers/${encodeURIComponent('demo:c-0006')}`);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    assert.match((await timeline.textContent()) ?? '', /已发催收邮件/);
    await screenshot(page, 'customer-collections-history');
  });
});
