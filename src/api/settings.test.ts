import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { listRoutes } from './server.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

/**
 * Organisation settings are stored only when the whole object is one the readers accept: a
 * crafted object (inherited property names as keys or values, wrong shapes) is refused with 400
 * and leaves the settings as they were, and every report keeps answering 200.
 */
const AS_OF = '2026-03-31';
const oneOff = (over: Record<string, unknown>) => ({
  id: 'o1',
  name: 'Deposit',
  direction: 'inflow',
  currency: 'CNY',
  amountMinor: 100_000,
  on: '2026-04-15',
  ...over,
});

/** Settings objects a careless user or an attacker sends, as JSON text (so `__proto__` is a key). */
const CRAFTED: readonly string[] = [
  '{"__proto__":{"credit.risk":{"recoveryShare":2}}}',
  '{"constructor":1}',
  '{"toString":"x"}',
  '{"hasOwnProperty":{}}',
  '{"credit.reviews":{"cadenceMonths":null}}',
  '{"credit.reviews":{"cadenceMonths":{"A":"x"}}}',
  '{"credit.reviews":{"lateDays":"soon"}}',
  '{"credit.reviews":{"valueOf":1}}',
  '{"credit.scorecard":{"weights":"abc"}}',
  '{"credit.scorecard":{"weights":{"constructor":1}}}',
  '{"credit.scorecard":{"paydexAnchors":[]}}',
  '{"credit.scorecard":{"paydexAnchors":[[0,"x"]]}}',
  '{"credit.scorecard":{"gradePdBounds":null}}',
  '{"credit.scorecard":{"gradePdBounds":[["toString",0.1]]}}',
  '{"credit.scorecard":{"driverCount":-1}}',
  '{"credit.scorecard":{"minPillars":"two"}}',
  '{"credit.scorecard":{"altmanCutoffs":{"zPrime":null}}}',
  '{"credit.scorecard":{"dnbClassScores":{"1":"x"}}}',
  '{"credit.scorecard":{"manufacturingIndustries":"steel"}}',
  '{"credit.scorecard":{"industryAdjustments":{"retail":"x"}}}',
  '{"credit.scorecard":{"legalDeductions":{"__proto__":5}}}',
  '{"credit.scorecard":{"overrideEvents":{"constructor":10}}}',
  '{"credit.scorecard":{"toString":1}}',
  '{"credit.limits":{"capacity":{"A":"x"}}}',
  '{"credit.limits":{"capacity":{"A":{"tnw":0.1}}}}',
  '{"credit.limits":{"capacity":{"constructor":{"tnw":0.1,"wc":0.1,"sales":0.1}}}}',
  '{"credit.limits":{"needHeadroom":null}}',
  '{"credit.limits":{"roundingStepMinor":-5}}',
  '{"credit.risk":"x"}',
  '{"credit.risk":{"toString":1}}',
  '{"credit.risk":{"recoveryShare":2}}',
  '{"credit.holds":{"overrideValidDays":0}}',
  '{"credit.holds":{"valueOf":1}}',
  '{"credit.holds":[]}',
  '{"forecast.minCash":{"mode":"constructor"}}',
  '{"forecast.minCash":"x"}',
  '{"forecast.calendar":"toString"}',
  '{"forecast.holidays":[1]}',
  '{"forecast.holidays":"2026-05-01"}',
  '{"forecast.makeUpWorkdays":["2026-02-30"]}',
  '{"forecast.salesPlan":{}}',
  '{"forecast.salesPlan":[{"month":"2026-04","amountMinor":1.5}]}',
  '{"forecast.discountDayBasis":0}',
  '{"forecast.doubtfulOverdueDays":"x"}',
  '{"forecast.receiptSlices":0}',
  '{"forecast.receiptSlices":21}',
  '{"forecast.receiptSlices":2.5}',
  '{"forecast.receiptSlices":"5"}',
  '{"forecast.autoDraw":"yes"}',
  `{"forecast.oneOffs":[${JSON.stringify(oneOff({ currency: 'constructor' }))}]}`,
  `{"forecast.oneOffs":[${JSON.stringify(oneOff({ direction: 'toString' }))}]}`,
  `{"forecast.oneOffs":[${JSON.stringify(oneOff({ on: 'valueOf' }))}]}`,
  `{"forecast.oneOffs":[${JSON.stringify(oneOff({ extra: 1 }))}]}`,
  '{"demo":{"seed":"x"}}',
];

