import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
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
 * Every page of the dashboard in both languages, in headless Chromium against the real server:
 * each reads in one language with no code shown, fits 1440, 1024 and 390 px without sideways
 * scrolling (screenshots of each in artifacts/screenshots), and keeps its state in the URL.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
const OWNER = { email: 'demo@cashguard.local', password: 'cashguard-demo' };
const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const WIDTHS = [1440, 1024, 390] as const;

/** Each page: its address and what shows once its data is in. */
const PAGES: readonly { name: string; path: string; ready: string }[] = [
  { name: 'overview', path: '/', ready: '[data-testid=kpis]' },
  { name: 'forecast', path: '/forecast', ready: '[data-testid=forecast-grid] [data-testid=closing]' },
  {
    name: 'forecast-monthly',
    path: '/forecast?granularity=month&scenario=pessimistic',
    ready: '[data-testid=forecast-grid][data-scenario=pessimistic]',
  },
  { name: 'receivables', path: '/receivables', ready: '[data-testid=customer-table] tbody tr' },
  { name: 'insurance', path: '/insurance', ready: '[data-testid=insurance-buyers] tbody tr' },
  { name: 'customer', path: '/customers/demo%3Ac-0002', ready: '[data-testid=onboarding-checklist]' },
  { name: 'collections', path: '/collections', ready: '[data-testid=worklist] tbody tr' },
  { name: 'import', path: '/import', ready: 'select[name=kind]' },
  { name: 'settings', path: '/settings', ready: 'form.settings-form >> nth=0' },
  { name: 'team', path: '/team', ready: '[data-testid=members]' },
  { name: 'tokens', path: '/tokens', ready: 'input[name=name]' },
  { name: 'not-found', path: '/no-such-page', ready: '[data-testid=not-found]' },
  { name: 'unknown-customer', path: '/customers/nobody', ready: '[role=alert]' },
];

