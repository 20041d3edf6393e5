import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { WEB_DIST } from '../src/api/static.js';
import { ensureDemoOwner } from '../src/app/accounts/index.js';
import type { Clock } from '../src/app/clock.js';
import { openAppDatabase } from '../src/app/database.js';
import { createDemoCompany } from '../src/app/demo/index.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { canvasInk, hasChromium, launchChromium, startDashboard } from '../test/e2e/support.js';

interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const AS_OF = '2026-03-31';

/** Gzipped bytes of the built scripts the page fetched (level 9, as a server would send them). */
function gzippedJs(urls: readonly string[]): number {
  return urls.reduce((sum, url) => {
    const file = join(WEB_DIST, new URL(url).pathname);
    return sum + gzipSync(readFileSync(file), { level: 9 }).length;
  }, 0);
}

/**
 * The dashboard's first page on loopback: gzipped JS of the login page and of the overview
 * (entry + overview + ECharts chunks), and the time from navigation to a drawn forecast chart
 * for a logged-in user (30 customers, 1,500 invoices); then the receivables and a customer page of
 * a book of 10,000 customers and 1M invoices against their budgets.
 */
export async function run(): Promise<Figure[]> {
  if (!hasChromium()) return [{ name: 'web: skipped', value: 0, unit: '-', note: 'no /usr/bin/chromium' }];
  execFileSync(process.execPath, [new URL('../scripts/build-web.mjs', import.meta.url).pathname, '--quiet']);
  const clock: Clock = { now: () => new Date(), today: () => AS_OF };
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const demo = await createDemoCompany(db, { asOf: AS_OF, customers: 30, invoices: 1500, seed: 1 });
  await ensureDemoOwner(db, { orgId: demo.orgId, clock });
  const server = await startDashboard(db, clock);
  const chrome = await launchChromium({ locale: 'zh-CN', width: 1280, height: 900 });
  try {
    const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
    let scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url());
    });
    await page.goto(server.url);
    await page.locator('input[name=email]').waitFor();
    const loginJs = gzippedJs(scripts);
    await page.request.post(`${server.url}/api/v1/auth/login`, {
      data: { email: 'demo@cashguard.local', password: 'cashguard-demo' },
    });
    scripts = [];
    await page.goto('about:blank');
    // A cold cache, as on the first visit of the day.
    const cdp = await chrome.context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    const started = performance.now();
    await page.goto(server.url);
    await page.waitForFunction("document.querySelector('[data-testid=forecast-chart] canvas')", null, {
      timeout: 60_000,
    });
    while ((await canvasInk(page, '[data-testid=forecast-chart]')).inked < 2_000) await page.waitForTimeout(20);
    const firstChartMs = performance.now() - started;
    const overviewJs = gzippedJs([...new Set(scripts)]);
    return [
      { name: 'web: login page JS (gzipped)', value: Math.round(loginJs / 1024), unit: 'KB' },
      {
        name: 'web: first page (overview) JS (gzipped)',
        value: Math.round(overviewJs / 1024),
        unit: 'KB',
        note: 'budget 400 KB',
      },
      { name: 'web: time to first chart, loopback, cold cache', value: Math.round(firstChartMs), unit: 'ms' },
      ...(await largeBook()),
    ];
  } finally {
    await chrome.close();
    await server.close();
    await db.close();
  }
}

/** The large book, generated once and reused: 10,000 customers, 1M invoices (about a minute to make). */
const LARGE = new URL('../.bench-tmp/web-10k-1m.db', import.meta.url).pathname;
/** Budgets of the large book's pages: first useful paint with the server's reports computed (warm), and cold. */
const BUDGET_WARM_MS = 2_000;
const BUDGET_COLD_MS = 30_000;
const BUDGET_PAGE_JS_KB = 250;

async function largeDatabase() {
  if (!existsSync(LARGE)) {
    mkdirSync(join(LARGE, '..'), { recursive: true });
    const db = await openAppDatabase(LARGE);
    await migrateToLatest(db);
    await createDemoCompany(db, { asOf: AS_OF, customers: 10_000, invoices: 1_000_000, seed: 1 });
    await db.close();
  }
  return openAppDatabase(LARGE);
}

