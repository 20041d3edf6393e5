import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { industryWord } from './format.js';

describe('industryWord: the customer screen names the industry in words', () => {
  it('reads a known industry in each language', () => {
    assert.equal(industryWord('retail', 'en'), 'retail');
    assert.notEqual(industryWord('retail', 'zh-CN'), 'retail');
    assert.match(industryWord('construction', 'zh-CN'), /[\u4e00-\u9fff]/);
    assert.equal(industryWord('automotive', 'en'), 'automotive parts');
  });

  it('leaves an industry without words as it was written, and is not fooled by inherited names', () => {
    assert.equal(industryWord('猪饲料', 'zh-CN'), '猪饲料');
    assert.equal(industryWord('constructor', 'en'), 'constructor');
    assert.equal(industryWord('__proto__', 'zh-CN'), '__proto__');
  });
});
