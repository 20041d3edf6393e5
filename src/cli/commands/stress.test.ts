import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StressReport } from '../../app/stress/index.js';
import {
  buildMonteCarloModel,
  reverseStress,
  runMonteCarlo,
  runShocks,
  runStressBase,
  STANDARD_SHOCKS,
} from '../../core/stress/index.js';
import { handBuiltCompany } from '../../core/stress/testing.js';
import { renderStress } from './stress.js';

function report(): StressReport {
  const stress = handBuiltCompany();
  const base = runStressBase(stress);
  assert.ok(base.ok);
  const outcome = (shocks: Parameters<typeof runShocks>[2]) => {
    const r = runShocks(stress, base.value, shocks);
    assert.ok(r.ok);
    return r.value;
  };
  const points = reverseStress(stress, base.value, []);
  assert.ok(points.ok);
  const model = buildMonteCarloModel(stress, { byCustomer: new Map() });
  assert.ok(model.ok);
  return {
    asOf: stress.forecast.asOf,
    currency: 'CNY',
    available: STANDARD_SHOCKS.map((s) => s.name),
    horizons: [
      {
        granularity: 'week',
        periods: 13,
        bufferMinor: base.value.bufferMinor,
        base: outcome([]),
        shocks: STANDARD_SHOCKS.slice(0, 3).map((s) => ({ name: s.name, outcome: outcome(s.shocks) })),
        breakingPoints: points.value,
        monteCarlo: runMonteCarlo(model.value, 5, 200),
      },
    ],
  };
}

test('the stress report reads in Chinese: shocks, breaking points and the Monte Carlo', () => {
  const text = renderStress(report(), 'zh-CN');
  assert.match(text, /最大客户违约/);
  assert.match(text, /全部客户回款推迟 45 天，第 9 周现金跌破安全垫。/);
  assert.match(text, /宏达和远洋同时违约，第 9 周现金跌破安全垫。/);
  assert.match(text, /即使全部客户回款推迟 365 天，预测期内现金仍高于零。/);
  assert.match(text, /蒙特卡洛模拟：200 条路径，种子 5/);
  assert.doesNotMatch(text, /STRESS_|top1_default/);
});

test('and in English', () => {
  const text = renderStress(report(), 'en');
  assert.match(text, /The largest customer defaults/);
  assert.match(text, /A 45-day delay across the book empties the buffer in week 9\./);
  assert.match(text, /Losing 宏达 and 远洋 together empties the buffer in week 9\./);
  assert.match(text, /Cash-flow-at-risk \(95 %\)/);
  assert.doesNotMatch(text, /STRESS_|top1_default/);
});
