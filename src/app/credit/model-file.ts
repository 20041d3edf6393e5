import { readFile } from 'node:fs/promises';
import { type DistressModel, type FeatureSetName, loadDistressModel } from '../../core/credit/distress/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';

/**
 * The shipped models, in models/ at the repository root: one per input layout. Each file carries
 * its format version (`format`, read by loadDistressModel) and its own model version.
 */
export const SHIPPED_MODEL_URLS: Readonly<Record<FeatureSetName, URL>> = {
  'statement-items': new URL('../../../models/distress-items-v2.json', import.meta.url),
  'polish-ratios': new URL('../../../models/distress-ratios-v2.json', import.meta.url),
};

/** The model for each layout; the statement-items model is also the scorecard's. */
export type DistressModels = Readonly<Record<FeatureSetName, DistressModel>>;

/** Reads and checks one model file; it must declare `expected` as its feature set when given. */
export async function loadModelFile(url: URL, expected?: FeatureSetName): Promise<Result<DistressModel>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(url, 'utf8'));
  } catch (cause) {
    return fail('MODEL_READ_FAILED', {
      file: url.pathname,
      value: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const model = loadDistressModel(json);
  if (!model.ok) return fail(model.error.code, { ...model.error.details, file: url.pathname });
  if (expected !== undefined && model.value.featureSet !== expected)
    return fail('MODEL_INVALID', {
      file: url.pathname,
      field: 'featureSet',
      value: model.value.featureSet,
      expected,
    });
  return model;
}

/** Loads both shipped models; each file must declare the feature set of its layout. */
export async function loadShippedModels(): Promise<Result<DistressModels>> {
  const loaded: Partial<Record<FeatureSetName, DistressModel>> = {};
  for (const [set, url] of Object.entries(SHIPPED_MODEL_URLS) as [FeatureSetName, URL][]) {
    const model = await loadModelFile(url, set);
    if (!model.ok) return model;
    loaded[set] = model.value;
  }
  return ok(loaded as DistressModels);
}

let cached: Promise<Result<DistressModel>> | undefined;

/**
 * The distress model for the financial pillar (the statement-items model), read once per
 * process. A failure is returned, and the scorecard then scores financials on Altman alone and
 * says so.
 */
export function loadScorecardDistressModel(): Promise<Result<DistressModel>> {
  cached ??= loadModelFile(SHIPPED_MODEL_URLS['statement-items'], 'statement-items');
  return cached;
}
