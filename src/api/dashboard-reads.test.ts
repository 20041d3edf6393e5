import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD } from '../app/accounts/index.js';
import { hashPassword } from '../app/accounts/secrets.js';
import type { Db } from '../db/connection.js';
import { findUserByEmail, updateUserPassword } from '../db/stores/accounts.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, type Running, startDemoApi } from './test-support.js';

/** A token that looks like a code (the web's scan uses the same rule), or a Chinese character. */
const CODE_LIKE = /\b[A-Z][A-Z0-9_]{4,}\b|\b[a-z][a-z0-9]*_[a-z0-9_]+\b/;
const CJK = /[\u3400-\u9fff]/;
const ASCII_WORD = /[a-z]{4,}/;

type Said = { code: string; message: string };
type LoginHint = { demo: { email: string; password: string } | null };

describeEachDialect('API reads of the dashboard', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  const get = async (path: string, lang = 'zh-CN') => {
    const res = await owner.call('GET', path, undefined, { 'accept-language': lang });
    assert.equal(res.status, 200, `${path}: ${res.text.slice(0, 300)}`);
    return res.body;
  };
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('one customer’s score, limit and review equal that customer in the book’s reports; unknown ids are 404', async () => {
    const q = '?asOf=2026-03-31';
    const book = (await get(`/api/v1/credit/scores${q}`)) as { customers: { customerId: string; code: string }[] };
    const limits = (await get(`/api/v1/credit/limits${q}`)) as { customers: { customerId: string }[] };
    const reviews = (await get(`/api/v1/credit/reviews${q}`)) as { reviews: { customerId: string }[] };
    const first = book.customers[1];
    assert.ok(first);
    for (const [part, list] of [
      ['score', book.customers],
      ['limit', limits.customers],
      ['review', reviews.reviews],
    ] as const) {
      const one = (await get(`/api/v1/credit/customers/${first.customerId}/${part}${q}`)) as { customer: unknown };
      assert.deepEqual(
        one.customer,
        list.find((c) => c.customerId === first.customerId),
        part,
      );
      const byCode = (await get(`/api/v1/credit/customers/${first.code}/${part}${q}`)) as { customer: unknown };
      assert.deepEqual(byCode.customer, one.customer, `${part} by code`);
      const missing = await owner.call('GET', `/api/v1/credit/customers/nobody/${part}`);
      assert.equal(missing.status, 404);
    }
  });

  test('the customer table is sorted, filtered and paged on the server, with grades when asked', async () => {
    type Rows = {
      items: { customerId: string; code: string; name: string; openMinor: number; grade: string | null }[];
      total: number;
      nextOffset: number | null;
      hasGrades: boolean;
    };
    const all = (await get('/api/v1/reports/customers?asOf=2026-03-31&limit=500')) as Rows;
    assert.equal(all.total, 20);
    assert.equal(all.hasGrades, false);
    const opens = all.items.map((r) => r.openMinor);
    assert.deepEqual(
      opens,
      [...opens].sort((a, b) => b - a),
      'largest exposure first by default',
    );
    const page1 = (await get('/api/v1/reports/customers?asOf=2026-03-31&limit=7')) as Rows;
    const page3 = (await get('/api/v1/reports/customers?asOf=2026-03-31&limit=7&offset=14')) as Rows;
    assert.equal(page1.nextOffset, 7);
    assert.equal(page3.nextOffset, null);
    assert.deepEqual(
      [...page1.items, ...page3.items].map((r) => r.customerId),
      [...all.items.slice(0, 7), ...all.items.slice(14)].map((r) => r.customerId),
    );
    const code = all.items[3]?.code ?? '';
    const found = (await get(`/api/v1/reports/customers?asOf=2026-03-31&q=${code.toLowerCase()}`)) as Rows;
    assert.deepEqual(
      found.items.map((r) => r.code),
      [code],
    );
    const graded = (await get('/api/v1/reports/customers?asOf=2026-03-31&sort=grade&order=asc&limit=500')) as Rows;
    assert.equal(graded.hasGrades, true);
    const grades = graded.items.map((r) => r.grade).filter((g) => g !== null);
    assert.ok(grades.length > 10);
    assert.deepEqual(grades, [...grades].sort());
    const bad = await owner.call('GET', '/api/v1/reports/customers?sort=nonsense');
    assert.equal(bad.status, 400);
  });

  test('a customer page comes with a page of its open items and their count', async () => {
    type Page = { openItems: { invoiceId: string }[]; openItemCount: number };
    const whole = (await get('/api/v1/reports/customers/demo:c-0001?asOf=2026-03-31')) as Page;
    const part = (await get('/api/v1/reports/customers/demo:c-0001?asOf=2026-03-31&items=2&offset=1')) as Page;
    assert.ok(whole.openItemCount > 3);
    assert.equal(whole.openItems.length, whole.openItemCount);
    assert.equal(part.openItemCount, whole.openItemCount);
    assert.deepEqual(part.openItems, whole.openItems.slice(1, 3));
  });

  test('every credit reason reads as words: no code in Chinese or English, no Chinese in English', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const q = '?asOf=2026-03-31';
      const scores = (await get(`/api/v1/credit/scores${q}`, lang)) as {
        customers: { drivers: Said[]; overrides: Said[]; reasons: Said[] }[];
      };
      const limits = (await get(`/api/v1/credit/limits${q}`, lang)) as {
        customers: { recommendation: { reasons: Said[] } }[];
      };
      type Line = { reason: Said; details: string };
      // A checklist line's words apart from what people recorded (names and notes as they wrote them).
      const words = (l: Line): Said => ({ ...l.reason, message: l.reason.message.replace(l.details, '') });
      const onboarding = (await get(`/api/v1/credit/customers/demo:c-0002/onboarding${q}`, lang)) as {
        lines: Line[];
        safeLimitReason: Said;
      };
      const messages = [
        ...scores.customers.flatMap((c) => [...c.drivers, ...c.overrides, ...c.reasons]),
        ...limits.customers.flatMap((c) => c.recommendation.reasons),
        ...onboarding.lines.map(words),
        ...((await get(`/api/v1/credit/customers/demo:c-0003/onboarding${q}`, lang)) as { lines: Line[] }).lines.map(
          words,
        ),
        onboarding.safeLimitReason,
      ].map((r) => r.message);
      assert.ok(messages.length > 50);
      for (const m of messages) {
        assert.doesNotMatch(m, CODE_LIKE, `${lang}: ${m}`);
        if (lang === 'en') assert.doesNotMatch(m, CJK, m);
        // Chinese reasons keep names (Altman, Creditsafe) but no English words of the data.
        else assert.doesNotMatch(m.replace(/Altman|Creditsafe|Paydex/g, ''), ASCII_WORD, m);
      }
    }
  });

  test('the login page learns the demo login only while its password is unchanged', async () => {
    const hint = async () => ((await (await fetch(`${api.url}/api/v1/auth/login-hint`)).json()) as LoginHint).demo;
    assert.deepEqual(await hint(), { email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD });
    const user = await findUserByEmail(db, { email: DEMO_OWNER_EMAIL });
    assert.ok(user);
    const hash = await hashPassword('a new and private password');
    await updateUserPassword(db, { userId: user.id, hash, at: new Date().toISOString() });
    assert.equal(await hint(), null, 'the changed password is never shown');
  });
});