/** Settings a person may well store: accepted, and the reports still answer. */
const VALID = {
  demo: { seed: 1, asOf: AS_OF, nameEn: 'Demo Trading Co., Ltd.' },
  'forecast.minCash': { mode: 'months', months: 1, basis: 'forecast' },
  'forecast.calendar': 'CN',
  'forecast.holidays': ['2026-05-06'],
  'forecast.salesPlan': [{ month: '2026-05', amountMinor: 100_000_000 }],
  'forecast.oneOffs': [oneOff({})],
  'forecast.doubtfulOverdueDays': 120,
  'forecast.receiptSlices': 7,
  'credit.risk': { recoveryShare: 0.3 },
  'credit.holds': { overrideValidDays: 3 },
  'credit.scorecard': { weights: { payment: 0.5 }, industryAdjustments: { retail: 5 }, driverCount: 4 },
  'credit.limits': { capacity: { A: { tnw: 0.3, wc: 0.3, sales: 0.1 } }, needHeadroom: 1.2 },
  'credit.reviews': { lateDays: 45, cadenceMonths: { A: 12, B: 12, C: 6, D: 3, E: 1 } },
};

describeEachDialect('organisation settings: validated whole before they are stored', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 7));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const settingsNow = async () =>
    JSON.stringify(((await owner.call('GET', '/api/v1/organisation')).body as { settings: unknown }).settings);

  const reportsFailing = async () => {
    const gets = listRoutes(api.app).filter(
      (r) =>
        r.method === 'GET' &&
        (r.url === '/api/summary' || r.url.startsWith('/api/v1/reports/') || r.url.startsWith('/api/v1/credit/')),
    );
    const failed: string[] = [];
    for (const r of gets) {
      const url = r.url.replace(/:([A-Za-z]+)/g, 'demo:c-0001');
      const query =
        r.url === '/api/v1/reports/forecast/period' ? `scenario=base&index=0&asOf=${AS_OF}` : `asOf=${AS_OF}`;
      const res = await owner.call('GET', `${url}?${query}`);
      if (res.status !== 200) failed.push(`${r.url} ${res.status} ${res.text.slice(0, 160)}`);
    }
    return failed;
  };

  test('every crafted settings object is refused with 400 and changes nothing; every report answers 200', async () => {
    const before = await settingsNow();
    const accepted: string[] = [];
    for (const settings of CRAFTED) {
      const res = await owner.call('PATCH', '/api/v1/organisation', `{"settings":${settings}}`);
      if (res.status === 400 && errorCode(res) !== undefined) {
        assert.equal(await settingsNow(), before, settings);
        continue;
      }
      // Stored: name it with the reports it broke, then put the settings back for the next one.
      accepted.push(`${settings} → ${res.status}; ${(await reportsFailing()).join('; ')}`);
      await owner.call('PATCH', '/api/v1/organisation', `{"settings":${before}}`);
    }
    assert.deepEqual(accepted, []);
    assert.deepEqual(await reportsFailing(), []);
  });

  test('settings of the right shape are stored and every report answers 200', async () => {
    const res = await owner.call('PATCH', '/api/v1/organisation', { settings: VALID });
    assert.equal(res.status, 200, res.text);
    assert.equal(await settingsNow(), JSON.stringify(VALID));
    assert.deepEqual(await reportsFailing(), []);
  });
});

describeEachDialect('organisation settings: no lost update', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 7));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  type Org = { name: string; version: string; settings: Record<string, unknown> };
  const read = async () => (await owner.call('GET', '/api/v1/organisation')).body as Org;

  test('a change made from an older version is refused with 409 and writes nothing; the current one goes through', async () => {
    const opened = await read();
    // Two owners open the settings page; the first saves.
    const first = await owner.call('PATCH', '/api/v1/organisation', {
      version: opened.version,
      settings: { ...opened.settings, 'forecast.doubtfulOverdueDays': 60 },
    });
    assert.equal(first.status, 200, first.text);
    const saved = first.body as Org;
    assert.notEqual(saved.version, opened.version);
    // The second saves what they see, made from the version they opened: refused, the first change kept.
    const second = await owner.call('PATCH', '/api/v1/organisation', {
      version: opened.version,
      name: 'Renamed from a stale page',
      settings: { ...opened.settings, 'forecast.autoDraw': true },
    });
    assert.equal(second.status, 409, second.text);
    assert.equal(errorCode(second), 'VERSION_CONFLICT');
    const now = await read();
    assert.equal(now.version, saved.version);
    assert.equal(now.settings['forecast.doubtfulOverdueDays'], 60);
    assert.equal(now.name, opened.name);
    // Made again from what is there now, it goes through and keeps both changes.
    const again = await owner.call('PATCH', '/api/v1/organisation', {
      version: now.version,
      settings: { ...now.settings, 'forecast.autoDraw': true },
    });
    assert.equal(again.status, 200, again.text);
    const both = await read();
    assert.equal(both.settings['forecast.doubtfulOverdueDays'], 60);
    assert.equal(both.settings['forecast.autoDraw'], true);
  });

  test('of changes sent at once from the same version, exactly one is stored and the others are told', async () => {
    const opened = await read();
    const answers = await Promise.all(
      [30, 45, 75, 120].map((days) =>
        owner.call('PATCH', '/api/v1/organisation', {
          version: opened.version,
          settings: { ...opened.settings, 'forecast.doubtfulOverdueDays': days },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409], answers.map((a) => a.text).join('\n'));
    const winner = answers.find((a) => a.status === 200)?.body as Org;
    assert.deepEqual((await read()).settings, winner.settings);
  });
});

