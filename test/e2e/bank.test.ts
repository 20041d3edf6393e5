import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadOpenInvoices } from '../../src/app/bank/index.js';
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

  test('en: a doubtful payment is split over invoices typed to the fen; more than was paid is refused', async () => {
    const db = session?.db;
    assert.ok(db);
    const org = await db.kysely.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const open = (await loadOpenInvoices(db, org.id, AS_OF)).filter(
      (i) => i.currency === 'CNY' && i.openMinor > 500_00,
    );
    const target = open[0];
    assert.ok(target, 'the demo company has open CNY invoices');
    const customer = await db.kysely
      .selectFrom('customers')
      .select('name')
      .where('id', '=', target.customerId)
      .executeTakeFirstOrThrow();
    // 100.01 from a known customer, no invoice number: proposed (oldest first), never applied by itself.
    const dir = mkdtempSync(join(tmpdir(), 'cg-e2e-bank-'));
    const file = join(dir, 'split.csv');
    writeFileSync(
      file,
      [
        '账号：,1202020209000012345',
        '交易日期,摘要,借方发生额,贷方发生额,对方户名,交易流水号',
        `2026-03-30,货款,,100.01,${customer.name},E2E-SPLIT-1`,
      ].join('\n'),
    );
    await page.goto(`${server.url}/bank`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/1 statements read, 1 new lines\./).waitFor();
    await page.getByRole('button', { name: 'Match now' }).click();
    await page.getByText(/payments: \d+ applied/).waitFor();
    const row = page.getByTestId('bank-review').locator('tbody tr').filter({ hasText: 'E2E-SPLIT-1' });
    await row.getByRole('button', { name: 'Split' }).click();
    const form = row.getByTestId('bank-split');
    const numbers = form.locator('input[name^=number-]');
    const amounts = form.locator('input[name^=amount-]');
    for (let i = (await numbers.count()) - 1; i > 0; i--) {
      await numbers.nth(i).fill('');
      await amounts.nth(i).fill('');
    }
    await numbers.first().fill(target.number);
    await amounts.first().fill('100.02');
    await form.getByRole('button', { name: 'Apply the split' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'The amounts add up to 100.02, more than the 100.01 paid.' })
      .waitFor();
    await amounts.first().fill('100.01');
    await form.getByRole('button', { name: 'Apply the split' }).click();
    await row.waitFor({ state: 'detached' });
    const left = (await loadOpenInvoices(db, org.id, AS_OF)).find((i) => i.invoiceId === target.invoiceId);
    assert.equal(left?.openMinor, target.openMinor - 100_01, 'the invoice is 100.01 less open');
  });
});
