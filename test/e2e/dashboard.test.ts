import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { canvasInk, type Dashboard, type DemoSession, hasChromium, screenshot, startDemoSession } from './support.js';

/**
 * The dashboard end to end: the built app served by the real server over a small demo company,
 * driven in headless Chromium. One server, one browser, one page, the scenarios in order.
 */
const AS_OF = '2026-03-31';
/** Reports are as of AS_OF; sessions live in real time (a past clock would make the browser drop the cookies). */
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
const BAD_CSV =
  'code,name,country,terms_days,currency\nE2E-1,端到端测试客户,CN,30,CNY\nE2E-2,Broken Co,CN,thirty,CNY\n';

describe('web dashboard', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
  });
  after(async () => {
    await session?.close();
  });

  test('log in; the overview draws the 13-week forecast chart', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: '登录现金卫士' }).waitFor();
    await screenshot(page, 'login');
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /总览/ }).waitFor();
    await page.locator('[data-testid=forecast-chart] canvas').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=forecast-chart] canvas')?.clientHeight);
    const ink = await canvasInk(page, '[data-testid=forecast-chart]');
    assert.ok(ink.inked > 2_000, `the chart canvas has drawn pixels (${ink.inked})`);
    const kpis = await page.getByTestId('kpis').innerText();
    assert.match(kpis, /今日现金[\s\S]*¥[\d,]+\.\d\d/, kpis);
    await screenshot(page, 'overview-zh');
  });

  test('switch to English and back; the choice is remembered', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: /Overview/ }).waitFor();
    assert.match(await page.getByTestId('kpis').innerText(), /Cash today/);
    await screenshot(page, 'overview-en');
    await page.reload();
    await page.getByRole('heading', { name: /Overview/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByRole('heading', { name: /总览/ }).waitFor();
  });

  test('forecast: switching the scenario changes the cash line; a cell opens its items', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '现金流预测' }).click();
    const grid = page.getByTestId('forecast-grid');
    await grid.waitFor();
    await page.locator('[data-testid=forecast-chart] canvas').waitFor();
    const closing = () => page.getByTestId('closing').allInnerTexts();
    const baseLine = await closing();
    const baseInk = await canvasInk(page, '[data-testid=forecast-chart]');
    assert.equal(baseLine.length, 13);
    await page.locator('fieldset.choice label', { hasText: '悲观' }).click();
    await page.locator('[data-testid=forecast-grid][data-scenario=pessimistic]').waitFor();
    assert.notDeepEqual(await closing(), baseLine, 'the pessimistic closing cash differs from the base');
    const pessimisticInk = await canvasInk(page, '[data-testid=forecast-chart]');
    assert.notEqual(pessimisticInk.digest, baseInk.digest, 'the chart line moved');
    await page.locator('fieldset.choice label', { hasText: '基准' }).click();
    await page.locator('[data-testid=forecast-grid][data-scenario=base]').waitFor();
    await grid.locator('button.cell').first().click();
    const drill = page.getByTestId('drill-down');
    await drill.locator('tbody tr').first().waitFor();
    const reasons = await drill.locator('td.reason').allInnerTexts();
    assert.ok(reasons.length > 0);
    for (const r of reasons) assert.doesNotMatch(r, /^[A-Z0-9_]+$/, `reason code translated: ${r}`);
    await screenshot(page, 'forecast-drill-down');
  });

  test('receivables and a customer page with its behaviour summary', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '应收账款' }).click();
    await page.locator('[data-testid=aging-chart] canvas').waitFor();
    const table = page.getByTestId('customer-table');
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await table.locator('tbody tr').count(), 15, 'one page of the 30 customers');
    await page.waitForFunction(() => document.querySelector('[data-testid=metrics-chart] canvas'));
    await screenshot(page, 'receivables');
    await table.locator('tbody tr a').first().click();
    const behaviour = page.getByTestId('behaviour');
    await behaviour.waitFor();
    assert.equal(await behaviour.locator('dt').count(), 7);
    assert.match(await behaviour.innerText(), /已结清发票/);
    await page.locator('[data-testid=history-chart] canvas').waitFor();
    assert.ok((await canvasInk(page, '[data-testid=history-chart]')).inked > 500, 'payment history drawn');
    // The credit sections: score with its reasons in words, the limit and its binding constraint, onboarding.
    const score = page.getByTestId('credit-score');
    await score.waitFor();
    const reasons = await score.locator('xpath=..').locator('li').allInnerTexts();
    assert.ok(reasons.length > 0, 'the score lists its reasons');
    for (const r of reasons) assert.doesNotMatch(r, /^[A-Z_]+$/, `a reason in words, not a code: ${r}`);
    await page.getByTestId('credit-limit').waitFor();
    assert.match(await page.getByTestId('credit-limit').innerText(), /约束条件/);
    await page.getByTestId('onboarding-status').waitFor();
    await screenshot(page, 'customer');
  });

  test('import: a CSV with a bad row shows the row-level report and cannot be committed', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '导入' }).click();
    await page.locator('select[name=kind]').selectOption('customers');
    const file = { name: 'customers-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) };
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '检查文件' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.locator('tbody tr').first().waitFor();
    const first = await problems.locator('tbody tr').first().locator('td').allInnerTexts();
    assert.equal(first[0], '3', `the problem is on row 3 of the file: ${first.join(' | ')}`);
    assert.match(first.join(' '), /terms_days|thirty/);
    assert.equal(await page.getByRole('button', { name: /导入 \d+ 行/ }).count(), 0, 'no commit with problems');
    await screenshot(page, 'import');
  });

  test('on a tablet the overview fits the screen width and its chart still draws', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('navigation').getByRole('link', { name: '总览' }).click();
    await page.locator('[data-testid=forecast-chart] canvas').waitFor();
    await page.waitForTimeout(300); // let the chart resize to the narrower card
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px on a tablet`);
    assert.ok((await canvasInk(page, '[data-testid=forecast-chart]')).inked > 500, 'chart drawn at tablet width');
    await screenshot(page, 'overview-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
