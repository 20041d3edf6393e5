import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertSafeToListen, DEMO_OWNER_PASSWORD, ensureDemoOwner } from '../app/accounts/index.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import {
  clock,
  errorCode,
  login,
  PASSWORD,
  type Running,
  request,
  seedOrganisation,
  startApi,
  tokenClient,
} from './test-support.js';

const customer = { code: 'C-1', name: '华东机械' };

describeEachDialect('API accounts and roles', (open) => {
  let db: Db;
  let api: Running;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db, {
      security: { maxFailuresPerAccount: 3 },
      loginRateLimit: { max: 1000, timeWindow: 60_000 },
    });
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('login sets an httpOnly Lax session cookie and a readable CSRF cookie; me and logout', async () => {
    const res = await request(`${api.url}/api/v1/auth/login`, 'POST', {
      email: 'Viewer@orga.test',
      password: PASSWORD,
    });
    assert.equal(res.status, 200);
    const [session, csrf] = res.headers.getSetCookie();
    assert.match(session ?? '', /^cg_session=cgs_[\w-]+;.*HttpOnly/);
    assert.match(session ?? '', /SameSite=Lax/);
    assert.doesNotMatch(session ?? '', /Secure/, 'no Secure flag over plain HTTP');
    assert.doesNotMatch(csrf ?? '', /HttpOnly/);
    assert.ok(!res.text.includes('cgs_'), 'the session id is only in the cookie');
    const viewer = await login(api.url, 'viewer@orga.test');
    const me = await viewer.call('GET', '/api/v1/auth/me');
    assert.deepEqual((me.body as { role: string; orgId: string }).role, 'viewer');
    assert.equal((await viewer.call('POST', '/api/v1/auth/logout')).status, 200);
    assert.equal(errorCode(await viewer.call('GET', '/api/v1/auth/me')), 'UNAUTHENTICATED');
  });

  test('each role can do what the permission table says, no more', async () => {
    const as = Object.fromEntries(
      await Promise.all(
        ['owner', 'finance', 'credit_controller', 'viewer'].map(async (r) => [
          r,
          await login(api.url, `${r}@orga.test`),
        ]),
      ),
    );
    const statusOf = async (role: string, method: string, path: string, body?: unknown) =>
      (await as[role].call(method, path, body)).status;
    assert.equal(await statusOf('viewer', 'GET', '/api/v1/customers'), 200);
    assert.equal(await statusOf('viewer', 'POST', '/api/v1/customers', customer), 403);
    assert.equal(await statusOf('credit_controller', 'POST', '/api/v1/customers', customer), 403);
    assert.equal(await statusOf('finance', 'POST', '/api/v1/customers', customer), 201);
    const list = await as.viewer.call('GET', '/api/v1/customers');
    const id = (list.body as { items: { id: string }[] }).items[0]?.id;
    const limit = {
      customerId: id,
      currency: 'CNY',
      limitMinor: 5_000_000,
      binding: 'manual',
      effectiveFrom: '2026-01-01',
    };
    assert.equal(await statusOf('credit_controller', 'POST', '/api/v1/credit-limits', limit), 201);
    assert.equal(await statusOf('viewer', 'POST', '/api/v1/credit-limits', limit), 403);
    for (const path of ['/api/v1/members', '/api/v1/tokens', '/api/v1/audit']) {
      assert.equal(await statusOf('finance', 'GET', path), 403, path);
      assert.equal(await statusOf('owner', 'GET', path), 200, path);
    }
    assert.equal(await statusOf('finance', 'PATCH', '/api/v1/organisation', { name: 'x' }), 403);
    const audit = await as.owner.call('GET', '/api/v1/audit?entityType=credit-limits');
    const entry = (audit.body as { items: { actor: string; after: { limitMinor: number }; before: unknown }[] })
      .items[0];
    assert.equal(entry?.actor, 'user:orga-credit_controller');
    assert.equal(entry?.after.limitMinor, 5_000_000);
    assert.equal(entry?.before, null);
  });

  test('cookie writes need the CSRF header; token requests do not', async () => {
    const finance = await login(api.url, 'finance@orga.test');
    const without = await finance.call('POST', '/api/v1/suppliers', { code: 'S-9', name: 'x' }, { 'x-csrf-token': '' });
    assert.equal(without.status, 403);
    assert.equal(errorCode(without), 'CSRF_TOKEN_INVALID');
    const wrong = await finance.call(
      'POST',
      '/api/v1/suppliers',
      { code: 'S-9', name: 'x' },
      { 'x-csrf-token': 'cgc_forged' },
    );
    assert.equal(wrong.status, 403);
    assert.equal((await finance.call('GET', '/api/v1/suppliers', undefined, { 'x-csrf-token': '' })).status, 200);
    assert.equal((await finance.call('POST', '/api/v1/suppliers', { code: 'S-9', name: 'x' })).status, 201);
  });

  test('API tokens: shown once, scoped to a role, last use recorded, revocable', async () => {
    const owner = await login(api.url, 'owner@orga.test');
    const created = await owner.call('POST', '/api/v1/tokens', { name: 'ERP', role: 'viewer' });
    assert.equal(created.status, 201);
    const { id, token } = created.body as { id: string; token: string };
    const erp = tokenClient(api.url, token);
    assert.equal((await erp.call('GET', '/api/v1/invoices')).status, 200);
    assert.equal((await erp.call('POST', '/api/v1/customers', { code: 'T', name: 't' })).status, 403);
    const listed = await owner.call('GET', '/api/v1/tokens');
    assert.ok(!listed.text.includes(token), 'the secret is never listed');
    const row = (listed.body as { items: { id: string; lastUsedAt: string | null }[] }).items.find((t) => t.id === id);
    assert.equal(row?.lastUsedAt, clock.now().toISOString());
    assert.equal((await owner.call('DELETE', `/api/v1/tokens/${id}`)).status, 200);
    assert.equal(errorCode(await erp.call('GET', '/api/v1/invoices')), 'UNAUTHENTICATED');
    assert.equal(
      errorCode(await tokenClient(api.url, 'cgt_made_up').call('GET', '/api/v1/invoices')),
      'UNAUTHENTICATED',
    );
  });

  test('invite, accept once, change role, keep the last owner, remove', async () => {
    const owner = await login(api.url, 'owner@orga.test');
    const inv = await owner.call('POST', '/api/v1/invitations', {
      email: 'New.Controller@orga.test',
      role: 'credit_controller',
    });
    assert.equal(inv.status, 201);
    const token = (inv.body as { token: string }).token;
    const accept = { token, name: '李娜', password: 'a long enough password' };
    const accepted = await request(`${api.url}/api/v1/invitations/accept`, 'POST', accept);
    assert.equal(accepted.status, 201, accepted.text);
    assert.equal(
      errorCode(await request(`${api.url}/api/v1/invitations/accept`, 'POST', accept)),
      'INVITATION_INVALID',
    );
    const newcomer = await login(api.url, 'new.controller@orga.test', 'a long enough password');
    assert.equal(((await newcomer.call('GET', '/api/v1/auth/me')).body as { role: string }).role, 'credit_controller');
    const userId = (accepted.body as { userId: string }).userId;
    assert.equal((await owner.call('PATCH', `/api/v1/members/${userId}`, { role: 'viewer' })).status, 200);
    assert.equal(((await newcomer.call('GET', '/api/v1/auth/me')).body as { role: string }).role, 'viewer');
    const last = await owner.call('PATCH', '/api/v1/members/orga-owner', { role: 'finance' });
    assert.equal(errorCode(last), 'LAST_OWNER');
    assert.equal((await owner.call('DELETE', `/api/v1/members/${userId}`)).status, 200);
    assert.equal(errorCode(await newcomer.call('GET', '/api/v1/auth/me')), 'UNAUTHENTICATED');
    const audit = await owner.call('GET', '/api/v1/audit?entityType=membership');
    const actions = (audit.body as { items: { action: string }[] }).items.map((e) => e.action);
    assert.deepEqual(actions.sort(), ['members.join', 'members.remove', 'members.role']);
  });

  test('logout everywhere ends every session of the user', async () => {
    const one = await login(api.url, 'finance@orga.test');
    const two = await login(api.url, 'finance@orga.test');
    const res = await one.call('POST', '/api/v1/auth/logout-all');
    assert.ok((res.body as { ended: number }).ended >= 2);
    assert.equal(errorCode(await two.call('GET', '/api/v1/auth/me')), 'UNAUTHENTICATED');
  });

  test('repeated failures lock the account, even for the right password; messages follow Accept-Language', async () => {
    const attempt = (password: string, lang = 'en') =>
      request(
        `${api.url}/api/v1/auth/login`,
        'POST',
        { email: 'viewer@orga.test', password },
        { 'accept-language': lang },
      );
    for (let i = 0; i < 3; i++) assert.equal(errorCode(await attempt('wrong password')), 'LOGIN_FAILED');
    const locked = await attempt(PASSWORD);
    assert.equal(locked.status, 429);
    assert.equal(errorCode(locked), 'ACCOUNT_LOCKED');
    assert.match((locked.body as { error: { message: string } }).error.message, /locked for 15 minutes/);
    const zh = await attempt(PASSWORD, 'zh-CN,zh;q=0.9');
    assert.match((zh.body as { error: { message: string } }).error.message, /账户已锁定/);
  });

  test('the login endpoint is rate limited per address', async () => {
    const limited = await startApi(db, { loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await request(`${limited.url}/api/v1/auth/login`, 'POST', {
          email: 'nobody@orga.test',
          password: 'x',
        });
        statuses.push(res.status);
        if (res.status === 429) assert.equal(errorCode(res), 'RATE_LIMITED');
      }
      assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  test('demo owner: created once; the server refuses non-loopback hosts while the demo password is unchanged', async () => {
    const first = await ensureDemoOwner(db, { orgId: 'orga', clock });
    assert.deepEqual(first, { created: true, email: 'demo@cashguard.local', password: DEMO_OWNER_PASSWORD });
    assert.equal((await ensureDemoOwner(db, { orgId: 'orga', clock })).created, false);
    assert.equal((await assertSafeToListen(db, '127.0.0.1')).ok, true);
    const refused = await assertSafeToListen(db, '0.0.0.0');
    assert.equal(refused.ok ? '' : refused.error.code, 'DEMO_PASSWORD_UNCHANGED');
    const demo = await login(api.url, 'demo@cashguard.local', DEMO_OWNER_PASSWORD);
    assert.equal(((await demo.call('GET', '/api/v1/auth/me')).body as { role: string }).role, 'owner');
  });
});
