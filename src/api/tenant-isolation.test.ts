import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { can, type Permission, ROLES } from '../app/accounts/index.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { listRoutes } from './server.js';
import { createSampleRecords, type Keys } from './test-records.js';
import { type Client, login, type Running, seedOrganisation, startApi, tokenClient } from './test-support.js';

/**
 * The cross-tenant matrix, generated from the server's own route table: every authenticated
 * route x every role of organisation A (and an API token of A) x organisation B's ids. A route
 * with ids must answer 404 (or 403 where the role lacks the permission); no answer may carry
 * anything of B. A new route is covered automatically; one whose path parameters name a
 * resource this file has no ids for fails the test until they are added to createSampleRecords.
 */
const MARKER_B = 'ORGB-SECRET';
/** Bodies that pass validation, so the route reaches its tenant check instead of stopping at 400. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/members/:userId': { role: 'viewer' },
  'POST /api/v1/alerts/:id/snooze': { until: '2026-04-30', reason: 'matrix' },
  'POST /api/v1/alerts/:id/assign': { assignee: 'matrix' },
  'POST /api/v1/collections/disputes/:id/resolve': { resolvedOn: '2026-03-20', resolution: 'withdrawn' },
  'PUT /api/v1/scenarios/:id': { version: 1, name: 'matrix', elements: [{ kind: 'credit_line_not_renewed' }] },
};
/** These end the caller's own sessions; they take no ids and are tested in auth.test.ts. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-all']);

describeEachDialect('API tenant isolation', (open) => {
  let db: Db;
  let api: Running;
  let keysB: Keys;
  let secretsB: string[];
  const clientsA = new Map<string, Client>();

  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    const usersB = await seedOrganisation(db, 'orgb', `${MARKER_B} Org`);
    api = await startApi(db);
    const ownerA = await login(api.url, 'owner@orga.test');
    await createSampleRecords(ownerA, 'ORGA');
    keysB = await createSampleRecords(await login(api.url, 'owner@orgb.test'), MARKER_B);
    keysB.members = { userId: usersB.viewer };
    secretsB = [...new Set(Object.values(keysB).flatMap((k) => Object.values(k)))].filter((v) => v.length > 12);
    for (const role of ROLES) clientsA.set(role, await login(api.url, `${role}@orga.test`));
    const token = await ownerA.call('POST', '/api/v1/tokens', { name: 'matrix', role: 'finance' });
    clientsA.set('token:finance', tokenClient(api.url, (token.body as { token: string }).token));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('every route x every role x the other organisation ids: 404 or 403, never its data', async () => {
    const routes = listRoutes(api.app).filter(
      (r) => !r.isHidden && r.permission !== 'public' && r.url.startsWith('/api/'),
    );
    assert.ok(routes.length > 80, `expected the full route table, got ${routes.length}`);
    let checked = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      if (SESSION_ENDING.has(name)) continue;
      const params = route.url.match(/:\w+/g) ?? [];
      let path = route.url;
      if (params.length > 0) {
        const ids = route.resource ? keysB[route.resource] : undefined;
        assert.ok(
          ids,
          `${name}: no ids of organisation B for resource "${route.resource}" (add them to createSampleRecords)`,
        );
        for (const p of params) path = path.replace(p, encodeURIComponent(ids[p.slice(1)] ?? 'missing'));
      }
      for (const [who, client] of clientsA) {
        const role = who === 'token:finance' ? 'finance' : (who as (typeof ROLES)[number]);
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (BODIES[name] ?? {});
        const res = await client.call(route.method, path, body);
        const allowed = can(role, (route.permission ?? 'read') as Permission);
        const label = `${name} as ${who} -> ${res.status} ${res.text.slice(0, 200)}`;
        for (const secret of [MARKER_B, ...secretsB]) assert.ok(!res.text.includes(secret), `${label} leaks ${secret}`);
        if (!allowed) assert.equal(res.status, 403, label);
        else if (params.length > 0) assert.equal(res.status, 404, label);
        else assert.ok(res.status < 500, label);
        checked++;
      }
    }
    assert.ok(checked > 400, `checked ${checked} combinations`);
  });

  test("organisation B's records all survive the matrix unchanged", async () => {
    const ownerB = await login(api.url, 'owner@orgb.test');
    for (const [resource, key] of Object.entries(keysB)) {
      if (['tokens', 'invitations', 'members'].includes(resource)) continue;
      const res = await ownerB.call(
        'GET',
        `/api/v1/${resource}/${Object.values(key).map(encodeURIComponent).join('/')}`,
      );
      assert.equal(res.status, 200, `${resource}: ${res.text}`);
    }
    const tokens = await ownerB.call('GET', '/api/v1/tokens');
    assert.ok((tokens.body as { items: { revokedAt: string | null }[] }).items.every((t) => t.revokedAt === null));
    const members = await ownerB.call('GET', '/api/v1/members');
    assert.equal((members.body as { items: unknown[] }).items.length, 4);
  });

  test('references to another organisation are refused; filters never reach across', async () => {
    const financeA = clientsA.get('finance') as Client;
    const customerB = keysB.customers?.id as string;
    const res = await financeA.call('POST', '/api/v1/invoices', {
      customerId: customerB,
      number: 'X-1',
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
      currency: 'CNY',
      amountMinor: 100,
    });
    assert.equal(res.status, 404);
    assert.equal((res.body as { error: { field: string } }).error.field, 'customerId');
    const list = await financeA.call('GET', `/api/v1/invoices?customerId=${customerB}`);
    assert.deepEqual((list.body as { items: unknown[] }).items, []);
    const summary = await financeA.call('GET', '/api/summary?org=orgb');
    assert.equal(summary.status, 400, 'the organisation never comes from the query');
  });
});
