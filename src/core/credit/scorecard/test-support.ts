import type { LegalEvent, LegalEventType } from '../../model/index.js';
import type { ScorecardInput } from './scorecard.js';

/** A legal event for tests. */
export function legalEvent(type: LegalEventType, occurredOn: string, extra: Partial<LegalEvent> = {}): LegalEvent {
  return {
    id: `${type}-${occurredOn}`,
    customerId: 'C1',
    type,
    occurredOn,
    amountMinor: null,
    currency: null,
    source: null,
    description: null,
    resolvedOn: null,
    ...extra,
  };
}

/** A customer paying on time, with a clean recorded legal check and nothing else: payment 80, legal 100, industry 60. */
export function cleanInput(extra: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    customerId: 'C1',
    industry: 'wholesale',
    country: 'CN',
    payment: {
      dbtCount: 20,
      weightedDbt: 0,
      shrunkWeightedDbt: 0,
      onTimeShare: 1,
      trend: { recentDbt: 0, recentCount: 5, priorDbt: 0, priorCount: 15, change: 0 },
    },
    ratings: [],
    financials: { statement: null, distress: null },
    legal: { events: [], checkedOn: '2026-06-01' },
    insurerLimitCancelledOn: null,
    ...extra,
  };
}
