import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { translate } from '../../../i18n/index.js';
import { AllianzTradeConnector } from './allianz-trade.js';
import { retryAfterMs } from './http.js';
import type { ConnectorSettings } from './settings.js';
import { fixture, healthyAnswer, RecordedInsurer } from './test-support.js';

const API_KEY = 'AK-recorded-secret-0001';
const insurer = new RecordedInsurer();
let waits: number[] = [];

before(() => insurer.start());
after(() => insurer.stop());
beforeEach(() => {
  insurer.seen.length = 0;
  insurer.answer = healthyAnswer;
  waits = [];
});

const settings = (more: Partial<ConnectorSettings> = {}): ConnectorSettings => ({
  provider: 'allianz-trade',
  baseUrl: insurer.url,
  policyId: 'POL-500123',
  apiKey: API_KEY,
  ...more,
});
const connector = (more: Partial<ConnectorSettings> = {}, timeoutMs = 5_000) =>
  new AllianzTradeConnector(settings(more), {
    timeoutMs,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });

test('cover decisions of both pages: amounts in minor units, a refusal excludes, an end date cuts the next day', async () => {
  const r = await connector().coverDecisions();
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  assert.deepEqual(
    r.value.map((d) => [d.coverId, d.buyerId, d.kind, d.currency, d.limitMinor, d.effectiveFrom, d.cancelledOn]),
    [
      ['COV-1001', 'AT-1001', 'insurer_limit', 'CNY', 50_000_000, '2026-01-01', null],
      ['COV-1002', 'AT-2002', 'insurer_limit', 'CNY', 30_000_000, '2026-02-01', '2026-06-01'],
      ['COV-1003', 'AT-3003', 'excluded', 'CNY', 0, '2026-03-15', null],
      ['COV-1004', 'AT-4004', 'discretionary', 'CNY', 8_000_050, '2026-04-01', null],
      ['COV-1005', 'AT-9999', 'insurer_limit', 'USD', 10_000_000, '2026-01-10', null],
    ],
  );
  assert.equal(r.value[0]?.nationalId, '91310000MA1FL0001X');
  // One token, then page 1 and page 2 with it; the key goes only into the token request's body.
  assert.deepEqual(
    insurer.seen.map((s) => s.url.split('&pageSize')[0]),
    ['/v1/idp/oauth2/authorize', '/v3/covers?policyId=POL-500123&page=1', '/v3/covers?policyId=POL-500123&page=2'],
  );
  assert.deepEqual(JSON.parse(insurer.seen[0]?.body ?? ''), { apiKey: API_KEY });
  assert.equal(insurer.seen[1]?.authorization, 'Bearer eyJ0ZXN0LXRva2VuIn0.recorded');
  assert.ok(insurer.seen.every((s) => !s.url.includes(API_KEY)));
});

test('grades and claims; the token is fetched once per connector', async () => {
  const c = connector();
  const g = await c.buyerGrades();
  const cl = await c.claims();
  assert.ok(g.ok && cl.ok);
  assert.deepEqual(
    g.value.map((x) => [x.buyerId, x.grade, x.gradedOn]),
    [
      ['AT-1001', 4, '2026-11-02'],
      ['AT-2002', 8, '2026-05-20'],
      ['AT-9999', 2, '2026-10-01'],
    ],
  );
  assert.deepEqual(
    cl.value.map((x) => [x.claimId, x.buyerId, x.status, x.claimedMinor, x.approvedMinor, x.lossOn]),
    [
      ['CLM-77001', 'AT-2002', 'under_review', 12_000_000, null, '2026-09-30'],
      ['CLM-77002', 'AT-3003', 'paid', 4_500_055, 4_050_050, '2026-06-15'],
    ],
  );
  assert.equal(insurer.seen.filter((s) => s.url.includes('oauth2')).length, 1);
});

test('client credentials: the OAuth token endpoint with the grant, id and secret in a form body', async () => {
  const r = await connector({ apiKey: undefined, clientId: 'client-7', clientSecret: 'CS-secret-xyz' }).claims();
  assert.ok(r.ok);
  assert.equal(insurer.seen[0]?.url, '/oauth2/token');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(insurer.seen[0]?.body)), {
    grant_type: 'client_credentials',
    client_id: 'client-7',
    client_secret: 'CS-secret-xyz',
  });
});

test('401: refused at once with the insurer’s words, no retry, no secret in the error', async () => {
  insurer.answer = () => ({
    status: 401,
    body: fixture('error-401.json'),
    headers: { 'content-type': 'application/json' },
  });
  const r = await connector().coverDecisions();
  assert.ok(!r.ok);
  assert.deepEqual(r.error, {
    code: 'INS_API_UNAUTHORISED',
    details: { endpoint: 'token', status: 401, message: 'INVALID_API_KEY: The API key is invalid or expired' },
  });
  assert.equal(insurer.seen.length, 1);
  assert.ok(!JSON.stringify(r.error).includes(API_KEY));
  assert.match(translate(r.error.code, r.error.details, 'en'), /refused the credentials \(token, HTTP 401\)/);
  assert.match(translate(r.error.code, r.error.details, 'zh-CN'), /保险公司拒绝了凭证/);
});

