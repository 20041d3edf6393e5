import type { LegalEvent } from '../../model/index.js';
import { addDays, type LocalDate } from '../../time/index.js';
import type { ScoreOutcome } from './calibration.js';

/** The part of an invoice's history that says whether it went 90+ days past due. */
export interface PaymentOutcomeRecord {
  readonly customerId: string;
  readonly dueOn: LocalDate;
  readonly settledOn: LocalDate | null;
}

export interface OutcomeSettings {
  readonly defaultDaysPastDue: number;
  readonly horizonDays: number;
}

/**
 * Pairs each stored score at least `horizonDays` old with what happened next (DOMAIN 8.4 default
 * definition): default when, within (scoredOn, scoredOn + 365], an invoice reached 90 days past
 * due unpaid, or an insolvency was recorded. Newer scores are left out: their outcome is not known yet.
 *
 * @example
 * realisedOutcomes([{ customerId: 'C1', asOf: '2025-01-31', score: 55 }], records, events, '2026-03-01');
 */
export function realisedOutcomes(
  scores: readonly { customerId: string; asOf: LocalDate; score: number }[],
  records: readonly PaymentOutcomeRecord[],
  events: readonly LegalEvent[],
  asOf: LocalDate,
  settings: OutcomeSettings = { defaultDaysPastDue: 90, horizonDays: 365 },
): ScoreOutcome[] {
  const defaultDays = new Map<string, LocalDate[]>();
  const push = (customerId: string, on: LocalDate) => {
    const list = defaultDays.get(customerId);
    if (list) list.push(on);
    else defaultDays.set(customerId, [on]);
  };
  for (const r of records) {
    const trigger = addDays(r.dueOn, settings.defaultDaysPastDue);
    if (trigger <= asOf && (r.settledOn === null || r.settledOn > trigger)) push(r.customerId, trigger);
  }
  for (const e of events) if (e.type === 'insolvency' && e.occurredOn <= asOf) push(e.customerId, e.occurredOn);
  const out: ScoreOutcome[] = [];
  for (const s of scores) {
    const end = addDays(s.asOf, settings.horizonDays);
    if (end > asOf) continue;
    const days = defaultDays.get(s.customerId) ?? [];
    out.push({ score: s.score, isDefault: days.some((d) => d > s.asOf && d <= end) });
  }
  return out;
}