describeEachDialect('organisation settings: secrets are written, never shown', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 7));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  type Org = { version: string; settings: Record<string, unknown> };
  const channels = [
    { id: 'ops', kind: 'dingtalk', url: 'https://oapi.dingtalk.example/robot/send?access_token=t', secret: 'SEC-ding' },
    { id: 'erp', kind: 'webhook', url: 'https://erp.example/hook', secret: 'whsec-42', minLevel: 'critical' },
  ];
  const smtp = { host: 'smtp.example', port: 465, secure: true, from: 'cash@example.com', user: 'cash', pass: 'pw-9' };

  test('the organisation, its answer to a change and the audit log show the mask; a mask sent back keeps the secret', async () => {
    const opened = (await owner.call('GET', '/api/v1/organisation')).body as Org;
    const saved = await owner.call('PATCH', '/api/v1/organisation', {
      version: opened.version,
      settings: { ...opened.settings, 'alerts.channels': channels, 'alerts.smtp': smtp },
    });
    assert.equal(saved.status, 200, saved.text);
    for (const text of [saved.text, (await owner.call('GET', '/api/v1/organisation')).text]) {
      for (const secret of ['SEC-ding', 'whsec-42', 'pw-9']) assert.ok(!text.includes(secret), `${secret} shown`);
    }
    const read = (await owner.call('GET', '/api/v1/organisation')).body as Org;
    const shown = read.settings['alerts.channels'] as { id: string; secret: string }[];
    assert.deepEqual(
      shown.map((c) => c.secret),
      ['********', '********'],
    );
    assert.equal((read.settings['alerts.smtp'] as { pass: string }).pass, '********');
    const audit = await owner.call('GET', '/api/v1/audit?entityType=organisation');
    assert.equal(audit.status, 200, audit.text);
    for (const secret of ['SEC-ding', 'whsec-42', 'pw-9'])
      assert.ok(!audit.text.includes(secret), `${secret} in audit`);
    // The page sends back what it read, with the channels reordered and one level changed: the secrets stay.
    const again = await owner.call('PATCH', '/api/v1/organisation', {
      version: read.version,
      settings: {
        ...read.settings,
        'alerts.channels': [{ ...shown[1], minLevel: 'warning' }, shown[0]],
      },
    });
    assert.equal(again.status, 200, again.text);
    const stored = await db.kysely
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', 'demo')
      .executeTakeFirst();
    const settings = JSON.parse(String(stored?.settings)) as Record<string, unknown>;
    assert.deepEqual(
      (settings['alerts.channels'] as { id: string; secret: string; minLevel?: string }[]).map((c) => [
        c.id,
        c.secret,
        c.minLevel,
      ]),
      [
        ['erp', 'whsec-42', 'warning'],
        ['ops', 'SEC-ding', undefined],
      ],
    );
    assert.equal((settings['alerts.smtp'] as { pass: string }).pass, 'pw-9');
    // A new channel sent with the mask has no secret behind it: refused, naming the field.
    const masked = await owner.call('PATCH', '/api/v1/organisation', {
      settings: {
        ...read.settings,
        'alerts.channels': [
          ...shown,
          { id: 'new', kind: 'feishu', url: 'https://open.feishu.example/hook', secret: '********' },
        ],
      },
    });
    assert.equal(masked.status, 400, masked.text);
    assert.equal(errorCode(masked), 'INVALID_SETTING');
    assert.match(masked.text, /alerts\.channels\.2\.secret/);
  });
});