test('429 with Retry-After: waits what it asks and succeeds; still limited after the retries: says how long to wait', async () => {
  let limited = 2;
  insurer.answer = (path, page) =>
    path === '/v1/claims' && limited-- > 0
      ? { status: 429, body: fixture('error-429.json'), headers: { 'retry-after': '7' } }
      : healthyAnswer(path, page);
  const r = await connector().claims();
  assert.ok(r.ok);
  assert.deepEqual(waits, [7000, 7000]);

  waits = [];
  insurer.seen.length = 0;
  insurer.answer = (path, page) =>
    path === '/v1/claims'
      ? { status: 429, body: fixture('error-429.json'), headers: { 'retry-after': '7' } }
      : healthyAnswer(path, page);
  const still = await connector().claims();
  assert.ok(!still.ok);
  assert.deepEqual(still.error, { code: 'INS_API_RATE_LIMITED', details: { endpoint: 'claims', retryAfter: 7 } });
  // Two retries, three calls to the claims endpoint.
  assert.equal(insurer.seen.filter((s) => s.url.startsWith('/v1/claims')).length, 3);
  assert.deepEqual(waits, [7000, 7000]);

  // A wait longer than the connector accepts fails at once.
  insurer.seen.length = 0;
  insurer.answer = (path, page) =>
    path === '/v1/claims' ? { status: 429, body: '', headers: { 'retry-after': '3600' } } : healthyAnswer(path, page);
  const long = await connector().claims();
  assert.ok(!long.ok && long.error.code === 'INS_API_RATE_LIMITED' && long.error.details.retryAfter === 3600);
  assert.equal(insurer.seen.filter((s) => s.url.startsWith('/v1/claims')).length, 1);
});

test('500: retried with growing waits, then an error naming the endpoint and status', async () => {
  insurer.answer = (path, page) =>
    path === '/v1/company-grades'
      ? { status: 500, body: fixture('error-500.json'), headers: { 'content-type': 'application/json' } }
      : healthyAnswer(path, page);
  const r = await connector().buyerGrades();
  assert.ok(!r.ok);
  assert.deepEqual(r.error, {
    code: 'INS_API_SERVER_ERROR',
    details: {
      endpoint: 'company-grades',
      status: 500,
      message: 'INTERNAL_SERVER_ERROR: An unexpected error occurred',
    },
  });
  assert.deepEqual(waits, [1000, 2000]);
  assert.equal(insurer.seen.filter((s) => s.url.startsWith('/v1/company-grades')).length, 3);
  assert.match(
    translate(r.error.code, r.error.details, 'en'),
    /had an error \(company-grades, HTTP 500\) after retries/,
  );
});

test('malformed bodies: not JSON, and JSON of the wrong shape naming the field', async () => {
  insurer.answer = (path, page) =>
    path === '/v3/covers' ? { status: 200, body: fixture('covers-not-json.html') } : healthyAnswer(path, page);
  const html = await connector().coverDecisions();
  assert.ok(!html.ok);
  assert.deepEqual(html.error, {
    code: 'INS_API_BAD_BODY',
    details: { endpoint: 'covers', field: '(body)', expected: 'JSON' },
  });
  insurer.answer = (path, page) =>
    path === '/v3/covers' ? { status: 200, body: fixture('covers-wrong-shape.json') } : healthyAnswer(path, page);
  const wrong = await connector().coverDecisions();
  assert.ok(!wrong.ok);
  assert.equal(wrong.error.code, 'INS_API_BAD_BODY');
  assert.equal(wrong.error.details.field, 'data.0.decision.amount');
  assert.match(
    translate(wrong.error.code, wrong.error.details, 'en'),
    /answer \(covers\) is not what its API documents: data\.0\.decision\.amount should be/,
  );
});

test('a server that never answers: each attempt times out, then unreachable', async () => {
  insurer.answer = (path, page) => (path === '/v1/claims' ? null : healthyAnswer(path, page));
  const r = await connector({ retries: 1 }, 100).claims();
  assert.ok(!r.ok);
  assert.deepEqual(r.error, {
    code: 'INS_API_UNREACHABLE',
    details: { endpoint: 'claims', reason: 'no answer within 100 ms' },
  });
  assert.deepEqual(waits, [1000]);
});

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('7'), 7000);
  assert.equal(retryAfterMs('Tue, 08 Dec 2026 03:00:30 GMT', Date.parse('2026-12-08T03:00:00Z')), 30_000);
  assert.equal(retryAfterMs(null), null);
  assert.equal(retryAfterMs('soon'), null);
});
