import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Field, RECORD_KINDS, type RecordKind } from '../app/records/index.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { listRoutes } from './server.js';
import { createSampleRecords, type Keys } from './test-records.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

/**
 * Names every plain object answers to, sent to the records API as field names (at the top of a
 * body and inside every JSON field and child row) and as values of every field: a field name or
 * a value where a value is a choice, a code, a reference, a date or a number is refused (4xx with
 * a code, never 5xx, never stored); free text may hold them. Then every report still answers 200.
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const AS_OF = '2026-03-31';

/** A valid element of each JSON field, so the probe name is the one thing wrong with it. */
const JSON_ELEMENT: ReadonlyMap<string, Record<string, unknown>> = new Map<string, Record<string, unknown>>([
  ['instalments', { dueOn: '2026-02-14', amountMinor: 1_000_000 }],
  ['endorsements', { on: '2026-02-01', from: 'A', to: 'B' }],
  ['terms', { maxExtensionDays: 30 }],
]);

/** A body with `name` as an own key: `{ [name]: value }` makes an own property even for `__proto__`. */
const withKey = (base: Record<string, unknown>, name: string, value: unknown) => ({ ...base, [name]: value });

/** The bodies to try on one field of a kind, each with what it should get: 'refused' or 'either'. */
function probes(f: Field, name: string): { body: Record<string, unknown>; expect: 'refused' | 'either' }[] {
  const out: { body: Record<string, unknown>; expect: 'refused' | 'either' }[] = [];
  const free = (f.type === 'text' || f.type === 'note') && !f.values;
  out.push({ body: { [f.name]: name }, expect: free ? 'either' : 'refused' });
  const element = JSON_ELEMENT.get(f.type);
  if (f.type === 'terms' && element) out.push({ body: { [f.name]: withKey(element, name, 1) }, expect: 'refused' });
  else if (element) out.push({ body: { [f.name]: [withKey(element, name, 1)] }, expect: 'refused' });
  if (f.type === 'tags') {
    out.push({ body: { [f.name]: [name] }, expect: 'either' });
    out.push({ body: { [f.name]: withKey({}, name, 1) }, expect: 'refused' });
  }
  return out;
}

function itemPath(kind: RecordKind, keys: Keys): string | null {
  const key = keys[kind.path];
  if (!key) return null;
  return `/api/v1/${kind.path}/${kind.key.map((k) => encodeURIComponent(key[k] ?? '')).join('/')}`;
}

describeEachDialect('records API: inherited property names as field names and values', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let keys: Keys;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db);
    owner = await login(api.url, 'owner@orga.test');
    keys = await createSampleRecords(owner, 'PN');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('every kind has a sample record to probe', () => {
    assert.deepEqual(
      RECORD_KINDS.filter((k) => itemPath(k, keys) === null).map((k) => k.path),
      [],
    );
  });

  test('customers and invoices named like inherited properties are stored and reported', async () => {
    for (const name of NAMES) {
      const c = await owner.call('POST', '/api/v1/customers', { code: name, name, industry: name, tags: [name] });
      assert.equal(c.status, 201, c.text);
      const id = (c.body as { id: string }).id;
      const inv = await owner.call('POST', '/api/v1/invoices', {
        customerId: id,
        number: name,
        issuedOn: '2026-01-10',
        dueOn: '2026-02-10',
        currency: 'CNY',
        amountMinor: 100_000,
        channel: name,
      });
      assert.equal(inv.status, 201, inv.text);
    }
  });

  const refusal = (status: number) => status >= 400 && status < 500;

  for (const kind of RECORD_KINDS) {
    test(`${kind.path}: every field, every name`, async () => {
      const wrong: string[] = [];
      const path = itemPath(kind, keys) as string;
      const keyNames = new Set(kind.key);
      for (const name of NAMES) {
        for (const [method, url] of [
          ['PATCH', path],
          ['POST', `/api/v1/${kind.path}`],
        ] as const) {
          // UNKNOWN_FIELD, or MALFORMED_JSON for `__proto__` (the JSON parser refuses it first).
          const res = await owner.call(method, url, withKey({}, name, 1));
          if (res.status !== 400 || errorCode(res) === undefined)
            wrong.push(`${method} ${kind.path} key ${name}: ${res.status} ${errorCode(res)}`);
        }
        // The refusals first, the record compared once after them; then the text a field may hold.
        const all = kind.fields.filter((f) => !keyNames.has(f.name)).flatMap((f) => probes(f, name));
        const label = (body: unknown, res: Awaited<ReturnType<Client['call']>>) =>
          `PATCH ${kind.path} ${JSON.stringify(body)}: ${res.status} ${errorCode(res)}`;
        const before = await owner.call('GET', path);
        for (const { body } of all.filter((p) => p.expect === 'refused')) {
          const res = await owner.call('PATCH', path, body);
          if (!refusal(res.status) || errorCode(res) === undefined) wrong.push(label(body, res));
        }
        if ((await owner.call('GET', path)).text !== before.text) wrong.push(`${kind.path} ${name}: a refusal stored`);
        for (const { body } of all.filter((p) => p.expect === 'either')) {
          const res = await owner.call('PATCH', path, body);
          if (res.status >= 500) wrong.push(label(body, res));
        }
        if (kind.child) {
          const [first] = kind.child.fields;
          for (const body of [
            { [kind.child.field]: [withKey({}, name, 1)] },
            ...kind.child.fields.map((f) => ({
              [kind.child?.field ?? '']: [{ [f.name]: name, [first?.name ?? '']: name }],
            })),
          ]) {
            const res = await owner.call('PATCH', path, body);
            if (!refusal(res.status) || errorCode(res) === undefined)
              wrong.push(`PATCH ${kind.path} ${JSON.stringify(body)}: ${res.status} ${errorCode(res)}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('afterwards every report answers 200', async () => {
    const customerId = keys.customers?.id ?? '';
    const gets = listRoutes(api.app).filter(
      (r) =>
        r.method === 'GET' &&
        (r.url === '/api/summary' || r.url.startsWith('/api/v1/reports/') || r.url.startsWith('/api/v1/credit/')),
    );
    assert.ok(gets.length >= 10, `${gets.length} report routes`);
    const failed: string[] = [];
    for (const r of gets) {
      const url = r.url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(customerId));
      const query =
        r.url === '/api/v1/reports/forecast/period' ? `scenario=base&index=0&asOf=${AS_OF}` : `asOf=${AS_OF}`;
      const res = await owner.call('GET', `${url}?${query}`);
      if (res.status !== 200) failed.push(`${r.url} ${res.status} ${res.text.slice(0, 200)}`);
    }
    assert.deepEqual(failed, []);
  });
});
