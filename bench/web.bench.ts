import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../src/api/static.js';
import { ensureDemoOwner } from '../src/app/accounts/index.js';
import type { Clock } from '../src/app/clock.js';
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
 * for a logged-in user (30 customers, 1,500 invoices).
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
    ];
  } finally {
    await chrome.close();
    await server.close();
    await db.close();
  }
}
