import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { translate } from '../../i18n/index.js';

const SOURCES = [
  new URL('./', import.meta.url),
  new URL('../../core/stress/', import.meta.url),
  new URL('../../cli/commands/', import.meta.url),
];

/** Every CreditRisk+ code the code can return, found in its source files (tests left out). */
function codes(): Set<string> {
  const found = new Set<string>();
  for (const dir of SOURCES) {
    for (const name of readdirSync(fileURLToPath(dir))) {
      if (!/^(creditriskplus|stress-creditriskplus|vasicek).*\.ts$/.test(name) || name.endsWith('.test.ts')) continue;
      const text = readFileSync(new URL(name, dir), 'utf8');
      for (const m of text.matchAll(/'(CRP_[A-Z_]+)'/g)) found.add(m[1] as string);
    }
  }
  return found;
}

test('every CreditRisk+ code has words in English and Chinese, with its details filled in', () => {
  const all = codes();
  assert.ok(all.size >= 10, `found ${[...all].join(', ')}`);
  const details = {
    file: 'p.csv',
    row: 3,
    field: 'lgd',
    value: 'x',
    expected: 'y',
    id: '7',
    level: 0.999,
    maxUnits: 9,
    reached: 0.5,
  };
  for (const code of all) {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = translate(code, { ...details, obligors: 1, sectors: 1, lossUnit: '1', years: 999 }, locale);
      assert.doesNotMatch(text, /CRP_|\{\{|undefined/, `${code} in ${locale}: ${text}`);
    }
  }
});
