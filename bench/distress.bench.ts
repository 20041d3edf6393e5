// Financial-distress scoring speed: 10,000 companies with explanations through each shipped model
// (formerly a unit test asserting < 1 s, which failed on a loaded machine; speed lives here).
import { loadShippedModels } from '../src/app/credit/model-file.js';
import { type DistressItems, scoreDistress, scoreWithFallback } from '../src/core/credit/distress/index.js';
import { createRng } from '../src/core/shared/index.js';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const COMPANIES = 10_000;

function companies(n: number): DistressItems[] {
  const rng = createRng(7);
  return Array.from({ length: n }, () => {
    const ta = rng.uniform(1_000, 100_000);
    const tl = ta * rng.uniform(0.2, 1.3);
    const ca = ta * rng.uniform(0.2, 0.8);
    return {
      revenue: ta * rng.uniform(0.3, 3),
      ebit: ta * rng.uniform(-0.2, 0.2),
      netIncome: ta * rng.uniform(-0.25, 0.15),
      totalAssets: ta,
      currentAssets: ca,
      currentLiabilities: tl * rng.uniform(0.3, 1),
      totalLiabilities: tl,
      retainedEarnings: rng.bernoulli(0.9) ? ta * rng.uniform(-0.5, 0.5) : null,
      bookEquity: ta - tl,
      inventory: rng.bernoulli(0.8) ? ca * rng.uniform(0, 0.5) : null,
      receivables: ca * rng.uniform(0, 0.4),
      cash: null,
      marketValueEquity: null,
    };
  });
}

function time(work: () => void): number {
  work(); // warm the JIT
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function run(): Promise<BenchResult[]> {
  const loaded = await loadShippedModels();
  if (!loaded.ok) throw new Error(loaded.error.code);
  const models = loaded.value;
  const items = companies(COMPANIES);
  const rng = createRng(11);
  const rows = Array.from({ length: COMPANIES }, () => {
    const values = Array.from({ length: 64 }, () => (rng.bernoulli(0.02) ? Number.NaN : rng.normal(0.2, 0.5)));
    return { attr: (k: number) => values[k - 1] as number };
  });
  const itemsMs = time(() => {
    for (const c of items) scoreDistress(models['statement-items'], c);
  });
  const ratiosMs = time(() => {
    for (const r of rows) scoreWithFallback(models['polish-ratios'], models['statement-items'], r);
  });
  const note = 'PD, grade, contributions and reasons';
  return [
    { name: `statement-items model, ${COMPANIES.toLocaleString('en-US')} companies`, value: itemsMs, unit: 'ms', note },
    { name: `polish-ratios model, ${COMPANIES.toLocaleString('en-US')} rows`, value: ratiosMs, unit: 'ms', note },
  ];
}
