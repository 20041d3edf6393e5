import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Clock } from '../../src/app/clock.js';
import { inviteThroughApi } from './api-client.js';
import { type Dashboard, type DemoSession, hasChromium, screenshot, startDemoSession } from './support.js';

/**
 * The credit decisions on the customer page, in headless Chromium against the real server: the
 * demo owner records a review, an onboarding item and a limit approval and sees each take effect;
 * a viewer sees the same page without any of the controls.
 */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };
/** Demo customer 2 (seed 1): last reviewed 2026-01-05, bank reference missing, recommended ¥19,000.00, current ¥40,000.00. */
const CUSTOMER = 'demo:c-0002';
const OWNER = { email: 'demo@cashguard.local', password: 'cashguard-demo' };
const VIEWER = { email: 'viewer@e2e.test', password: 'viewer password 1', name: '只读用户' };

/** The text of the element, as read from the page. */
async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** The value shown beside a label in a facts list (`<dt>label</dt><dd>value</dd>`). */
async function fact(page: Page, testId: string, label: string): Promise<string> {
  return text(
    page
      .getByTestId(testId)
      .locator('div', { has: page.locator('dt', { hasText: label }) })
      .locator('dd'),
  );
}

describe('credit decisions on the customer page', {
  skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install -y chromium)',
}, () => {
  let server: Dashboard;
  let page: Page;
  let session: DemoSession | undefined;
  const customerUrl = () => `${server.url}/customers/${encodeURIComponent(CUSTOMER)}`;
  const logIn = async (who: { email: string; password: string }) => {
    await page.getByLabel('电子邮箱').fill(who.email);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
  };

  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    ({ server, page } = session);
  });
  after(async () => {
    await session?.close();
  });

  test('the owner records a review: a blank reason is refused in Chinese, then the next review date appears', async () => {
    await page.goto(customerUrl());
    await logIn(OWNER);
    const status = page.getByTestId('review-status');
    await status.waitFor();
    assert.equal(await fact(page, 'review-status', '上次复审'), '2026年1月5日');
    const dueBefore = await fact(page, 'review-status', '下次复审日期');
    await page.getByRole('button', { name: '记录复审' }).click();
    const form = page.getByRole('form', { name: '记录复审' });
    await form.getByLabel('复审结论').fill('   ');
    await form.getByRole('button', { name: '记录复审' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.match(await text(alert), /输入无效[\s\S]*VALIDATION_FAILED/);
    assert.equal(await form.getByLabel('复审结论').getAttribute('aria-invalid'), 'true');
    assert.equal(await fact(page, 'review-status', '上次复审'), '2026年1月5日', 'nothing changed on the page');
    await form.getByLabel('复审结论').fill('年度复审：付款正常，维持额度');
    await form.getByRole('button', { name: '记录复审' }).click();
    const result = page.getByTestId('review-result');
    await result.waitFor();
    assert.equal(await fact(page, 'review-status', '上次复审'), '2026年3月31日');
    const dueAfter = await fact(page, 'review-status', '下次复审日期');
    assert.notEqual(dueAfter, dueBefore, 'the next review date moved');
    assert.match(await text(result), new RegExp(`Demo owner 已记录复审：等级 \\S+ → \\S+，下次复审日期 ${dueAfter}`));
    assert.equal(await fact(page, 'review-status', '状态'), '未到期');
    assert.equal(await form.count(), 0, 'the form closed');
  });

  test('an onboarding item recorded as waived shows its new status; data-backed items offer no control', async () => {
    const line = page.locator('[data-testid=onboarding-checklist] li[data-item=bank_reference]');
    assert.equal(await line.getAttribute('data-status'), 'missing');
    const registration = page.locator('[data-testid=onboarding-checklist] li[data-item=registration]');
    assert.equal(await registration.getByRole('button').count(), 0, 'registration comes from the data only');
    await line.getByRole('button', { name: '记录“银行资信证明”的状态' }).click();
    const form = line.getByRole('form', { name: '记录“银行资信证明”的状态' });
    await form.getByLabel('状态').selectOption({ label: '已豁免' });
    await form.getByLabel('备注（可选）').fill('老客户，豁免银行资信证明');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid=onboarding-checklist] li[data-item=bank_reference][data-status=waived]').waitFor();
    assert.match(await text(page.getByTestId('onboarding-result')), /“银行资信证明”已记录为“已豁免”/);
    assert.match(await text(line), /已豁免：[\s\S]*老客户，豁免银行资信证明/);
    await screenshot(page, 'customer-credit-recorded-zh');
  });

  test('approve a limit: the amount is prefilled, the button waits while saving, then the limit shows approved', async () => {
    assert.equal(await fact(page, 'credit-limit', '当前额度'), '¥40,000.00');
    await page.getByRole('button', { name: '审批额度' }).click();
    const form = page.getByRole('form', { name: '审批额度' });
    const amount = form.getByLabel('额度（CNY）');
    assert.equal(await amount.inputValue(), '19000.00', 'the recommended limit, prefilled');
    await amount.fill('18,000.005');
    await form.getByLabel('审批理由').fill('复审后上调');
    await form.getByRole('button', { name: '审批额度' }).click();
    assert.match(await text(form.getByRole('alert')), /最多 2 位小数/, 'refused before sending');
    await amount.fill('18,000');
    // Hold the approval until the disabled button has been seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/credit/limits', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await form.getByRole('button', { name: '审批额度' }).click();
    const busy = form.getByRole('button', { name: '保存中…' });
    await busy.waitFor();
    assert.equal(await busy.isDisabled(), true);
    assert.equal(await fact(page, 'credit-limit', '当前额度'), '¥40,000.00', 'unchanged until saved');
    release();
    await page.getByTestId('limit-result').waitFor();
    await page.unroute('**/api/v1/credit/limits');
    assert.equal(await fact(page, 'credit-limit', '当前额度'), '¥18,000.00');
    assert.equal(await fact(page, 'credit-limit', '核定（生效日 · 核定人）'), '2026年3月31日 · Demo owner');
    assert.match(
      await text(page.getByTestId('limit-result')),
      /Demo owner 已审批额度 ¥18,000\.00，2026年3月31日 起生效/,
    );
    await screenshot(page, 'customer-credit-approved-zh');
  });

  test('in English the same controls read in English; the open forms fit the cards', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Credit review' }).waitFor();
    await page.getByRole('button', { name: 'Approve limit' }).click();
    assert.equal(
      await page.getByRole('form', { name: 'Approve limit' }).getByLabel('Limit (CNY)').inputValue(),
      '19000.00',
    );
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByRole('button', { name: 'Record the status of Bank reference' }).click();
    await page.getByRole('form', { name: 'Record the status of Bank reference' }).waitFor();
    assert.equal(await fact(page, 'review-status', 'Last review'), '31 Mar 2026');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'customer-credit-forms-en');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '信用复审' }).waitFor();
  });

  test('a viewer sees the credit sections without any control to record a decision', async () => {
    await inviteThroughApi(server.url, OWNER, { ...VIEWER, role: 'viewer' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await logIn(VIEWER);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.goto(customerUrl());
    await page.getByTestId('review-status').waitFor();
    await page.getByTestId('credit-limit').waitFor();
    await page.getByTestId('onboarding-checklist').waitFor();
    assert.equal(await fact(page, 'credit-limit', '当前额度'), '¥18,000.00', 'the viewer reads the approved limit');
    for (const name of ['记录复审', '审批额度', /^记录/]) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `no "${name}" button for a viewer`);
    }
    assert.equal(await page.locator('main form, main textarea, main input').count(), 0, 'no form for a viewer');
    await screenshot(page, 'customer-credit-viewer-zh');
  });
});
