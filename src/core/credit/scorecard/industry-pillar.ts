import type { ScorecardSettings } from './settings.js';
import type { PillarOutcome, Reason } from './types.js';

/**
 * Pillar 5, industry and country (10%): `industryBase` (60) plus the table adjustments for the
 * customer's industry and country (default: construction −10, DOMAIN 8.4 after Coface China 2024).
 * Always present: an unknown industry scores the base, and the reason says so.
 *
 * @example
 * scoreIndustry({ industry: 'construction', country: 'CN' }, settings); // score 50
 */
export function scoreIndustry(
  input: { readonly industry: string | null; readonly country: string },
  settings: ScorecardSettings,
): PillarOutcome {
  const reasons: Reason[] = [];
  // The tables are keyed by the customer's own text: only their own entries count (not `constructor`).
  const adjustment = (table: Readonly<Record<string, number>>, key: string | null) =>
    key !== null && Object.hasOwn(table, key) ? (table[key] ?? 0) : 0;
  const industryAdj = adjustment(settings.industryAdjustments, input.industry);
  const countryAdj = adjustment(settings.countryAdjustments, input.country);
  if (input.industry === null) reasons.push({ code: 'CS_INDUSTRY_UNKNOWN', data: { base: settings.industryBase } });
  if (industryAdj !== 0)
    reasons.push({
      code: 'CS_INDUSTRY_ADJUSTED',
      data: { industry: input.industry, points: industryAdj },
      pillar: 'industry',
      impact: industryAdj,
    });
  if (countryAdj !== 0)
    reasons.push({
      code: 'CS_COUNTRY_ADJUSTED',
      data: { country: input.country, points: countryAdj },
      pillar: 'industry',
      impact: countryAdj,
    });
  const score = Math.min(100, Math.max(0, settings.industryBase + industryAdj + countryAdj));
  return {
    ok: true,
    result: { pillar: 'industry', score, inputs: { industry: input.industry, country: input.country }, reasons },
  };
}
