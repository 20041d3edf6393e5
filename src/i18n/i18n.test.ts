import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueKeys, pickLocale, translate } from './index.js';

test('both languages define the same message codes', () => {
  assert.deepEqual(catalogueKeys('zh-CN'), catalogueKeys('en'));
});

test('interpolates details and falls back to the code for an unknown message', () => {
  assert.equal(translate('UNKNOWN_CURRENCY', { value: 'RMB' }, 'en'), 'Unknown currency "RMB".');
  assert.equal(translate('UNKNOWN_CURRENCY', { value: 'RMB' }, 'zh-CN'), '未知币种 "RMB"。');
  assert.equal(translate('NO_SUCH_CODE', { row: 3 }, 'en'), 'NO_SUCH_CODE (row=3)');
});

test('picks the locale from Accept-Language', () => {
  assert.equal(pickLocale('en-GB,en;q=0.9'), 'en');
  assert.equal(pickLocale('zh-CN,zh;q=0.9'), 'zh-CN');
  assert.equal(pickLocale(undefined), 'zh-CN');
});
