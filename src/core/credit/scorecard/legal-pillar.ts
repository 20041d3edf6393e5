import type { LegalEvent } from '../../model/index.js';
import { diffDays, type LocalDate } from '../../time/index.js';
import type { ScorecardSettings } from './settings.js';
import type { PillarOutcome, Reason } from './types.js';

export interface LegalInput {
  readonly events: readonly LegalEvent[];
  /** The day a litigation and enforcement search was last done (onboarding or review), if recorded. */
  readonly checkedOn: LocalDate | null;
}

/** Occurred on or before `asOf`, within `lookbackDays`, and not resolved by `asOf`. */
export function isLiveEvent(e: LegalEvent, asOf: LocalDate, lookbackDays: number): boolean {
  if (e.occurredOn > asOf || diffDays(e.occurredOn, asOf) > lookbackDays) return false;
  return e.resolvedOn === null || e.resolvedOn > asOf;
}

function counts(e: LegalEvent, settings: ScorecardSettings): boolean {
  if (e.type !== 'lawsuit_defendant') return true;
  return e.amountMinor === null || e.amountMinor >= settings.lawsuitMaterialityMinor;
}

/**
 * Pillar 4, legal and public records (15%): 100 minus a deduction per live event (enforcement 40,
 * material defendant lawsuit 30, abnormal operations 15, others per `legalDeductions`), floor 0.
 * Missing when there is neither an event nor a recorded check (no search is not a clean search),
 * unless `legalDataCoversAllCustomers`.
 *
 * @example
 * // one enforcement and one ¥500,000 lawsuit, both unresolved: 100 − 40 − 30 = 30
 */
export function scoreLegal(input: LegalInput, asOf: LocalDate, settings: ScorecardSettings): PillarOutcome {
  const known = input.events.some((e) => e.occurredOn <= asOf);
  const checked = input.checkedOn !== null && input.checkedOn <= asOf;
  if (!known && !checked && !settings.legalDataCoversAllCustomers) {
    const reason = { code: 'CS_PILLAR_MISSING_LEGAL', data: { checkedOn: null } };
    return { ok: false, missing: { pillar: 'legal', reason } };
  }
  const reasons: Reason[] = [];
  let score = 100;
  let live = 0;
  for (const e of input.events) {
    if (!isLiveEvent(e, asOf, settings.legalLookbackDays) || !counts(e, settings)) continue;
    const points = settings.legalDeductions[e.type] ?? 0;
    if (points === 0) continue;
    live++;
    score -= points;
    // The source (企查查, a bureau…) is named when known, so the reason says where the record came from.
    const data = {
      type: e.type,
      on: e.occurredOn,
      amountMinor: e.amountMinor,
      currency: e.currency,
      ...(e.source ? { source: e.source } : {}),
    };
    reasons.push({ code: `CS_LEGAL_${e.type.toUpperCase()}`, data, pillar: 'legal', impact: -points });
  }
  if (live === 0)
    reasons.push({ code: 'CS_LEGAL_CLEAN', data: { checkedOn: input.checkedOn }, pillar: 'legal', impact: 0 });
  return {
    ok: true,
    result: { pillar: 'legal', score: Math.max(0, score), inputs: { events: input.events.length, live }, reasons },
  };
}

/**
 * Legal hard overrides (DOMAIN 8.5 rule 2): a live 失信被执行人 listing, insolvency or 票交所
 * 持续逾期 within its `overrideEvents` window.
 */
export function legalOverrides(events: readonly LegalEvent[], asOf: LocalDate, settings: ScorecardSettings): Reason[] {
  const out: Reason[] = [];
  for (const e of events) {
    const window = settings.overrideEvents[e.type];
    if (window === undefined || !isLiveEvent(e, asOf, window)) continue;
    out.push({
      code: `CS_OVERRIDE_${e.type.toUpperCase()}`,
      data: { type: e.type, on: e.occurredOn, source: e.source },
    });
  }
  return out.sort((a, b) => (String(a.data.on) < String(b.data.on) ? -1 : 1));
}
