import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageProblems } from '../e2e/support.js';

test('the page scan finds codes, Chinese on English pages and English words on Chinese pages', () => {
  const found = (texts: string[], locale: 'zh-CN' | 'en') => languageProblems(texts, locale).length;
  // What a new user saw before the words were fixed.
  assert.equal(found(['额度为 0：CS_OVERRIDE_DISHONEST_DEBTOR, CS_OVERRIDE_INSOLVENCY'], 'zh-CN'), 2);
  assert.equal(found(['未找到 RECORD_NOT_FOUND'], 'zh-CN'), 1);
  assert.equal(found(['distress model PD 3% (HIGH_RE_TA(0.12))'], 'en'), 1);
  assert.equal(found(['LOW_ATTR29(2.69)'], 'en'), 1);
  assert.equal(found(['Business registration and 统一社会信用代码'], 'en'), 1);
  assert.equal(found(['Altman z-prime 为 2.3（grey 区）'], 'zh-CN'), 2);
  assert.equal(found(['行业 construction：-10 分'], 'zh-CN'), 1);
  assert.equal(found(['Credit report or external rating (dnb_paydex 2025-12-19)'], 'en'), 1);
  // What may stay: currency codes, short abbreviations, names of methods, numbers in registration codes.
  assert.equal(found(["金额单位：CNY · DSO 95.9 · Altman Z' 为 2.3（灰色区）", '导出 Excel'], 'zh-CN'), 0);
  assert.equal(found(['Registration (91310000MA1FL3X)', 'Exposure 1,234.56 CNY'], 'en'), 0);
});
