import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GENERATED, generateApiTypes } from '../../scripts/generate-api-types.js';

test('the web’s API types match the OpenAPI document the server serves (npm run generate:api-types)', async () => {
  const current = readFileSync(GENERATED, 'utf8');
  const fresh = await generateApiTypes();
  assert.ok(fresh.includes('CustomerRows'), 'the document names the dashboard’s schemas');
  assert.ok(current === fresh, 'web/src/api-types.gen.ts is stale: run npm run generate:api-types and commit it');
});
