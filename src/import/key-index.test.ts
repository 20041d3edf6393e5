import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { KeyIndex } from './key-index.js';

test('answers the row a key was first read on, as a Map would, through growth', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '客户', 'INV-1', '😀', 'a\u0001b')), {
        maxLength: 3000,
      }),
      (keys) => {
        const index = new KeyIndex();
        const reference = new Map<string, number>();
        keys.forEach((key, i) => {
          assert.equal(index.check(key, i + 2), reference.get(key));
          if (!reference.has(key)) reference.set(key, i + 2);
        });
      },
    ),
    { numRuns: 200 },
  );
});

test('a hundred thousand distinct keys, then each again', () => {
  const index = new KeyIndex();
  for (let i = 0; i < 100_000; i++) assert.equal(index.check(`INV${String(i).padStart(8, '0')}`, i + 2), undefined);
  for (let i = 0; i < 100_000; i += 997) assert.equal(index.check(`INV${String(i).padStart(8, '0')}`, 0), i + 2);
});
