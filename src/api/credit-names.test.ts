import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '../app/accounts/index.js';
import { approveLimit } from '../app/credit/index.js';
import type { Db } from '../db/connection.js';
import { insertMembership, insertUser } from '../db/stores/accounts.js';
import { describeEachDialect } from '../db/test-support.js';
import {
  type Client,
  login,
  PASSWORD,
  type Running,
  seedOrganisation,
  startDemoApi,
  tokenClient,
} from './test-support.js';

/**
 * Who made a credit decision, as a viewer of the organisation reads it: a name beside each actor
 * id, from the organisation's own members and tokens only. Another organisation's user (here one
 * who was in both and left this one) or token keeps its id. The demo is as of 2026-03-31.
 */
const MARKER_B = 'ORGB-SECRET';
const today = '2026-03-31';

interface Current {
  approvedBy: string;
  approvedByName: string;
}
interface Line {
  item: string;
  reason: { data: Record<string, unknown>; message: string };
}

describeEachDialect('API credit answers name their actors', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let viewer: Client;
  let both: Client;
  const at = '2026-01-01T00:00:00Z';
  const limitsText = async () => (await viewer.call('GET', `/api/v1/credit/limits?asOf=${today}`)).text;
  const currentOf = async (customerId: string) => {
    const res = await viewer.call('GET', `/api/v1/credit/limits?asOf=${today}`);
    assert.equal(res.status, 200, res.text);
    const customers = (res.body as { customers: { customerId: string; current: Current | null }[] }).customers;
    return customers.find((c) => c.customerId === customerId)?.current;
  };
  const lineOf = async (customerId: string, item: string, language = 'zh-CN') => {
    const res = await viewer.call('GET', `/api/v1/credit/customers/${customerId}/onboarding?asOf=${today}`, undefined, {
      'accept-language': language,
    });
    assert.equal(res.status, 200, res.text);
    return { line: (res.body as { lines: Line[] }).lines.find((l) => l.item === item), text: res.text };
  };

  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
    await seedOrganisation(db, 'orgb', `${MARKER_B} Org`);
    const hash = await hashPassword(PASSWORD);
    const user = { password_hash: hash, created_at: at, password_changed_at: at };
    await insertUser(db, { ...user, id: 'demo-viewer', email: 'viewer@demo.test', name: '只读用户' });
    await insertMembership(db, { org_id: 'demo', user_id: 'demo-viewer', role: 'viewer', created_at: at });
    // A credit controller of organisation B who is also one of the demo company, for now.
    await insertMembership(db, {
      org_id: 'demo',
      user_id: 'orgb-credit_controller',
      role: 'credit_controller',
      created_at: at,
    });
    viewer = await login(api.url, 'viewer@demo.test');
    both = await login(api.url, 'credit_controller@orgb.test', PASSWORD, 'demo');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test("a limit the owner approved shows the owner's name to a viewer, beside the id", async () => {
    const res = await owner.call('POST', '/api/v1/credit/limits', {
      customerId: 'KH00002',
      limitMinor: 1_800_000,
      reason: '复审后上调',
    });
    assert.equal(res.status, 201, res.text);
    const answer = res.body as { approvedBy: string; approvedByName: string };
    assert.match(answer.approvedBy, /^user:/);
    assert.equal(answer.approvedByName, 'Demo owner');
    const current = await currentOf('demo:c-0002');
    assert.deepEqual([current?.approvedBy, current?.approvedByName], [answer.approvedBy, 'Demo owner']);
  });

  test('a token shows its name, a cli actor the name after cli:, another organisation’s token its id', async () => {
    const ownerB = await login(api.url, 'owner@orgb.test');
    const tokenB = await ownerB.call('POST', '/api/v1/tokens', { name: `${MARKER_B} token`, role: 'finance' });
    const tokenBId = (tokenB.body as { id: string }).id;
    // Organisation B's token in the demo's records: the id never leads to its name.
    for (const [customerId, actor] of [
      ['demo:c-0008', 'cli:wang.li'],
      ['demo:c-0009', `token:${tokenBId}`],
    ] as const) {
      const r = await approveLimit(db, {
        orgId: 'demo',
        customerId,
        limitMinor: 200,
        actor,
        reason: '导入',
        asOf: today,
      });
      assert.ok(r.ok);
    }
    // The two above were written as the CLI writes (not through the API); the approval below,
    // through the API, drops the organisation's cached reports.
    const created = await owner.call('POST', '/api/v1/tokens', { name: '月结机器人', role: 'credit_controller' });
    const robot = tokenClient(api.url, (created.body as { token: string }).token);
    const byRobot = await robot.call('POST', '/api/v1/credit/limits', {
      customerId: 'KH00004',
      limitMinor: 100,
      reason: '月结',
    });
    assert.equal(byRobot.status, 201, byRobot.text);
    assert.equal((await currentOf('demo:c-0004'))?.approvedByName, '月结机器人');
    assert.equal((await currentOf('demo:c-0008'))?.approvedByName, 'wang.li');
    const fromB = await currentOf('demo:c-0009');
    assert.deepEqual([fromB?.approvedBy, fromB?.approvedByName], [`token:${tokenBId}`, `token:${tokenBId}`]);
    assert.ok(!(await limitsText()).includes(MARKER_B));
  });

  test('reviews and onboarding checks answer the name; a checklist line says it in its words too', async () => {
    const review = await owner.call('POST', '/api/v1/credit/reviews', { customerId: 'KH00003', reason: '年度复审' });
    assert.equal((review.body as { reviewerName: string }).reviewerName, 'Demo owner');
    const named = await owner.call('POST', '/api/v1/credit/reviews', {
      customerId: 'KH00003',
      reason: '复审',
      reviewer: '李伟',
    });
    assert.deepEqual(
      [(named.body as { reviewer: string }).reviewer, (named.body as { reviewerName: string }).reviewerName],
      ['李伟', '李伟'],
    );
    const check = await owner.call('POST', '/api/v1/credit/onboarding-checks', {
      customerId: 'demo:c-0003',
      item: 'bank_reference',
      status: 'done',
      note: '工商银行',
    });
    assert.equal((check.body as { checkedByName: string }).checkedByName, 'Demo owner');
    const { line } = await lineOf('demo:c-0003', 'bank_reference');
    assert.match(String(line?.reason.data.by), /^user:/);
    assert.equal(line?.reason.data.byName, 'Demo owner');
    assert.equal(line?.reason.message, `银行资信证明 (${today} Demo owner 工商银行)`);
    const en = await lineOf('demo:c-0003', 'bank_reference', 'en');
    assert.equal(en.line?.reason.message, `Bank reference (${today} Demo owner 工商银行)`);
  });

  test('an overridden hold names who overrode it', async () => {
    const order = { customerId: 'demo:c-0003', amountMinor: 1_000_000, currency: 'CNY', orderRef: 'SO-1' };
    const res = await owner.call('POST', '/api/v1/credit/check-order/override', { ...order, reason: '预付 50%' });
    assert.equal(res.status, 200, res.text);
    assert.equal(
      (res.body as { check: { override: { overriddenByName: string } } }).check.override.overriddenByName,
      'Demo owner',
    );
    const again = await viewer.call('POST', '/api/v1/credit/check-order', order);
    assert.equal((again.body as { override: { overriddenByName: string } }).override.overriddenByName, 'Demo owner');
  });

  test('who leaves the organisation keeps only the id: nothing of another organisation shows', async () => {
    const res = await both.call('POST', '/api/v1/credit/limits', {
      customerId: 'KH00007',
      limitMinor: 300,
      reason: '新客户',
    });
    assert.equal(res.status, 201, res.text);
    const recorded = await both.call('POST', '/api/v1/credit/onboarding-checks', {
      customerId: 'demo:c-0003',
      item: 'trade_references',
      status: 'done',
    });
    assert.equal(recorded.status, 201, recorded.text);
    assert.equal(
      (await currentOf('demo:c-0007'))?.approvedByName,
      `${MARKER_B} Org credit_controller`,
      'a member then',
    );
    const left = await owner.call('DELETE', '/api/v1/members/orgb-credit_controller');
    assert.ok(left.status < 300, left.text);
    const current = await currentOf('demo:c-0007');
    assert.deepEqual(
      [current?.approvedBy, current?.approvedByName],
      ['user:orgb-credit_controller', 'user:orgb-credit_controller'],
    );
    assert.ok(!(await limitsText()).includes(MARKER_B));
    const { line, text } = await lineOf('demo:c-0003', 'trade_references');
    assert.equal(line?.reason.data.byName, 'user:orgb-credit_controller');
    assert.equal(line?.reason.message, `同业推荐 (${today} user:orgb-credit_controller)`);
    assert.ok(!text.includes(MARKER_B));
  });
});
