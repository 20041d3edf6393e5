import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { type DemoSession, hasChromium, startDemoSession } from './support.js';

/**
 * The eligible-receivables pack from the insurance page: the button downloads the workbook under
 * the server's file name, with the headers in the page's language.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('the eligible-receivables download', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, () => {
  let session: DemoSession | undefined;
  let page: Page;
  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    page = session.page;
    await page.goto(session.server.url);
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('kpis').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  test('the button on the insurance page downloads the pack, headers in Chinese', async () => {
    await page.getByRole('link', { name: '信用保险' }).click();
    const button = page.getByTestId('insurance-eligible-download');
    assert.equal((await button.textContent())?.trim(), '下载可融资应收账款（Excel）');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), `cashguard-eligible-receivables-${AS_OF}.xlsx`);
    const path = await download.path();
    const { Workbook } = (await import('exceljs')).default;
    const wb = new Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['可融资的已投保应收账款', '汇总'],
    );
    assert.equal(wb.worksheets[0]?.getRow(1).getCell(3).value, '发票号');
    assert.ok((wb.worksheets[0]?.rowCount ?? 0) > 1, 'the demo has eligible receivables');
  });
});