/** Milliseconds from navigation to `selector` visible, and the gzipped JS the page fetched. */
async function paint(page: Page, url: string, selector: string): Promise<{ ms: number; jsKb: number }> {
  const scripts: string[] = [];
  const onResponse = (r: { url(): string }) => {
    if (r.url().endsWith('.js')) scripts.push(r.url());
  };
  page.on('response', onResponse);
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 600_000 });
  const ms = performance.now() - started;
  page.off('response', onResponse);
  // What the page loads after its first rows (credit sections, charts) finishes before the next run.
  await page.waitForLoadState('networkidle', { timeout: 300_000 });
  return { ms, jsKb: Math.round(gzippedJs([...new Set(scripts)]) / 1024) };
}

/**
 * The receivables page and the largest customer's page of a book of 10,000 customers and 1M
 * invoices: time to the first rows of the customer table and of the open invoices, first with the
 * server's reports not yet computed (cold), then computed (warm, within the report cache's 30 s).
 */
async function largeBook() {
  const clock: Clock = { now: () => new Date(), today: () => AS_OF };
  const generated = !existsSync(LARGE);
  const started = performance.now();
  const db = await largeDatabase();
  const preparedS = (performance.now() - started) / 1000;
  await ensureDemoOwner(db, { orgId: 'demo', clock });
  const server = await startDashboard(db, clock);
  const chrome = await launchChromium({ locale: 'zh-CN', width: 1440, height: 900 });
  try {
    const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
    await page.goto(server.url);
    await page.request.post(`${server.url}/api/v1/auth/login`, {
      data: { email: 'demo@cashguard.local', password: 'cashguard-demo' },
    });
    const table = '[data-testid=customer-table] tbody tr';
    const items = '[data-testid=open-items] tbody tr';
    const customer = `${server.url}/customers/demo%3Ac-0001`;
    const receivablesCold = await paint(page, `${server.url}/receivables`, table);
    const receivablesWarm = await paint(page, `${server.url}/receivables?page=2`, table);
    const customerCold = await paint(page, customer, items);
    const customerWarm = await paint(page, `${customer}?page=3`, items);
    // The machine's load beside each figure: on a shared machine the cold figures move with it.
    const load = `load ${loadavg()[0]?.toFixed(1)}`;
    const budget = (ms: number, max: number) =>
      `budget ${max.toLocaleString('en-US')} ms${ms > max ? ', OVER' : ''}; ${load}`;
    return [
      {
        name: `web 10k/1M: book ${generated ? 'generated' : 'opened'}`,
        value: Math.round(preparedS),
        unit: 's',
        note: LARGE.split('/').slice(-2).join('/'),
      },
      {
        name: 'web 10k/1M: receivables, first table rows, cold',
        value: Math.round(receivablesCold.ms),
        unit: 'ms',
        note: budget(receivablesCold.ms, BUDGET_COLD_MS),
      },
      {
        name: 'web 10k/1M: receivables, first table rows, warm',
        value: Math.round(receivablesWarm.ms),
        unit: 'ms',
        note: budget(receivablesWarm.ms, BUDGET_WARM_MS),
      },
      {
        name: 'web 10k/1M: customer page, first open items, cold',
        value: Math.round(customerCold.ms),
        unit: 'ms',
        note: budget(customerCold.ms, BUDGET_COLD_MS),
      },
      {
        name: 'web 10k/1M: customer page, first open items, warm',
        value: Math.round(customerWarm.ms),
        unit: 'ms',
        note: budget(customerWarm.ms, BUDGET_WARM_MS),
      },
      {
        name: 'web: receivables page JS (gzipped, cold browser cache)',
        value: receivablesCold.jsKb,
        unit: 'KB',
        note: `budget ${BUDGET_PAGE_JS_KB} KB`,
      },
    ];
  } finally {
    await chrome.close();
    await server.close();
    await db.close();
  }
}
