import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formFromOrganisation, patchFromForm } from '../../web/src/org-settings.js';

const org = {
  name: '演示贸易',
  locale: 'zh-CN' as const,
  weekStart: 1,
  fiscalYearStartMonth: 1,
  baseCurrency: 'CNY',
  settings: { 'credit.risk': { recoveryShare: 0.3 } },
};

test('the settings page shows and saves the likely payment dates per invoice, 1–20, default 5', () => {
  const form = formFromOrganisation(org);
  assert.equal(form.receiptSlices, '5');
  const saved = patchFromForm({ ...form, receiptSlices: '3' }, org);
  assert.ok(saved.ok);
  const settings = saved.body.settings as Record<string, unknown>;
  assert.equal(settings['forecast.receiptSlices'], 3);
  assert.deepEqual(settings['credit.risk'], { recoveryShare: 0.3 }, 'keys the page does not edit are kept');
  assert.equal(formFromOrganisation({ ...org, settings }).receiptSlices, '3');
  for (const bad of ['0', '21', '2.5', '', 'x']) {
    const r = patchFromForm({ ...form, receiptSlices: bad }, org);
    assert.deepEqual(r, { ok: false, field: 'receiptSlices' }, bad);
  }
});
