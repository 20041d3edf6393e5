import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import {
  type DemoSession,
  hasChromium,
  languageProblems,
  screenshot,
  startDemoSession,
  visibleTexts,
} from './support.js';

/**
 * The insurance page in headless Chromium against the real server, in both languages: it reads in
 * one language with no code shown, fits 1440 and 390 px, and tells the demo's story (the insolvent
 * buyer has no limit; the value of cover shows loss with and without the policy).
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('the insurance page', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, () => {
  let session: DemoSession | undefined;
  let page: Page;
  let url = '';
  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    page = session.page;
    url = session.server.url;
    await page.goto(url);
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('kpis').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`${locale}: linked from the navigation, one language, no codes, fits 1440 and 390 px`, async () => {
      if ((await page.getByTestId('language').inputValue()) !== locale)
        await page.getByTestId('language').selectOption(locale);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${url}/`);
      await page.getByRole('link', { name: locale === 'en' ? 'Insurance' : '信用保险' }).click();
      await page.locator('[data-testid=insurance-buyers] tbody tr').first().waitFor();
      await page.getByTestId('insurance-value').waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 20_000 });
      const texts = await visibleTexts(page);
      assert.deepEqual(languageProblems(texts, locale), []);
      const why = (await page.getByTestId('insurance-uncovered').textContent()) ?? '';
      assert.match(why, locale === 'en' ? /no insurer or discretionary limit/ : /没有信用限额/);
      assert.doesNotMatch(why, /INS_/);
      const value = (await page.getByTestId('insurance-value').textContent()) ?? '';
      assert.match(value, locale === 'en' ? /Expected loss[\s\S]*Break-even premium/ : /预期损失[\s\S]*盈亏平衡保费/);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await screenshot(page, `insurance-${locale}-${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `scrolls sideways by ${overflow} px at ${width}`);
      }
    });
  }
});
