import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Clock } from '../../src/app/clock.js';
import {
  canvasInk,
  type DemoSession,
  hasChromium,
  languageProblems,
  screenshot,
  startDemoSession,
  visibleTexts,
} from './support.js';

/** The stress page in headless Chromium against the real server, in both languages. */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('the stress page', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, () => {
  let session: DemoSession | undefined;
  before(async () => {
    session = await startDemoSession(AS_OF, clock);
  });
  after(async () => {
    await session?.close();
  });

  test('shows the shocks, the breaking points in words and the fan chart, in Chinese and English', async () => {
    const { page, server } = session as DemoSession;
    await page.goto(server.url);
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('kpis').waitFor();
    await page.getByRole('link', { name: '压力测试' }).click();
    await page.getByTestId('shock-table').waitFor();
    const rows = await page.locator('[data-testid=shock-table] tbody tr').count();
    assert.ok(rows >= 8, `${rows} rows: base and the standard shocks`);
    assert.match((await page.getByTestId('shock-table').textContent()) ?? '', /最大客户违约/);
    const points = await page.locator('[data-testid=breaking-points] li').allInnerTexts();
    assert.ok(points.length >= 6, points.join('\n'));
    assert.ok(
      points.some((p) => /回款推迟|即使/.test(p)),
      points.join('\n'),
    );
    await page.getByTestId('fan-chart').waitFor({ timeout: 120_000 });
    await page.getByTestId('mc-table').waitFor();
    const ink = await canvasInk(page, '[data-testid=fan-chart]');
    assert.ok(ink.inked > 1000, 'the fan is drawn');
    assert.deepEqual(languageProblems(await visibleTexts(page), 'zh-CN'), []);
    await screenshot(page, 'stress-zh-CN-1280');
    await page.getByTestId('language').selectOption('en');
    await page.locator('[data-testid=breaking-points] li').first().waitFor();
    await page.getByText('The largest customer defaults').waitFor();
    await page.getByTestId('mc-table').waitFor({ timeout: 120_000 });
    assert.deepEqual(languageProblems(await visibleTexts(page), 'en'), []);
    await page.getByLabel('6 months').check();
    await page.waitForURL(/horizon=month/);
    await page.getByText('month 1').first().waitFor();
    await screenshot(page, 'stress-en-1280-month');
  });
});
