import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { changeSettingsThroughApi, inviteThroughApi } from './api-client.js';
import { type Dashboard, type DemoSession, hasChromium, screenshot, startDemoSession } from './support.js';

/**
 * Settings, team and API tokens in headless Chromium against the real server: the owner changes
 * the minimum cash (audited, shown in the history), invites and revokes, creates and revokes a
 * token, in Chinese and in English; a viewer reads the settings without controls and has no team
 * or token page.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
const OWNER = { email: 'demo@cashguard.local', password: 'cashguard-demo' };
const VIEWER = { email: 'viewer@admin.test', password: 'viewer password 1', name: '赵只读' };

const TEXTS = {
  'zh-CN': {
    logout: '退出登录',
    months: '月数',
    save: '保存设置',
    minCash: '最低现金',
    email: '电子邮箱',
    invite: '发出邀请',
    revoke: '撤销',
    revoked: '已撤销',
    tokenName: '令牌名称',
    create: '创建令牌',
    tokenRevoked: /已于 .+ 撤销/,
  },
  en: {
    logout: 'Log out',
    months: 'Months',
    save: 'Save settings',
    minCash: 'minimum cash',
    email: 'E-mail',
    invite: 'Invite',
    revoke: 'Revoke',
    revoked: 'revoked',
    tokenName: 'Token name',
    create: 'Create token',
    tokenRevoked: /revoked .+/,
  },
} as const;

describe('settings, team and API tokens', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;
  const logIn = async (who: { email: string; password: string }) => {
    await page.locator('input[name=email]').fill(who.email);
    await page.locator('input[name=password]').fill(who.password);
    await page.locator('form button[type=submit]').click();
  };

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
    await page.goto(server.url);
    await logIn(OWNER);
    await page.getByTestId('kpis').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  for (const [locale, months] of [
    ['zh-CN', '2'],
    ['en', '1.5'],
  ] as const) {
    const t = TEXTS[locale];
    test(`${locale}: the owner changes the minimum cash; the change is audited and the forecast uses it`, async () => {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/forecast`);
      await page.getByTestId('forecast-grid').waitFor();
      const bufferRow = page.locator('[data-testid=forecast-grid] tr').filter({ hasText: /安全现金储备|Minimum cash/ });
      const before = await bufferRow.locator('td').first().innerText();
      await page.goto(`${server.url}/settings`);
      const field = page.getByLabel(t.months, { exact: true });
      await field.fill('abc');
      await page.getByRole('button', { name: t.save }).click();
      await page.locator('#minCashMonths-hint').waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true', 'refused before sending');
      await field.fill(months);
      await page.getByRole('button', { name: t.save }).click();
      await page.getByTestId('settings-saved').waitFor();
      const history = page.getByTestId('settings-history');
      await history.locator('li').first().filter({ hasText: t.minCash }).waitFor();
      await screenshot(page, `settings-saved-${locale}`);
      await page.goto(`${server.url}/forecast`);
      await page.getByTestId('forecast-grid').waitFor();
      await page.waitForFunction(
        ([row, old]) =>
          [...document.querySelectorAll('[data-testid=forecast-grid] tr')]
            .find((tr) => (row ? new RegExp(row).test(tr.textContent ?? '') : false))
            ?.querySelector('td')?.textContent !== old,
        ['安全现金储备|Minimum cash', before] as const,
      );
    });

    test(`${locale}: a change someone saved meanwhile is not overwritten; the page says so and shows it`, async () => {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/settings`);
      const days = page.locator('input[name=doubtfulOverdueDays]');
      await days.waitFor();
      const theirs = locale === 'zh-CN' ? '77' : '88';
      await changeSettingsThroughApi(server.url, OWNER, { 'forecast.doubtfulOverdueDays': Number(theirs) });
      await page.getByLabel(t.months, { exact: true }).fill('3');
      await page.getByRole('button', { name: t.save }).click();
      await page.getByTestId('settings-conflict').waitFor();
      await page.waitForFunction(
        (v) => (document.querySelector('input[name=doubtfulOverdueDays]') as HTMLInputElement | null)?.value === v,
        theirs,
      );
      assert.notEqual(
        await page.getByLabel(t.months, { exact: true }).inputValue(),
        '3',
        'the stale change was not stored',
      );
      await screenshot(page, `settings-conflict-${locale}`);
    });

    test(`${locale}: the owner invites a member and revokes the invitation`, async () => {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/team`);
      const email = `invitee-${locale.toLowerCase()}@admin.test`;
      const form = page.getByRole('form', { name: t.invite });
      await form.getByLabel(t.email).fill(email);
      await form.getByRole('button', { name: t.invite }).click();
      await page.getByTestId('invitation-link').waitFor();
      assert.match(await page.getByTestId('invitation-link').innerText(), /\/invitation\?token=/);
      const row = page.getByTestId('invitations').locator(`tr[data-email="${email}"]`);
      await row.getByRole('button', { name: t.revoke }).click();
      await row.filter({ hasText: t.revoked }).waitFor();
      await screenshot(page, `team-${locale}`);
    });

    test(`${locale}: the owner creates an API token (its secret shown once) and revokes it`, async () => {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/tokens`);
      const name = `ERP ${locale}`;
      await page.getByLabel(t.tokenName).fill(name);
      await page.getByRole('button', { name: t.create }).click();
      const secret = page.getByTestId('token-secret');
      await secret.waitFor();
      const token = await secret.locator('code').innerText();
      assert.ok(token.length > 20);
      const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200, 'the token works');
      const row = page.getByTestId('tokens').locator(`tr[data-name="${name}"]`);
      await row.getByRole('button', { name: t.revoke }).click();
      await row.locator('td').filter({ hasText: t.tokenRevoked }).waitFor();
      const after = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(after.status, 401, 'a revoked token no longer works');
      await page.reload();
      assert.equal(await page.getByTestId('token-secret').count(), 0, 'the secret is not shown again');
    });
  }

  test('an invitation link lets the invitee choose a password and log in', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await page.goto(`${server.url}/team`);
    const form = page.getByRole('form', { name: '发出邀请' });
    await form.getByLabel('电子邮箱').fill('new.member@admin.test');
    await form.getByRole('button', { name: '发出邀请' }).click();
    const link = await page.getByTestId('invitation-link').locator('code').innerText();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.goto(link);
    await page.getByLabel('姓名').fill('钱新人');
    await page.getByLabel('密码').fill('a long new password');
    await page.getByRole('button', { name: '接受邀请' }).click();
    await page.locator('input[name=email]').waitFor();
    await logIn({ email: 'new.member@admin.test', password: 'a long new password' });
    await page.getByTestId('kpis').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
  });

  test('a viewer reads the settings without controls and has no team or token page', async () => {
    await inviteThroughApi(server.url, OWNER, { ...VIEWER, role: 'viewer' });
    await page.goto(server.url);
    await page.locator('input[name=email]').waitFor();
    await logIn(VIEWER);
    await page.getByTestId('kpis').waitFor();
    const nav = page.getByRole('navigation');
    assert.equal(await nav.getByRole('link', { name: '团队' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'API 令牌' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: '导入' }).count(), 0);
    await nav.getByRole('link', { name: '设置' }).click();
    await page.locator('form.settings-form').first().waitFor();
    assert.equal(await page.getByRole('button', { name: '保存设置' }).count(), 0);
    // The organisation's settings are read only; a viewer still chooses their own alert e-mails.
    assert.equal(
      await page.locator('form.settings-form:not([data-testid=my-alerts]) fieldset:not([disabled])').count(),
      0,
      'read only',
    );
    await page.getByTestId('my-alerts').waitFor();
    await page.goto(`${server.url}/team`);
    await page.getByTestId('no-permission').waitFor();
    await page.goto(`${server.url}/tokens`);
    await page.getByTestId('no-permission').waitFor();
    await screenshot(page, 'settings-viewer-zh');
  });
});
