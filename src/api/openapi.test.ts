import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { listRoutes } from './server.js';
import { login, PASSWORD, request, seedOrganisation, startApi } from './test-support.js';

test('every registered route appears in the OpenAPI document; the docs UI is served', async () => {
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const api = await startApi(db);
  try {
    const doc = await request(`${api.url}/api/openapi.json`, 'GET');
    assert.equal(doc.status, 200);
    const spec = doc.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(spec.openapi, /^3\./);
    const routes = listRoutes(api.app).filter((r) => !r.isHidden);
    assert.ok(routes.length > 80);
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(
        spec.paths[path]?.[r.method.toLowerCase()],
        `${r.method} ${r.url} is missing from the OpenAPI document`,
      );
    }
    for (const r of routes.filter((x) => x.url.startsWith('/api/v1') && x.permission !== 'public')) {
      assert.ok(r.permission, `${r.method} ${r.url} declares its permission`);
    }
    const ui = await request(`${api.url}/api/docs`, 'GET');
    assert.equal(ui.status, 200);
    assert.match(ui.text, /swagger/i);
  } finally {
    await api.close();
    await db.close();
  }
});

test('logs carry request ids and never passwords, tokens, cookies or query strings', async () => {
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  await seedOrganisation(db, 'orga', 'Org A');
  const lines: string[] = [];
  const api = await startApi(db, { logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
  try {
    const owner = await login(api.url, 'owner@orga.test');
    const res = await owner.call('GET', '/api/v1/customers?code=secret-query');
    const requestId = res.headers.get('x-request-id');
    assert.ok(requestId);
    const log = lines.join('\n');
    assert.ok(log.includes(requestId), 'the request id is logged');
    for (const secret of [PASSWORD, owner.csrf, 'cgs_', 'secret-query', 'owner@orga.test']) {
      assert.ok(!log.includes(secret), `log contains ${secret}`);
    }
  } finally {
    await api.close();
    await db.close();
  }
});
