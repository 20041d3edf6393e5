import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LEGAL_EVENT_TYPES } from '../../core/model/index.js';
import { en, zhCN } from './credit-scoring.js';

/**
 * Every credit review reason the review schedule can give has words in both languages, and so
 * has every legal event type a 'new legal record' reason names. The codes are read from the
 * schedule's source, so a new reason there fails here until both catalogues word it.
 */
const REVIEWS = new URL('../../core/credit/reviews/', import.meta.url);

function reviewReasonCodes(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(REVIEWS)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(new URL(file, REVIEWS), 'utf8');
    for (const m of source.matchAll(/code: '(CR_[A-Z_]+)'/g)) if (m[1]) codes.add(m[1]);
  }
  return [...codes].sort();
}

const placeholders = (text: string | undefined) => [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

test('every credit review reason code has words in zh-CN and en, with the same placeholders', () => {
  const codes = reviewReasonCodes();
  assert.ok(codes.length >= 7, `found only ${codes.join(', ')}`);
  for (const code of codes) {
    assert.ok(en[code]?.trim(), `${code} has no English words`);
    assert.ok(zhCN[code]?.trim(), `${code} has no Chinese words`);
    assert.deepEqual(placeholders(zhCN[code]), placeholders(en[code]), code);
  }
});

test('every legal event type a review reason names has words in zh-CN and en', () => {
  for (const type of LEGAL_EVENT_TYPES) {
    assert.ok(en[`CR_LEGAL_TYPE_${type}`]?.trim(), `${type} has no English words`);
    assert.ok(zhCN[`CR_LEGAL_TYPE_${type}`]?.trim(), `${type} has no Chinese words`);
  }
});
