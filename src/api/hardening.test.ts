import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { acceptInvitation, DEFAULT_SECURITY, inviteMember, login as logIn } from '../app/accounts/index.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { listRoutes } from './server.js';
import {
  type Client,
  errorCode,
  login,
  PASSWORD,
  type Running,
  request,
  seedOrganisation,
  startApi,
} from './test-support.js';

const T0 = Date.parse('2026-03-31T04:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000);
const security = DEFAULT_SECURITY;

describeEachDialect('hardening: lock-out, proxies, unknown query parameters', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    await seedOrganisation(db, 'orgb', 'Org B');
    api = await startApi(db, { loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    owner = await login(api.url, 'owner@orga.test');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const tryLogin = (email: string, password: string, now: Date, ip = '10.9.0.1') =>
    logIn(db, { email, password, ip, now }, security);

  test('the lock lasts 15 minutes from the fifth failure, not from the first, and refuses the right password', async () => {
    const email = 'viewer@orga.test';
    for (let m = 0; m < 5; m++) assert.equal((await tryLogin(email, 'wrong', at(m))).ok, false);
    const code = async (now: Date) => {
      const r = await tryLogin(email, PASSWORD, now);
      return r.ok ? 'OK' : r.error.code;
    };
    assert.equal(await code(at(4, 8)), 'ACCOUNT_LOCKED');
    assert.equal(await code(at(15, 30)), 'ACCOUNT_LOCKED');
    assert.equal(await code(at(18, 59)), 'ACCOUNT_LOCKED');
    assert.equal(await code(at(19, 1)), 'OK');
  });

  test('accepting an invitation counts wrong passwords against the same lock and closes the invitation', async () => {
    const byB = { orgId: 'orgb', actor: 'user:orgb-owner', now: at(0).toISOString() };
    const victim = 'finance@orga.test';
    const invited = await inviteMember(db, byB, { email: victim, role: 'viewer' }, security);
    assert.ok(invited.ok);
    const accept = async (password: string, minute: number) => {
      const r = await acceptInvitation(
        db,
        { token: invited.value.token, name: '', password, now: at(minute).toISOString(), ip: '10.9.0.2' },
        security,
      );
      return r.ok ? 'OK' : r.error.code;
    };
    // Two wrong logins and three wrong guesses through the invitation: one budget.
    for (let m = 0; m < 2; m++) assert.equal((await tryLogin(victim, 'wrong', at(m), '10.9.0.3')).ok, false);
    for (let m = 2; m < 5; m++) assert.equal(await accept(`wrong guess ${m}`, m), 'LOGIN_FAILED');
    assert.equal(await accept(PASSWORD, 5), 'INVITATION_INVALID');
    const locked = await tryLogin(victim, PASSWORD, at(5));
    assert.equal(locked.ok ? 'OK' : locked.error.code, 'ACCOUNT_LOCKED');
    assert.equal((await tryLogin(victim, PASSWORD, at(19, 30))).ok, true);
  });

  test('a locked account refuses the right password through an invitation too', async () => {
    const byB = { orgId: 'orgb', actor: 'user:orgb-owner', now: at(0).toISOString() };
    const victim = 'credit_controller@orga.test';
    for (let m = 0; m < 5; m++) assert.equal((await tryLogin(victim, 'wrong', at(m))).ok, false);
    const invited = await inviteMember(db, byB, { email: victim, role: 'viewer' }, security);
    assert.ok(invited.ok);
    const r = await acceptInvitation(
      db,
      { token: invited.value.token, name: '', password: PASSWORD, now: at(6).toISOString(), ip: '10.9.0.4' },
      security,
    );
    assert.equal(r.ok ? 'OK' : r.error.code, 'ACCOUNT_LOCKED');
  });

  test('login and invitation acceptance share one request budget per address', async () => {
    const limited = await startApi(db, { loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const loginOnce = () =>
        request(`${limited.url}/api/v1/auth/login`, 'POST', { email: 'nobody@orga.test', password: 'x' });
      const acceptOnce = () =>
        request(`${limited.url}/api/v1/invitations/accept`, 'POST', { token: 'cgi_x', password: 'long enough 1' });
      const statuses = [
        (await loginOnce()).status,
        (await acceptOnce()).status,
        (await acceptOnce()).status,
        (await loginOnce()).status,
        (await acceptOnce()).status,
      ];
      assert.deepEqual(statuses, [401, 400, 400, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  test('behind a trusted proxy that speaks HTTPS, the session cookies are Secure; untrusted, they are not', async () => {
    const body = { email: 'viewer@orgb.test', password: PASSWORD };
    const headers = { 'x-forwarded-proto': 'https' };
    const trusted = await startApi(db, { trustProxy: true, loginRateLimit: { max: 100, timeWindow: 60_000 } });
    try {
      const res = await request(`${trusted.url}/api/v1/auth/login`, 'POST', body, headers);
      assert.equal(res.status, 200);
      assert.ok(res.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c)));
    } finally {
      await trusted.close();
    }
    const res = await request(`${api.url}/api/v1/auth/login`, 'POST', body, headers);
    assert.equal(res.status, 200);
    assert.ok(res.headers.getSetCookie().every((c) => !/;\s*Secure/i.test(c)));
  });

  test('every GET route refuses an unknown query parameter with 400 UNKNOWN_FIELD', async () => {
    const value = (name: string) =>
      /On$|^periodEnd$/.test(name) ? '2026-01-31' : name === 'base' ? 'USD' : name === 'quote' ? 'CNY' : 'x';
    const gets = listRoutes(api.app).filter((r) => r.method === 'GET' && !r.isHidden && r.url !== '*');
    assert.ok(gets.length > 40, `${gets.length} GET routes`);
    const accepted: string[] = [];
    for (const r of gets) {
      const path = r.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => value(name));
      const required = r.url === '/api/v1/reports/forecast/period' ? 'scenario=base&index=0&' : '';
      const res = await owner.call('GET', `${path}?${required}zzUnknown=1`);
      if (res.status !== 400 || errorCode(res) !== 'UNKNOWN_FIELD') accepted.push(`${r.url} ${res.status}`);
    }
    assert.deepEqual(accepted, []);
  });
});
