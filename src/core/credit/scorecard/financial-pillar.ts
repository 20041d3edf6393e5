import type { FinancialStatement } from '../../model/index.js';
import { diffDays, type LocalDate } from '../../time/index.js';
import { type AltmanResult, type AltmanVariant, computeAltman } from '../altman.js';
import type { ScorecardSettings } from './settings.js';
import type { PillarOutcome, Reason } from './types.js';

/** The distress model's view of the same statement (from `scoreDistress`), if the model is loaded. */
export interface DistressView {
  readonly score: number;
  readonly pd: number;
  readonly reasons: readonly string[];
}

export interface FinancialInput {
  readonly statement: FinancialStatement | null;
  readonly industry: string | null;
  readonly distress: DistressView | null;
}

const clamp = (x: number) => Math.min(100, Math.max(0, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Z mapped linearly: distress cut-off → 20, safe cut-off → 80, extended beyond and clipped to 0–100. */
export function altmanScore(z: AltmanResult, settings: ScorecardSettings): number {
  const { distress, safe } = z.cutoffs;
  const lo = settings.altmanDistressScore;
  const hi = settings.altmanSafeScore;
  return clamp(lo + ((z.score - distress) * (hi - lo)) / (safe - distress));
}

/** The variant DOMAIN 8.2 prescribes: Z′ for manufacturers, Z″ for trading and services firms. */
export function altmanVariantFor(industry: string | null, settings: ScorecardSettings): AltmanVariant {
  return industry !== null && settings.manufacturingIndustries.includes(industry) ? 'z-prime' : 'z-double-prime';
}

function modifiers(s: FinancialStatement, settings: ScorecardSettings): Reason[] {
  const out: Reason[] = [];
  const { currentAssets: ca, currentLiabilities: cl, totalLiabilities: tl, totalAssets: ta } = s;
  if (ca !== null && cl !== null && cl > 0) {
    const ratio = round2(ca / cl);
    if (ratio < settings.currentRatioLow)
      out.push({
        code: 'CS_CURRENT_RATIO_LOW',
        data: { ratio },
        pillar: 'financials',
        impact: -settings.modifierPenalty,
      });
    else if (ratio >= settings.currentRatioHigh)
      out.push({
        code: 'CS_CURRENT_RATIO_STRONG',
        data: { ratio },
        pillar: 'financials',
        impact: settings.modifierBonus,
      });
  }
  if (tl !== null && ta !== null && ta > 0) {
    const leverage = round2(tl / ta);
    if (leverage > settings.leverageHigh)
      out.push({
        code: 'CS_LEVERAGE_HIGH',
        data: { leverage },
        pillar: 'financials',
        impact: -settings.modifierPenalty,
      });
    else if (leverage < settings.leverageLow)
      out.push({ code: 'CS_LEVERAGE_LOW', data: { leverage }, pillar: 'financials', impact: settings.modifierBonus });
  }
  return out;
}

function missing(data: Reason['data']): PillarOutcome {
  return { ok: false, missing: { pillar: 'financials', reason: { code: 'CS_PILLAR_MISSING_FINANCIALS', data } } };
}

/**
 * Pillar 3, financials (25%): Altman Z′/Z″ mapped linearly (distress → 20, safe → 80), blended with
 * the distress model's PD-based score (`distressModelShare`, default 50/50: the transparent ratio
 * score and the trained model weigh alike), then the current-ratio and leverage modifiers, summed
 * within ± `modifierCap`. Either half alone is used when the other is unavailable.
 *
 * @example
 * // Z″ = 1.85 (cut-offs 1.1 / 2.6) → 20 + 0.75·60/1.5 = 50; model score 40 → blend 45;
 * // current ratio 0.8 → −10: pillar 35
 */
export function scoreFinancials(input: FinancialInput, asOf: LocalDate, settings: ScorecardSettings): PillarOutcome {
  const s = input.statement;
  if (s === null) return missing({ statement: 'none' });
  const age = diffDays(s.periodEnd, asOf);
  if (age > settings.statementMaxAgeDays) return missing({ statement: 'stale', periodEnd: s.periodEnd });
  const variant = altmanVariantFor(input.industry, settings);
  const z = computeAltman(variant, s, settings.altmanCutoffs[variant]);
  const reasons: Reason[] = [];
  const parts: { score: number; share: number }[] = [];
  if (z.ok) {
    const zs = altmanScore(z.value, settings);
    const data = { variant, z: round2(z.value.score), zone: z.value.zone };
    reasons.push({ code: 'CS_ALTMAN', data, pillar: 'financials', impact: Math.min(0, Math.round(zs - 80)) });
    parts.push({ score: zs, share: 1 - settings.distressModelShare });
  } else
    reasons.push({
      code: 'CS_ALTMAN_UNAVAILABLE',
      data: { error: z.error.code, field: z.error.details.field ?? null },
    });
  if (input.distress) {
    const d = input.distress;
    const data = { pd: round2(d.pd * 100), drivers: d.reasons.join(', ') };
    reasons.push({
      code: 'CS_DISTRESS_MODEL',
      data,
      pillar: 'financials',
      impact: Math.min(0, Math.round(d.score - 80)),
    });
    parts.push({ score: d.score, share: settings.distressModelShare });
  } else reasons.push({ code: 'CS_DISTRESS_MODEL_UNAVAILABLE', data: {} });
  if (parts.length === 0) return missing({ statement: 'incomplete', periodEnd: s.periodEnd });
  const shares = parts.reduce((t, p) => t + p.share, 0);
  const blended = parts.reduce((t, p) => t + p.score * (shares > 0 ? p.share / shares : 1 / parts.length), 0);
  const mods = modifiers(s, settings);
  const modSum = mods.reduce((t, r) => t + (r.impact ?? 0), 0);
  const capped = Math.max(-settings.modifierCap, Math.min(settings.modifierCap, modSum));
  const inputs = {
    periodEnd: s.periodEnd,
    altman: z.ok ? round2(z.value.score) : null,
    distressScore: input.distress ? round2(input.distress.score) : null,
    blended: round2(blended),
    modifiers: capped,
  };
  return {
    ok: true,
    result: { pillar: 'financials', score: clamp(blended + capped), inputs, reasons: [...reasons, ...mods] },
  };
}
