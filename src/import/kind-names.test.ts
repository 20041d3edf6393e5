import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindSpec } from './registry.js';
import type { ImportKind } from './types.js';
import { workerKind } from './worker-kinds.js';

test('kind tables answer only to kind names, never to inherited property names', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.equal(workerKind(name as ImportKind), undefined, name);
    assert.throws(() => kindSpec(name as ImportKind), /unknown import kind/, name);
  }
  assert.ok(workerKind('invoices'));
  assert.equal(kindSpec('receipts').columns.length > 0, true);
});
