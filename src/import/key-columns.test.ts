import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindSpec } from './registry.js';
import type { DbRow } from './spec.js';
import { IMPORT_KIND_NAMES } from './types.js';

test('every kind looks stored rows up only by columns of its natural key', () => {
  for (const kind of IMPORT_KIND_NAMES) {
    const spec = kindSpec(kind);
    assert.ok(spec.keyColumns.length > 0, kind);
    const row: DbRow = {};
    for (const c of spec.keyColumns) row[c] = 'a';
    for (const c of spec.keyColumns) {
      // A lookup column the key did not depend on could miss a stored row that has the same key.
      assert.notEqual(spec.key({ ...row, [c]: 'b' }), spec.key(row), `${kind}: ${c}`);
    }
  }
});
