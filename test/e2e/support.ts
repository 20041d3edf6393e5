import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildServer } from '../../src/api/server.js';
import { ensureDemoOwner } from '../../src/app/accounts/index.js';
import type { Clock } from '../../src/app/clock.js';
import { createDemoCompany } from '../../src/app/demo/index.js';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;

export interface Dashboard {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** The demo company served by the real server and one headless page, as every browser scenario starts. */
export interface DemoSession {
  readonly server: Dashboard;
  readonly page: Page;
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * Builds web/dist when it is missing or stale (as `npm start` does), creates the small seeded demo
 * company (30 customers, 1,500 invoices) in memory with its owner, serves it and opens one page in
 * Chromium with Chinese as the browser language.
 */
export async function startDemoSession(asOf: string, clock: Clock): Promise<DemoSession> {
  execFileSync(process.execPath, [new URL('../../scripts/build-web.mjs', import.meta.url).pathname, '--quiet'], {
    stdio: 'inherit',
  });
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const demo = await createDemoCompany(db, { asOf, customers: 30, invoices: 1500, seed: 1 });
  await ensureDemoOwner(db, { orgId: demo.orgId, clock });
  const server = await startDashboard(db, clock);
  const chrome = await launchChromium({ locale: 'zh-CN', width: 1280, height: 900 });
  const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  page.setDefaultTimeout(20_000);
  return {
    server,
    page,
    db,
    close: async () => {
      await chrome.close();
      await server.close();
      await db.close();
    },
  };
}

/** The real server (API, report routes and the built web app) on a random loopback port. */
export async function startDashboard(db: Db, clock: Clock): Promise<Dashboard> {
  const app = buildServer({ db, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export interface Launched {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile under the temp folder and flags that keep it quiet and
 * lean on a shared machine. Playwright refuses `--user-data-dir` in `launch()`, so the fresh
 * profile goes through `launchPersistentContext` (one browser, one context).
 */
export async function launchChromium(options: { locale: string; width: number; height: number }): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), 'cashguard-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args,
    headless: true,
    locale: options.locale,
    viewport: { width: options.width, height: options.height },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** How many pixels of the first canvas under `selector` are drawn (not blank or white), and a digest of them. */
export async function canvasInk(page: Page, selector: string): Promise<{ inked: number; digest: number }> {
  return page.evaluate((sel) => {
    // Runs in the page; typed by hand so this file needs no DOM library (the bench imports it).
    type Canvas = {
      width: number;
      height: number;
      getContext(
        kind: '2d',
      ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): Canvas | null } }).document;
    const canvas = doc.querySelector(`${sel} canvas`);
    if (!canvas) return { inked: 0, digest: 0 };
    const ctx = canvas.getContext('2d');
    if (!ctx) return { inked: 0, digest: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let digest = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
      if (a > 0 && (r < 240 || g < 240 || b < 240)) {
        inked++;
        digest = (digest * 31 + r * 7 + g * 13 + b * 17 + i) % 1_000_000_007;
      }
    }
    return { inked, digest };
  }, selector);
}

/** A token that looks like a code: capitals, digits and underscores, five or more (currency codes have three). */
export const CODE_TOKEN = /\b[A-Z][A-Z0-9_]{4,}\b/g;
/** A lower-case code with underscores ('dnb_paydex', 'credit_controller'). */
const SNAKE_TOKEN = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g;
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
/** Latin words a Chinese page may show: names of methods, agencies and file formats. */
const LATIN_ALLOWED = new Set(['Altman', 'Excel', 'Creditsafe', 'Paydex', 'Allianz', 'Trade']);

/**
 * The text a person sees on the page (sr-only text included, for screen readers), without what is
 * marked translate="no": names of customers and people, invoice numbers, e-mails, secrets.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = { closest(s: string): unknown; getClientRects(): { length: number } };
    type TextNode = { parentElement: El | null; textContent: string | null };
    const doc = (
      globalThis as unknown as {
        document: {
          body: unknown;
          createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
        };
      }
    ).document;
    const walker = doc.createTreeWalker(doc.body, 4);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[translate="no"], script, style, noscript')) continue;
      if (el.getClientRects().length === 0) continue;
      const text = (n.textContent ?? '').trim();
      if (text) out.push(text);
    }
    return out;
  });
}

/**
 * What a person should never see on a page in `locale`: a token that looks like a code, Chinese on
 * an English page, an English word on a Chinese page. Empty when the page reads in one language.
 */
export function languageProblems(texts: readonly string[], locale: 'zh-CN' | 'en'): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(CODE_TOKEN)) problems.push(`code-like "${m[0]}" in "${text}"`);
    for (const m of text.matchAll(SNAKE_TOKEN)) problems.push(`code-like "${m[0]}" in "${text}"`);
    if (locale === 'en' && CJK.test(text)) problems.push(`Chinese on the English page: "${text}"`);
    if (locale === 'zh-CN')
      for (const m of text.matchAll(/\b[A-Za-z]{4,}\b/g))
        if (!LATIN_ALLOWED.has(m[0])) problems.push(`English "${m[0]}" on the Chinese page: "${text}"`);
  }
  return problems;
}
