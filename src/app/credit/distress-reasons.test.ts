import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  type DistressReason,
  type DistressReasonCode,
  FEATURES,
  ITEM_NAMES,
  RATIO_FEATURES,
  scoreDistress,
} from '../../core/credit/distress/index.js';
import { LOCALES, translate } from '../../i18n/index.js';
import {
  describeDistressDrivers,
  describeDistressReason,
  distressDriverTokens,
  distressFeatureName,
  distressItemName,
} from './distress-reasons.js';
import { formatReason } from './format.js';
import { type DistressModels, loadShippedModels } from './model-file.js';

/** What a person must never read: a code (EBIT_TA, DISTRESS_…), an attribute number, a blank placeholder. */
const RAW_CODE = /[A-Z][A-Z0-9]*_[A-Z0-9_]+|\b[Aa](?:ttr|TTR)\d+\b|\{\{|undefined|NaN/;

const CODES: readonly DistressReasonCode[] = [
  'DISTRESS_FEATURE_LOW',
  'DISTRESS_FEATURE_HIGH',
  'DISTRESS_FEATURE_RISKY',
  'DISTRESS_FEATURE_MISSING',
  'DISTRESS_ITEMS_MISSING',
  'DISTRESS_OUT_OF_RANGE_BLENDED',
  'DISTRESS_OUT_OF_RANGE_KEPT',
  'DISTRESS_OUT_OF_RANGE',
  'DISTRESS_MODEL_NOT_APPLICABLE',
];

let models: DistressModels;
before(async () => {
  const loaded = await loadShippedModels();
  assert.ok(loaded.ok);
  models = loaded.value;
});

describe('distress reasons in words', () => {
  it('names every feature of both sets and every statement item in both languages', () => {
    for (const locale of LOCALES) {
      for (const f of [...FEATURES, ...RATIO_FEATURES]) {
        const name = distressFeatureName(f.name, locale);
        assert.ok(!name.startsWith('DISTRESS_RATIO_'), `${locale} ${f.name}`);
      }
      for (const item of ITEM_NAMES) assert.ok(!distressItemName(item, locale).startsWith('DISTRESS_ITEM_'), item);
    }
    assert.equal(distressFeatureName('ATTR29', 'en'), 'The logarithm of total assets (company size)');
    assert.equal(distressFeatureName('ATTR29', 'zh-CN'), '总资产的对数（企业规模）');
  });

  it('has a sentence for every reason code, with every placeholder filled', () => {
    const data = { feature: 'EBIT_TA', features: 'TL_TA,RE_TA', items: 'retainedEarnings,inventory' };
    for (const locale of LOCALES)
      for (const code of CODES) {
        const reason: DistressReason = {
          code,
          data: { ...data, value: -0.123, typical: 0.07, weight: 35, z: -4.2, missing: 40, outOfRange: 3 },
        };
        assert.doesNotMatch(describeDistressReason(reason, locale), RAW_CODE, `${locale} ${code}`);
      }
  });

  it('reads one reason as a sentence', () => {
    const reason: DistressReason = {
      code: 'DISTRESS_FEATURE_LOW',
      data: { feature: 'ATTR29', value: 2.69, typical: 4.1 },
    };
    assert.equal(
      describeDistressReason(reason, 'en'),
      'The logarithm of total assets (company size) is low: 2.69 (typical 4.1)',
    );
    assert.equal(describeDistressReason(reason, 'zh-CN'), '总资产的对数（企业规模）偏低：2.69（一般为 4.1）');
    const blended: DistressReason = {
      code: 'DISTRESS_OUT_OF_RANGE_BLENDED',
      data: { features: 'TL_TA,RE_TA', weight: 34, z: -9.87 },
    };
    assert.equal(
      describeDistressReason(blended, 'en'),
      'Outside the range of the companies the model learnt from: Total liabilities / total assets, retained earnings / total assets. So 34 % of the PD comes from Altman Z″ (-9.87)',
    );
  });

  it('gives every reason of real scores in words, for both models and both languages', () => {
    const healthy = { revenue: 5_000, ebit: 600, netIncome: 450, totalAssets: 4_000, currentAssets: 2_200 };
    const items = {
      ...healthy,
      currentLiabilities: 900,
      totalLiabilities: 1_400,
      retainedEarnings: 1_500,
      bookEquity: 2_600,
      inventory: 500,
      receivables: 700,
      cash: 600,
      marketValueEquity: null,
    };
    const firms = [
      items,
      {
        ...items,
        ebit: -900,
        netIncome: -1_000,
        retainedEarnings: -30_000,
        totalLiabilities: 30_000,
        bookEquity: null,
      },
      { ...items, inventory: null, retainedEarnings: null },
    ];
    const rows = [0.05, -0.4].map((v) => ({ attr: (k: number) => (k === 21 ? Number.NaN : v * ((k % 5) + 1)) }));
    const scores = [
      ...firms.map((f) => scoreDistress(models['statement-items'], f)),
      ...rows.map((r) => scoreDistress(models['polish-ratios'], r)),
    ];
    assert.ok(scores.some((s) => s.reasons.some((r) => r.code === 'DISTRESS_OUT_OF_RANGE_BLENDED')));
    for (const s of scores)
      for (const r of s.reasons)
        for (const locale of LOCALES) assert.doesNotMatch(describeDistressReason(r, locale), RAW_CODE, r.code);
  });
});

describe('the scorecard’s distress drivers', () => {
  it('carries them as tokens and shows them in words in the financials reason', () => {
    const tokens = distressDriverTokens({
      reasons: [
        { code: 'DISTRESS_FEATURE_LOW', data: { feature: 'EBIT_TA', value: -0.1, typical: 0.08 } },
        { code: 'DISTRESS_FEATURE_HIGH', data: { feature: 'TL_TA', value: 0.95, typical: 0.47 } },
        { code: 'DISTRESS_OUT_OF_RANGE_BLENDED', data: { features: 'TL_TA', weight: 6, z: -3 } },
      ],
    });
    assert.deepEqual(tokens, ['LOW:EBIT_TA', 'HIGH:TL_TA', 'OUT_OF_RANGE']);
    const reason = { code: 'CS_DISTRESS_MODEL', data: { pd: 12.5, drivers: tokens.join(', ') } };
    assert.equal(
      formatReason(reason, 'en'),
      translate('CS_DISTRESS_MODEL', { pd: 12.5, drivers: describeDistressDrivers(tokens.join(', '), 'en') }, 'en'),
    );
    assert.match(
      formatReason(reason, 'en'),
      /EBIT \/ total assets low, total liabilities \/ total assets high, ratios outside/,
    );
    assert.match(formatReason(reason, 'zh-CN'), /息税前利润\/总资产偏低、资产负债率（总负债\/总资产）偏高/);
  });

  it('has words for every kind of driver token in both languages', () => {
    const tokens = 'LOW:EBIT_TA, HIGH:TL_TA, RISKY:ATTR9, MISSING:ATTR21, OUT_OF_RANGE, ITEMS_MISSING';
    for (const locale of LOCALES) assert.doesNotMatch(describeDistressDrivers(tokens, locale), RAW_CODE, locale);
  });

  it('reads the drivers stored by the earlier model version in words too', () => {
    const text = describeDistressDrivers('LOW_ATTR29(2.69), HIGH_TL_TA(1.3), MISSING_ATTR21', 'en');
    assert.equal(
      text,
      'The logarithm of total assets (company size) low, total liabilities / total assets high, sales growth (this year’s sales / last year’s) not known',
    );
    assert.doesNotMatch(describeDistressDrivers('LOW_ATTR29(2.69)', 'zh-CN'), RAW_CODE);
  });
});
