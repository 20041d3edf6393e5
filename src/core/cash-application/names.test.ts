import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coreName, nameSimilarity } from './names.js';

test('company forms, full-width characters and branches do not tell payers apart', () => {
  assert.equal(coreName('杭州甲方科技有限公司'), coreName('杭州甲方科技有限责任公司'));
  assert.equal(coreName('苏州乙方制造有限公司（苏州分公司）'), coreName('苏州乙方制造有限公司'));
  assert.equal(coreName('苏州乙方制造有限公司苏州分公司'), '苏州乙方制造');
  assert.equal(coreName('ＡＣＭＥ Ｔｒａｄｉｎｇ Co., Ltd.'), coreName('ACME TRADING LIMITED'));
  assert.equal(coreName('宁波丙方材料股份有限公司'), '宁波丙方材料');
  assert.notEqual(coreName('杭州甲方科技有限公司'), coreName('杭州乙方科技有限公司'));
});

test('a typo keeps names similar, another company is not', () => {
  assert.ok(nameSimilarity(coreName('杭州甲方科技发展有限公司'), coreName('杭州甲方科枝发展有限公司')) >= 0.7);
  assert.ok(nameSimilarity(coreName('杭州甲方科技有限公司'), coreName('深圳丁方电子有限公司')) < 0.3);
  assert.equal(nameSimilarity('ABC', 'ABC'), 1);
});
