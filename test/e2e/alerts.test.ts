import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { runAlerts } from '../../src/app/alerts/index.js';
import type { Clock } from '../../src/app/clock.js';
import {
  type Dashboard,
  type DemoSession,
  hasChromium,
  languageProblems,
  screenshot,
  startDemoSession,
  visibleTexts,
} from './support.js';

/**
 * The alerts page and the overview's alert panel, in headless Chromium against the real server:
 * after a run, the page lists alerts most serious first in one language with no code shown, a
 * detail shows why, the next action, the evidence and the history, and the owner acknowledges one.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('alerts in the dashboard', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
    const run = await runAlerts(session.db, { orgId: 'demo', asOf: AS_OF, clock });
    assert.ok(run.ok && run.value.raised > 0);
    await page.goto(`${server.url}/alerts`);
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
  });
  after(async () => {
    await session?.close();
  });

  test('the list reads in Chinese, then in English, with no code shown; most serious first', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      await page.getByTestId('language').selectOption(locale);
      await page.getByTestId('alerts-list').waitFor();
      await page.waitForFunction(
        (l) =>
          document.documentElement.lang === l &&
          document.querySelectorAll('[data-testid=alerts-list] tbody tr').length > 0,
        locale,
      );
      await page.waitForLoadState('networkidle');
      const problems = languageProblems(await visibleTexts(page), locale);
      assert.deepEqual(problems, [], `${locale}: ${problems.join('\n')}`);
      await screenshot(page, `alerts-${locale}`);
    }
    const levels = await page
      .locator('[data-testid=alerts-list] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level')));
    const rank = { critical: 3, warning: 2, watch: 1, info: 0 } as Record<string, number>;
    const ranks = levels.map((l) => rank[l ?? ''] ?? -1);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => b - a),
    );
  });

  test('a detail shows why, the next action, the evidence and the history; the owner acknowledges it', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.locator('[data-testid=alerts-list] tbody tr').first().getByRole('button', { name: 'Details' }).click();
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor();
    assert.match((await detail.textContent()) ?? '', /Why.+Next action/s);
    await page.getByTestId('alert-history').getByText('raised').waitFor();
    await page.getByTestId('alert-actions').getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByTestId('alert-history').getByText('acknowledged').waitFor();
    const problems = languageProblems(await visibleTexts(page), 'en');
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  test('the overview shows the alert panel with counts by level', async () => {
    await page.goto(`${server.url}/`);
    const counts = page.getByTestId('alert-counts');
    await counts.waitFor();
    assert.match((await counts.textContent()) ?? '', /critical/);
  });

  test('the settings page sets the thresholds and the channels; a saved secret is never shown again', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('language').selectOption('en');
    const card = page.getByTestId('alert-settings');
    await card.waitFor();
    await card.getByLabel('Runway shorter than this is critical (months)').fill('4');
    await card.getByTestId('add-channel').click();
    const channel = card.getByTestId('channel-0');
    await channel.getByLabel('Name').fill('ops');
    await channel.getByLabel('Kind').selectOption('dingtalk');
    await channel.getByLabel('Bot or receiver address').fill('https://oapi.dingtalk.example/robot/send?access_token=t');
    await card.getByRole('button', { name: 'Save alert settings' }).click();
    // Without its signing secret the channel is refused, naming the field.
    await channel.locator('[aria-invalid=true]').waitFor();
    await channel.getByLabel('Signing secret').fill('SEC-e2e-secret');
    await card.getByRole('button', { name: 'Save alert settings' }).click();
    await page.getByTestId('alert-settings-saved').waitFor();
    await page.reload();
    await page.getByTestId('alert-settings').waitFor();
    const again = page.getByTestId('alert-settings');
    assert.equal(await again.getByLabel('Runway shorter than this is critical (months)').inputValue(), '4');
    assert.equal(await again.getByTestId('channel-0').getByLabel('Name').inputValue(), 'ops');
    const secret = again.getByTestId('channel-0').getByLabel('Signing secret');
    assert.equal(await secret.inputValue(), '');
    assert.equal(await secret.getAttribute('placeholder'), 'Saved; type a new one to replace it');
    assert.ok(!(await page.content()).includes('SEC-e2e-secret'));
    const problems = languageProblems(await visibleTexts(page), 'en');
    assert.deepEqual(problems, [], problems.join('\n'));
    await screenshot(page, 'alert-settings-en');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByText('预警：阈值与通知渠道').waitFor();
    const zh = languageProblems(await visibleTexts(page), 'zh-CN');
    assert.deepEqual(zh, [], zh.join('\n'));
    await screenshot(page, 'alert-settings-zh-CN');
    const stored = await session?.db.kysely
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', 'demo')
      .executeTakeFirst();
    const settings = JSON.parse(String(stored?.settings)) as Record<string, unknown>;
    assert.deepEqual(settings.alerts, { runwayMonths: 4 });
    assert.equal((settings['alerts.channels'] as { secret: string }[])[0]?.secret, 'SEC-e2e-secret');
  });

  test('each person chooses their own alert e-mails and previews the daily digest', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('language').selectOption('en');
    const card = page.getByTestId('my-alerts');
    await card.waitFor();
    await card.getByLabel('E-mail me at once').selectOption('critical');
    await card.getByLabel('Language of my e-mails').selectOption('en');
    await card.getByLabel('cash', { exact: true }).uncheck();
    await card.getByLabel('Send me the daily digest').check();
    await card.getByRole('button', { name: 'Save my choice' }).click();
    await page.getByTestId('my-alerts-saved').waitFor();
    await page.reload();
    const again = page.getByTestId('my-alerts');
    await again.waitFor();
    assert.equal(await again.getByLabel('E-mail me at once').inputValue(), 'critical');
    assert.equal(await again.getByLabel('cash', { exact: true }).isChecked(), false);
    assert.equal(await again.getByLabel('credit', { exact: true }).isChecked(), true);
    await again.getByTestId('digest-preview').click();
    const digest = page.getByTestId('digest');
    await digest.waitFor();
    assert.match((await digest.textContent()) ?? '', /Open: \d+ critical/);
    const problems = languageProblems(await visibleTexts(page), 'en');
    assert.deepEqual(problems, [], problems.join('\n'));
    await screenshot(page, 'my-alerts-en');
  });
});
