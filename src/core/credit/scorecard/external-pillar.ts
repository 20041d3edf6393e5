import type { ExternalRating, RatingAgency } from '../../model/index.js';
import { diffDays, type LocalDate } from '../../time/index.js';
import type { ScorecardSettings } from './settings.js';
import type { PillarOutcome, Reason } from './types.js';

/** A rating on the 0–100 scale (higher = safer), with what it was and whether it forces an override. */
export interface NormalisedRating {
  readonly agency: RatingAgency;
  readonly value: string;
  readonly ratedOn: LocalDate;
  readonly score: number;
  /** D&B failure class when known (given, or derived from the percentile on the UK/EU bands). */
  readonly failureClass: number | null;
  readonly isOverride: boolean;
}

/** UK/EU D&B failure bands (DOMAIN 8.1): 86–100 → 1, 51–85 → 2, 11–50 → 3, 1–10 → 4. */
function failureClassOfPercentile(p: number): number {
  return p >= 86 ? 1 : p >= 51 ? 2 : p >= 11 ? 3 : 4;
}

/**
 * Normalises one rating (DOMAIN 8.4): Creditsafe and PAYDEX as-is, D&B failure percentile as-is
 * (or 'class:N' through `dnbClassScores`), Allianz grade g → 100 − (g − 1)·11. Null when the value
 * cannot be read or the agency has no mapping ('other').
 *
 * @example
 * normaliseRating({ customerId: 'C1', agency: 'allianz', value: '4', ratedOn: '2026-01-05' }, settings)?.score; // 67
 */
export function normaliseRating(rating: ExternalRating, settings: ScorecardSettings): NormalisedRating | null {
  const text = rating.value.trim();
  const classMatch = /^(?:class|c)\s*:?\s*([1-5])$/i.exec(text);
  const n = Number(text);
  const base = { agency: rating.agency, value: rating.value, ratedOn: rating.ratedOn };
  const inRange = (lo: number, hi: number) => text !== '' && Number.isFinite(n) && n >= lo && n <= hi;
  switch (rating.agency) {
    case 'creditsafe':
      if (!inRange(0, 100)) return null;
      return { ...base, score: n, failureClass: null, isOverride: n < settings.externalOverrideBelow };
    case 'dnb_paydex':
      return inRange(0, 100) ? { ...base, score: n, failureClass: null, isOverride: false } : null;
    case 'allianz':
      return inRange(1, 10) ? { ...base, score: 100 - (n - 1) * 11, failureClass: null, isOverride: false } : null;
    case 'dnb_failure': {
      const cls = classMatch ? Number(classMatch[1]) : inRange(1, 100) ? failureClassOfPercentile(n) : null;
      if (cls === null) return null;
      const score = classMatch ? (settings.dnbClassScores[cls] ?? 50) : n;
      const isOverride = cls >= settings.dnbOverrideClass || score < settings.externalOverrideBelow;
      return { ...base, score, failureClass: cls, isOverride };
    }
    default:
      return null;
  }
}

/** The newest rating of each agency, rated on or before `asOf`. */
export function latestRatings(ratings: readonly ExternalRating[], asOf: LocalDate): ExternalRating[] {
  const latest = new Map<string, ExternalRating>();
  for (const r of ratings) {
    if (r.ratedOn > asOf) continue;
    const seen = latest.get(r.agency);
    if (!seen || r.ratedOn > seen.ratedOn) latest.set(r.agency, r);
  }
  return [...latest.values()].sort((a, b) => (a.agency < b.agency ? -1 : 1));
}

/**
 * Pillar 2, external score (15%): the mean of the newest normalised rating of each agency within
 * `externalMaxAgeDays`. Returns the ratings that force an override beside the outcome.
 */
export function scoreExternal(
  ratings: readonly ExternalRating[],
  asOf: LocalDate,
  settings: ScorecardSettings,
): { outcome: PillarOutcome; overrides: Reason[] } {
  const used: NormalisedRating[] = [];
  const reasons: Reason[] = [];
  for (const r of latestRatings(ratings, asOf)) {
    const age = diffDays(r.ratedOn, asOf);
    const norm = normaliseRating(r, settings);
    if (age > settings.externalMaxAgeDays) {
      reasons.push({ code: 'CS_EXTERNAL_STALE', data: { agency: r.agency, ratedOn: r.ratedOn } });
    } else if (norm === null) {
      reasons.push({ code: 'CS_EXTERNAL_UNREADABLE', data: { agency: r.agency, value: r.value } });
    } else used.push(norm);
  }
  const overrides: Reason[] = used
    .filter((u) => u.isOverride)
    .map((u) => ({ code: 'CS_OVERRIDE_EXTERNAL', data: { agency: u.agency, value: u.value, ratedOn: u.ratedOn } }));
  if (used.length === 0) {
    const missing = { code: 'CS_PILLAR_MISSING_EXTERNAL', data: { ratings: ratings.length } };
    return { outcome: { ok: false, missing: { pillar: 'external', reason: missing } }, overrides };
  }
  const score = used.reduce((s, u) => s + u.score, 0) / used.length;
  for (const u of used) {
    const data = { agency: u.agency, value: u.value, score: Math.round(u.score), ratedOn: u.ratedOn };
    reasons.push({ code: 'CS_EXTERNAL_RATING', data, pillar: 'external', impact: Math.min(0, u.score - 70) });
  }
  const inputs = Object.fromEntries(used.map((u) => [u.agency, u.value]));
  return { outcome: { ok: true, result: { pillar: 'external', score, inputs, reasons } }, overrides };
}