describe('every page in both languages', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;
  const setLocale = async (locale: Locale) => {
    if ((await page.getByTestId('language').inputValue()) !== locale)
      await page.getByTestId('language').selectOption(locale);
  };
  const open = async (path: string, ready: string) => {
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 20_000 });
  };

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
  });
  after(async () => {
    await session?.close();
  });

  test('a wrong password says so in words; the demo login is offered while unchanged', async () => {
    await page.goto(server.url);
    await page.getByTestId('demo-login').waitFor();
    assert.match(await page.getByTestId('demo-login').innerText(), /demo@cashguard\.local/);
    await page.getByLabel('电子邮箱').fill(OWNER.email);
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const said = await alert.innerText();
    assert.match(said, /邮箱或密码错误/);
    assert.doesNotMatch(said, /登录已过期|LOGIN_FAILED/);
    assert.equal(await alert.getByRole('button').count(), 0, 'no retry for a refused password');
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /e-mail address or password/i })
      .waitFor();
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('kpis').waitFor();
    await page.getByTestId('language').selectOption('zh-CN');
  });

  for (const locale of LOCALES) {
    test(`${locale}: every page reads in one language, shows no code and fits 1440, 1024 and 390 px`, async () => {
      await setLocale(locale);
      const problems: string[] = [];
      for (const p of PAGES) {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await open(p.path, p.ready);
          if (width === 1440) {
            const texts = await visibleTexts(page);
            assert.ok(texts.length > 5, `${p.name}: the scan read the page (${texts.length} texts)`);
            for (const problem of languageProblems(texts, locale)) problems.push(`${p.name}: ${problem}`);
          }
          await screenshot(page, `${p.name}-${locale}-${width}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `${p.name} at ${width} px scrolls sideways by ${overflow} px`);
        }
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      assert.deepEqual(problems, []);
    });

    test(`${locale}: the receivables and customer pages stay within two screens; 13 weeks fit at 1440 px`, async () => {
      await setLocale(locale);
      await page.setViewportSize({ width: 1440, height: 900 });
      for (const p of PAGES.filter((x) => x.name === 'receivables' || x.name === 'customer')) {
        await open(p.path, p.ready);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= 1800, `${p.name} is ${height} px tall`);
      }
      await open('/forecast', '[data-testid=forecast-grid] [data-testid=closing]');
      const fit = await page.evaluate(() => {
        const table = document.querySelector('[data-testid=forecast-grid]');
        const wrap = table?.parentElement;
        // One line box per row label: none wraps.
        const wrapped = [...document.querySelectorAll('[data-testid=forecast-grid] th.sticky')].filter((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return tops.size > 1;
        });
        return {
          tableWidth: table?.scrollWidth ?? 0,
          wrapWidth: wrap?.clientWidth ?? 0,
          wrapped: wrapped.map((th) => th.textContent),
        };
      });
      assert.ok(fit.tableWidth <= fit.wrapWidth, `the grid is ${fit.tableWidth} px in ${fit.wrapWidth} px`);
      assert.deepEqual(fit.wrapped, [], 'row labels on one line');
    });
  }

  test('the forecast view lives in the URL: reload keeps granularity, scenario and the open cell', async () => {
    await setLocale('zh-CN');
    await open('/forecast', '[data-testid=forecast-grid] [data-testid=closing]');
    await page.locator('fieldset.choice label', { hasText: '悲观' }).click();
    await page.locator('[data-testid=forecast-grid][data-scenario=pessimistic]').waitFor();
    assert.match(page.url(), /scenario=pessimistic/);
    await page.locator('fieldset.choice label', { hasText: '按月' }).click();
    await page.waitForURL(/granularity=month/);
    await page.getByTestId('forecast-grid').locator('button.cell').first().click();
    await page.getByTestId('drill-down').locator('tbody tr').first().waitFor();
    assert.match(page.url(), /cell=/);
    await page.reload();
    await page.getByTestId('drill-down').locator('tbody tr').first().waitFor();
    assert.equal(await page.locator('[data-testid=forecast-grid][data-scenario=pessimistic]').count(), 1);
    assert.equal(await page.getByTestId('closing').count(), 6, 'six months after the reload');
  });

  test('the customer table sorts, filters and pages on the server, with the state in the URL', async () => {
    await open('/receivables', '[data-testid=customer-table] tbody tr');
    const table = page.getByTestId('customer-table');
    const names = () => table.locator('tbody tr td.name-cell a').allInnerTexts();
    const first = await names();
    assert.equal(first.length, 15, 'one page of fifteen');
    await page
      .getByTestId('customer-pager')
      .getByRole('button', { name: /下一页/ })
      .click();
    await page.waitForURL(/page=2/);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=customer-table] tbody tr a')?.textContent !== before,
      first[0],
    );
    const second = await names();
    assert.equal(second.filter((n) => first.includes(n)).length, 0, 'page two has other customers');
    await table.getByRole('button', { name: /客户/ }).click();
    await page.waitForURL(/sort=name/);
    assert.doesNotMatch(page.url(), /page=/, 'a new sort starts on page one');
    await page.locator('input[name=q]').fill('KH00002');
    await page.waitForURL(/q=KH00002/);
    await table.locator('tbody tr').filter({ hasText: 'KH00002' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-table] tbody tr').length === 1);
    await page.reload();
    await table.locator('tbody tr').filter({ hasText: 'KH00002' }).waitFor();
    assert.equal(await page.locator('input[name=q]').inputValue(), 'KH00002');
  });

  test('in 万 every amount reads at two decimals of 万', async () => {
    await open('/', '[data-testid=kpis]');
    await page.locator('label.wan input').check();
    const kpis = await page.getByTestId('kpis').locator('.kpi-value').allInnerTexts();
    const amounts = kpis.filter((k) => k.includes('¥'));
    assert.ok(amounts.length >= 3, kpis.join(' | '));
    for (const a of amounts) assert.match(a, /^-?¥[\d,]+\.\d\d万$/, a);
    await page.locator('label.wan input').uncheck();
  });

  test('once the demo password is changed, the login page no longer shows it', async () => {
    assert.ok(session);
    const { findUserByEmail, updateUserPassword } = await import('../../src/db/stores/accounts.js');
    const { hashPassword } = await import('../../src/app/accounts/secrets.js');
    const user = await findUserByEmail(session.db, { email: OWNER.email });
    assert.ok(user);
    const hash = await hashPassword('a private password 2026');
    await updateUserPassword(session.db, { userId: user.id, hash, at: new Date().toISOString() });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录现金卫士' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('demo-login').count(), 0);
    await screenshot(page, 'login-zh-after-password-change');
  });
});
