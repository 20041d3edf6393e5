import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Me } from '../../web/src/api-types.js';
import { amountFromInput, amountToInput } from '../../web/src/format.js';
import { actorLabel, canWriteCredit } from '../../web/src/permissions.js';

const me = (role: string): Me => ({
  orgId: 'demo',
  // A role the server does not know ('nobody') must get no controls either.
  role: role as Me['role'],
  via: 'session',
  actor: 'user:u1',
  user: { id: 'u1', email: 'li@example.cn', name: '李娜' },
});

test('an amount typed in a form becomes exact minor units of its currency, or null', () => {
  assert.equal(amountFromInput('16000.00', 'CNY'), 1_600_000);
  assert.equal(amountFromInput('1,234.5', 'CNY'), 123_450);
  assert.equal(amountFromInput(' 18 000 ', 'CNY'), 1_800_000);
  assert.equal(amountFromInput('0.1', 'CNY'), 10, 'no float error');
  assert.equal(amountFromInput('1500', 'JPY'), 1500);
  for (const bad of ['', 'abc', '1.005', '-5', '1e6', '12.3.4']) assert.equal(amountFromInput(bad, 'CNY'), null, bad);
  assert.equal(amountFromInput('1.5', 'JPY'), null, 'yen has no decimals');
  assert.equal(amountToInput(1_600_000, 'CNY'), '16000.00');
  assert.equal(amountFromInput(amountToInput(123_456_789, 'CNY'), 'CNY'), 123_456_789);
});

test('only roles that may write credit decisions get the controls', () => {
  assert.deepEqual(
    ['owner', 'finance', 'credit_controller', 'viewer', 'nobody'].map((r) => canWriteCredit(me(r))),
    [true, true, true, false, false],
  );
  assert.equal(canWriteCredit(null), false);
});

test('the caller sees her own name for what she did; anyone else as the API names them', () => {
  assert.equal(actorLabel('user:u1', me('owner')), '李娜');
  assert.equal(actorLabel('user:u2', me('owner')), 'user:u2');
  assert.equal(actorLabel('user:u1', null), 'user:u1');
});
