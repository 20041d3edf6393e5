import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../app/clock.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import {
  type Answer,
  type Client,
  errorCode,
  type Running,
  startApi,
  startDemoApi,
  tokenClient,
} from './test-support.js';

/**
 * The credit decisions people record through the API: a completed review, an onboarding
 * checklist item, a limit approval, and a hold override remembered for the order it overrides.
 * The demo company is as of 2026-03-31 and the test clock says 2026-03-31 (China Standard Time).
 */
const today = '2026-03-31';
const field = (a: Answer) => (a.body as { error?: { field?: string } }).error?.field;

async function roleClient(owner: Client, api: Running, role: string): Promise<Client> {
  const res = await owner.call('POST', '/api/v1/tokens', { name: `credit ${role}`, role });
  assert.equal(res.status, 201, res.text);
  return tokenClient(api.url, (res.body as { token: string }).token);
}

interface ReviewRow {
  customerId: string;
  lastReviewedOn: string | null;
  nextDueOn: string;
}
interface CheckAnswer {
  decision: string;
  reasons: { code: string }[];
  orderRef: string | null;
  override: { reason: string; overriddenBy: string; overriddenAt: string; validUntil: string; role: string } | null;
}

describeEachDialect('API credit decisions', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let controller: Client;
  let finance: Client;
  let viewer: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
    controller = await roleClient(owner, api, 'credit_controller');
    finance = await roleClient(owner, api, 'finance');
    viewer = await roleClient(owner, api, 'viewer');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  describe('POST /api/v1/credit/reviews', () => {
    const reviewOf = async (customerId: string) => {
      const res = await owner.call('GET', `/api/v1/credit/reviews?asOf=${today}`);
      assert.equal(res.status, 200, res.text);
      return (res.body as { reviews: ReviewRow[] }).reviews.find((r) => r.customerId === customerId);
    };

    test('records the review (by customer code); GET reviews then counts the next due date from it', async () => {
      // The demo reviewed every customer before its as-of date.
      assert.ok(((await reviewOf('demo:c-0002'))?.lastReviewedOn ?? today) < today);
      const res = await owner.call('POST', '/api/v1/credit/reviews', {
        customerId: 'KH00002',
        reason: '年度复审：维持额度',
      });
      assert.equal(res.status, 201, res.text);
      const body = res.body as { customerId: string; reviewedOn: string; reviewer: string; nextDueOn: string };
      assert.equal(body.customerId, 'demo:c-0002');
      assert.equal(body.reviewedOn, today);
      assert.match(body.reviewer, /^user:/);
      assert.ok(body.nextDueOn > today, body.nextDueOn);
      const after = await reviewOf('demo:c-0002');
      assert.deepEqual([after?.lastReviewedOn, after?.nextDueOn], [today, body.nextDueOn]);
    });

    test('a credit controller may record one and name the reviewer', async () => {
      const res = await controller.call('POST', '/api/v1/credit/reviews', {
        customerId: 'demo:c-0004',
        reason: '逾期后复审',
        reviewer: '李伟',
      });
      assert.equal(res.status, 201, res.text);
      assert.equal((res.body as { reviewer: string }).reviewer, '李伟');
      assert.equal((await reviewOf('demo:c-0004'))?.lastReviewedOn, today);
    });

    test('a viewer gets 403; bad input is 400 naming the field; an unknown customer is 404', async () => {
      const before = (await reviewOf('demo:c-0003'))?.lastReviewedOn;
      assert.ok(before !== undefined && before !== null && before < today);
      const denied = await viewer.call('POST', '/api/v1/credit/reviews', { customerId: 'KH00003', reason: 'x' });
      assert.deepEqual([denied.status, errorCode(denied)], [403, 'FORBIDDEN']);
      const noReason = await owner.call('POST', '/api/v1/credit/reviews', { customerId: 'KH00003' });
      assert.deepEqual([noReason.status, field(noReason)], [400, 'reason']);
      const blank = await owner.call('POST', '/api/v1/credit/reviews', { customerId: 'KH00003', reason: '   ' });
      assert.deepEqual([blank.status, field(blank)], [400, 'reason']);
      const unknown = await owner.call('POST', '/api/v1/credit/reviews', { customerId: 'nope', reason: '复审' });
      assert.deepEqual([unknown.status, errorCode(unknown)], [404, 'NOT_FOUND']);
      assert.equal((await reviewOf('demo:c-0003'))?.lastReviewedOn, before, 'nothing was recorded');
    });

    test('a cookie session without its CSRF token is refused', async () => {
      const res = await owner.call(
        'POST',
        '/api/v1/credit/reviews',
        { customerId: 'KH00003', reason: '复审' },
        { 'x-csrf-token': 'wrong' },
      );
      assert.deepEqual([res.status, errorCode(res)], [403, 'CSRF_TOKEN_INVALID']);
    });
  });

  describe('POST /api/v1/credit/onboarding-checks', () => {
    const lineOf = async (customerId: string, item: string) => {
      const res = await owner.call('GET', `/api/v1/credit/customers/${customerId}/onboarding?asOf=${today}`);
      assert.equal(res.status, 200, res.text);
      return (res.body as { lines: { item: string; status: string; source: string | null }[] }).lines.find(
        (l) => l.item === item,
      );
    };

    test('records items as done or failed; GET onboarding then shows each with its status', async () => {
      assert.equal((await lineOf('demo:c-0003', 'bank_reference'))?.status, 'missing');
      const done = await controller.call('POST', '/api/v1/credit/onboarding-checks', {
        customerId: 'demo:c-0003',
        item: 'bank_reference',
        status: 'done',
        note: '工商银行资信证明',
      });
      assert.equal(done.status, 201, done.text);
      assert.deepEqual(
        [(done.body as { checkedOn: string }).checkedOn, (done.body as { checkedBy: string }).checkedBy.slice(0, 6)],
        [today, 'token:'],
      );
      const failed = await finance.call('POST', '/api/v1/credit/onboarding-checks', {
        customerId: 'KH00003',
        item: 'trade_references',
        status: 'failed',
      });
      assert.equal(failed.status, 201, failed.text);
      const bank = await lineOf('demo:c-0003', 'bank_reference');
      assert.deepEqual([bank?.status, bank?.source], ['done', 'recorded']);
      assert.equal((await lineOf('demo:c-0003', 'trade_references'))?.status, 'failed');
    });

    test('a viewer gets 403; bad input is 400 naming the field; an unknown customer is 404', async () => {
      const body = { customerId: 'demo:c-0007', item: 'bank_reference', status: 'waived' };
      const denied = await viewer.call('POST', '/api/v1/credit/onboarding-checks', body);
      assert.deepEqual([denied.status, errorCode(denied)], [403, 'FORBIDDEN']);
      const badItem = await owner.call('POST', '/api/v1/credit/onboarding-checks', { ...body, item: 'horoscope' });
      assert.deepEqual([badItem.status, field(badItem)], [400, 'item']);
      const badStatus = await owner.call('POST', '/api/v1/credit/onboarding-checks', { ...body, status: 'maybe' });
      assert.deepEqual([badStatus.status, field(badStatus)], [400, 'status']);
      const unknown = await owner.call('POST', '/api/v1/credit/onboarding-checks', { ...body, customerId: 'nope' });
      assert.deepEqual([unknown.status, errorCode(unknown)], [404, 'NOT_FOUND']);
      assert.equal((await lineOf('demo:c-0007', 'bank_reference'))?.status, 'missing', 'nothing was recorded');
    });
  });

  describe('what a person can record on the onboarding checklist', () => {
    interface Line {
      item: string;
      status: string;
      source: string | null;
      recordable: boolean;
    }
    // demo:c-0005: registration, financial statements and a credit report come from its data; the
    // litigation search, trade references and sanctions check were recorded at its reviews.
    const linesOf = async (customerId: string) => {
      const res = await viewer.call('GET', `/api/v1/credit/customers/${customerId}/onboarding?asOf=${today}`);
      assert.equal(res.status, 200, res.text);
      return new Map((res.body as { lines: Line[] }).lines.map((l) => [l.item, l]));
    };

    test('recordable is false for registration and for items the data shows done, true for the others', async () => {
      const lines = await linesOf('demo:c-0005');
      assert.deepEqual(
        [...lines.values()].map((l) => [l.item, l.source, l.recordable]),
        [
          ['registration', 'data', false],
          ['financial_statements', 'data', false],
          ['credit_report', 'data', false],
          ['litigation_check', 'recorded', true],
          ['trade_references', 'recorded', true],
          ['bank_reference', null, true],
          ['sanctions_check', 'recorded', true],
        ],
      );
    });

    test('recording registration is refused naming the field, in both languages; nothing is recorded', async () => {
      const body = { customerId: 'demo:c-0005', item: 'registration', status: 'done' };
      const zh = await controller.call('POST', '/api/v1/credit/onboarding-checks', body);
      assert.deepEqual([zh.status, errorCode(zh), field(zh)], [400, 'ONBOARDING_ITEM_NOT_RECORDABLE', 'item'], zh.text);
      assert.match((zh.body as { error: { message: string } }).error.message, /统一社会信用代码.*客户档案/);
      const en = await owner.call('POST', '/api/v1/credit/onboarding-checks', body, { 'accept-language': 'en' });
      assert.deepEqual([en.status, errorCode(en), field(en)], [400, 'ONBOARDING_ITEM_NOT_RECORDABLE', 'item']);
      assert.match(
        (en.body as { error: { message: string } }).error.message,
        /^item "registration" cannot be recorded: .*Edit the registration number/,
      );
      const registration = (await linesOf('demo:c-0005')).get('registration');
      assert.deepEqual([registration?.status, registration?.source], ['done', 'data']);
    });

    test('recording a recordable item changes its line, which stays recordable', async () => {
      const res = await controller.call('POST', '/api/v1/credit/onboarding-checks', {
        customerId: 'demo:c-0005',
        item: 'litigation_check',
        status: 'failed',
        note: '裁判文书网查询：被诉',
      });
      assert.equal(res.status, 201, res.text);
      const line = (await linesOf('demo:c-0005')).get('litigation_check');
      assert.deepEqual([line?.status, line?.source, line?.recordable], ['failed', 'recorded', true]);
    });
  });

  describe('POST /api/v1/credit/limits', () => {
    test('a viewer gets 403; a missing limit or a blank reason is 400 naming it; an unknown customer is 404', async () => {
      const denied = await viewer.call('POST', '/api/v1/credit/limits', {
        customerId: 'KH00008',
        limitMinor: 100,
        reason: 'x',
      });
      assert.deepEqual([denied.status, errorCode(denied)], [403, 'FORBIDDEN']);
      const bad = await owner.call('POST', '/api/v1/credit/limits', { customerId: 'KH00008', reason: 'x' });
      assert.deepEqual([bad.status, field(bad)], [400, 'limitMinor']);
      const blank = await owner.call('POST', '/api/v1/credit/limits', {
        customerId: 'KH00008',
        limitMinor: 1,
        reason: ' ',
      });
      assert.deepEqual([blank.status, field(blank)], [400, 'reason']);
      const unknown = await owner.call('POST', '/api/v1/credit/limits', {
        customerId: 'nope',
        limitMinor: 100,
        reason: 'x',
      });
      assert.equal(unknown.status, 404);
    });
  });

  describe('POST /api/v1/credit/check-order/override', () => {
    // demo:c-0003 has an invoice more than 30 days past due: every order of it is held.
    const order = { customerId: 'demo:c-0003', amountMinor: 1_000_000, currency: 'CNY', orderRef: 'SO-2026-0331-1' };
    const check = async (client: Client, body: Record<string, unknown>) => {
      const res = await client.call('POST', '/api/v1/credit/check-order', body);
      assert.equal(res.status, 200, res.text);
      return res.body as CheckAnswer;
    };

    test('only owner or credit controller may override; bad input names the field; unknown customer 404', async () => {
      assert.equal((await check(owner, order)).decision, 'hold');
      const viewerTry = await viewer.call('POST', '/api/v1/credit/check-order/override', { ...order, reason: '预付' });
      assert.deepEqual([viewerTry.status, errorCode(viewerTry)], [403, 'FORBIDDEN']);
      const financeTry = await finance.call('POST', '/api/v1/credit/check-order/override', {
        ...order,
        reason: '预付',
      });
      assert.deepEqual(
        [financeTry.status, errorCode(financeTry)],
        [403, 'CREDIT_HOLD_OVERRIDE_FORBIDDEN'],
        financeTry.text,
      );
      const noReason = await owner.call('POST', '/api/v1/credit/check-order/override', order);
      assert.deepEqual([noReason.status, field(noReason)], [400, 'reason']);
      const badRef = await owner.call('POST', '/api/v1/credit/check-order/override', {
        ...order,
        orderRef: '',
        reason: '预付',
      });
      assert.deepEqual([badRef.status, errorCode(badRef), field(badRef)], [400, 'VALIDATION_FAILED', 'orderRef']);
      const unknown = await owner.call('POST', '/api/v1/credit/check-order/override', {
        ...order,
        customerId: 'nope',
        reason: '预付',
      });
      assert.deepEqual([unknown.status, errorCode(unknown)], [404, 'NOT_FOUND']);
      assert.equal((await check(owner, order)).decision, 'hold', 'no refused attempt lets the order through');
    });

    test('after an override a re-check of the same order allows it with who, when and why; other orders still hold', async () => {
      const res = await controller.call('POST', '/api/v1/credit/check-order/override', {
        ...order,
        reason: '客户已预付 50%',
      });
      assert.equal(res.status, 200, res.text);
      const again = await check(viewer, order);
      assert.equal(again.decision, 'allow');
      assert.deepEqual(
        [again.override?.reason, again.override?.overriddenBy.slice(0, 6), again.override?.validUntil],
        ['客户已预付 50%', 'token:', today],
      );
      assert.equal(again.override?.role, 'credit_controller');
      assert.ok(again.override?.overriddenAt.startsWith('2026-03-31T'), again.override?.overriddenAt);
      assert.ok(
        again.reasons.some((r) => r.code === 'CH_OVERDUE'),
        'the overridden reasons stay visible',
      );
      for (const other of [
        { ...order, amountMinor: 1_000_001 },
        { ...order, currency: 'USD' },
        { ...order, orderRef: 'SO-2026-0331-2' },
        { customerId: order.customerId, amountMinor: order.amountMinor, currency: order.currency },
      ]) {
        const c = await check(owner, other);
        assert.deepEqual([c.decision, c.override], ['hold', null], JSON.stringify(other));
      }
    });

    test('the override lasts to the end of its day: the next day the same order is held again', async () => {
      assert.equal((await check(owner, order)).decision, 'allow', 'overridden today');
      const tomorrow = await startApi(db, { clock: fixedClock('2026-04-01T04:00:00Z') });
      try {
        const token = await owner.call('POST', '/api/v1/tokens', { name: 'next day', role: 'viewer' });
        const nextDay = tokenClient(tomorrow.url, (token.body as { token: string }).token);
        const c = await check(nextDay, order);
        assert.deepEqual([c.decision, c.override], ['hold', null]);
      } finally {
        await tomorrow.close();
      }
    });
  });
});
