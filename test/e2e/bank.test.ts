import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { type Dashboard, type DemoSession, hasChromium, screenshot, startDemoSession } from './support.js';

/**
 * The bank page in headless Chromium against the real server: the owner imports a Chinese bank's
 * GBK export, sees the statement with its balances, matches the payments, and reads the page in
 * Chinese and English.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
const STATEMENT = new URL('../../fixtures/bank-statements/icbc-style.gbk.csv', import.meta.url).pathname;

describe('bank statements page', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
    await page.goto(server.url);
    await page.locator('input[name=email]').fill('demo@cashguard.local');
    await page.locator('input[name=password]').fill('cashguard-demo');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('kpis').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  test('zh-CN: import a statement, see its balances, match the payments', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await page.goto(`${server.url}/bank`);
    await page.getByRole('heading', { name: '银行对账单与收款核销' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(STATEMENT);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('读取 1 张对账单，新增 4 笔。').waitFor();
    const row = page.getByTestId('bank-statements').locator('tbody tr').first();
    await row.filter({ hasText: '1202020209000012345' }).waitFor();
    assert.match((await row.textContent()) ?? '', /133,985\.00/);
    assert.match((await row.textContent()) ?? '', /网银导出 CSV\/Excel/);
    await page.getByRole('button', { name: '立即匹配' }).click();
    await page.getByText(/收款 \d+ 笔：自动核销 \d+，待复核 \d+，未匹配 \d+。/).waitFor();
    await screenshot(page, 'bank-zh-CN');
  });

  test('en: the same page in English', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.goto(`${server.url}/bank`);
    await page.getByRole('heading', { name: 'Bank statements and payments' }).waitFor();
    await page.getByTestId('bank-statements').waitFor();
    await page
      .getByText(/Nothing waits for review\.|To review/)
      .first()
      .waitFor();
  });
});
