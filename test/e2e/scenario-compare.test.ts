import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Clock } from '../../src/app/clock.js';
import { createScenario } from '../../src/app/scenarios/index.js';
import { listOrganisations } from '../../src/db/stores/organisations.js';
import {
  type DemoSession,
  hasChromium,
  languageProblems,
  screenshot,
  startDemoSession,
  visibleTexts,
} from './support.js';

/** Saved scenarios side by side with the three on the forecast page, in headless Chromium. */
const AS_OF = '2026-03-31';
const clock: Clock = { now: () => new Date(), today: () => AS_OF };

describe('saved scenarios on the forecast page', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, () => {
  let session: DemoSession | undefined;
  before(async () => {
    session = await startDemoSession(AS_OF, clock);
    const [org] = await listOrganisations(session.db);
    assert.ok(org);
    const made = await createScenario(
      session.db,
      { orgId: org.id, actor: 'test', now: '2026-03-31T01:00:00Z' },
      {
        name: '寒冬',
        elements: [
          { kind: 'payment_delay', days: 30 },
          { kind: 'large_purchase', amountMinor: 500_000_00, on: '2026-04-15' },
        ],
      },
    );
    assert.ok(made.ok);
  });
  after(async () => {
    await session?.close();
  });

  test('a saved scenario is picked and shown beside optimistic, base and pessimistic with its assumptions', async () => {
    const { page, server } = session as DemoSession;
    await page.goto(server.url);
    await page.getByLabel('电子邮箱').fill('demo@cashguard.local');
    await page.getByLabel('密码').fill('cashguard-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('kpis').waitFor();
    await page.goto(`${server.url}/forecast`);
    await page.getByTestId('scenario-pick').waitFor();
    await page.getByTestId('scenario-pick').getByLabel('寒冬').check();
    await page.getByTestId('scenario-compare').waitFor();
    const rows = await page.locator('[data-testid=scenario-compare] tbody th').allInnerTexts();
    assert.deepEqual(rows, ['乐观', '基准', '悲观', '寒冬']);
    const words = await page.getByTestId('scenario-assumptions').innerText();
    assert.match(words, /所有客户比预计晚 30 天付款。/);
    assert.match(words, /2026-04-15 支付一笔大额采购 500,000.00 CNY。/);
    assert.deepEqual(languageProblems(await visibleTexts(page), 'zh-CN'), []);
    await screenshot(page, 'scenarios-zh-CN-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'scenarios-zh-CN-390');
  });
});
