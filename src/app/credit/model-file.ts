import { readFile } from 'node:fs/promises';
import { type DistressModel, loadDistressModel } from '../../core/credit/index.js';
import { fail, type Result } from '../../core/shared/index.js';

/** The items model the scorecard uses; the older name is read while the distress work is renamed. */
const CANDIDATES = [
  new URL('../../../models/distress-items-v1.json', import.meta.url),
  new URL('../../../models/distress-v1.json', import.meta.url),
];

let cached: Promise<Result<DistressModel>> | undefined;

async function readFirst(): Promise<Result<DistressModel>> {
  const tried: string[] = [];
  for (const url of CANDIDATES) {
    let text: string;
    try {
      text = await readFile(url, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
        tried.push(url.pathname);
        continue;
      }
      return fail('MODEL_READ_FAILED', {
        file: url.pathname,
        value: cause instanceof Error ? cause.message : String(cause),
      });
    }
    const model = loadDistressModel(JSON.parse(text) as unknown);
    return model.ok ? model : fail(model.error.code, { ...model.error.details, file: url.pathname });
  }
  return fail('MODEL_READ_FAILED', { file: tried.join(', '), value: 'not found' });
}

/**
 * The distress model for the financial pillar, read once per process: models/distress-items-v1.json,
 * or models/distress-v1.json when only the older name exists. A failure is returned, and the
 * scorecard then scores financials on Altman alone and says so.
 */
export function loadScorecardDistressModel(): Promise<Result<DistressModel>> {
  cached ??= readFirst();
  return cached;
}
