import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { fileClaim, updateClaim } from '../../src/app/insurance/index.js';
import { type DemoSession, hasChromium, languageProblems, startDemoSession, visibleTexts } from './support.js';

/**
 * The claims section of the insurance page in headless Chromium: a claim filed and moved on is
 * listed with its status, indemnity and documents checklist in words, in both languages, no codes.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('the claims section of the insurance page', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, () => {
  let session: DemoSession | undefined;
  let page: Page;
  let url = '';
  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    const by = { orgId: 'demo', actor: 'user:e2e', now: '2026-03-31T08:00:00.000Z' };
    const filed = await fileClaim(session.db, by, {
      customer: 'KH00004',
      claimOn: AS_OF,
      amountClaimedMinor: 20_000_00,
    });
    assert.ok(filed.ok, JSON.stringify(filed));
    const moved = await updateClaim(session.db, by, {
      claim: filed.value.number,
      today: AS_OF,
      change: { status: 'filed', received: ['claim_form', 'invoice'] },
    });
    assert.ok(moved.ok, JSON.stringify(moved));
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
    test(`${locale}: the claim with its status, indemnity and documents, one language, no codes`, async () => {
      if ((await page.getByTestId('language').inputValue()) !== locale)
        await page.getByTestId('language').selectOption(locale);
      await page.goto(`${url}/`);
      await page.getByRole('link', { name: locale === 'en' ? 'Insurance' : '信用保险' }).click();
      await page.locator('[data-testid=insurance-claims] tbody tr').first().waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 20_000 });
      const row = (await page.locator('[data-testid=insurance-claims] tbody tr').first().textContent()) ?? '';
      // 20,000 × 90 % = 18,000.00 indemnity.
      assert.match(row, /18,000\.00/);
      assert.match(row, locale === 'en' ? /filed/ : /已提交/);
      assert.match(
        row,
        locale === 'en' ? /✓ claim form[\s\S]*✗ notice of possible loss/ : /✓ 索赔申请书[\s\S]*✗ 可能损失通知书/,
      );
      assert.doesNotMatch(row, /INS_|claim_form|overdue_notice/);
      assert.deepEqual(languageProblems(await visibleTexts(page), locale), []);
    });
  }
});
