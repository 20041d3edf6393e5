import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreIndustry } from './industry-pillar.js';
import { DEFAULT_SCORECARD_SETTINGS } from './settings.js';

test('an industry or country named like an inherited property scores the base, not NaN', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    for (const input of [
      { industry: name, country: 'CN' },
      { industry: 'retail', country: name },
    ]) {
      const r = scoreIndustry(input, DEFAULT_SCORECARD_SETTINGS);
      assert.ok(r.ok);
      assert.equal(r.result.score, DEFAULT_SCORECARD_SETTINGS.industryBase, `${name}`);
      assert.deepEqual(r.result.reasons, []);
    }
  }
});
