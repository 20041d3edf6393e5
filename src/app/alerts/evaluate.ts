import {
  type Alert,
  type AlertSettings,
  type CustomerFacts,
  evaluateAlerts,
  type ForecastFacts,
  type OverdueLine,
  resolveAlertSettings,
} from '../../core/alerts/index.js';
import type { ForecastResult } from '../../core/forecast/index.js';
import type { Organisation } from '../../core/model/index.js';
import { isOverdue, latenessLikelihood } from '../../core/receivables/index.js';
import { groupBy, ok, type Result } from '../../core/shared/index.js';
import { diffDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadAcceptanceBills } from '../../db/stores/acceptance.js';
import { loadRiskBook, type RiskBook, reviewsOfBook, toBase } from '../credit/index.js';
import { runForecast } from '../forecast/index.js';
import { getMetrics } from '../receivables/get-metrics.js';

/** The organisation's 'alerts' settings over the defaults. */
export function alertSettings(org: Organisation): Result<AlertSettings> {
  const s = org.settings.alerts;
  return resolveAlertSettings(typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : {});
}

/** The forecast's own verdicts, per scenario (first breach and first week below zero with their closing cash). */
export function forecastFacts(f: ForecastResult): ForecastFacts {
  const at = (
    periods: ForecastResult['scenarios'][number]['periods'],
    w: { index: number; startOn: string; endOn: string } | null,
  ) => (w === null ? null : { startOn: w.startOn, endOn: w.endOn, closingMinor: periods[w.index]?.closingMinor ?? 0 });
  return {
    asOf: f.asOf,
    bufferMinor: f.bufferMinor,
    isBelowBufferAtStart: f.isBelowBufferAtStart,
    scenarios: f.scenarios.map((s) => ({
      scenario: s.scenario,
      firstBreach: at(s.periods, s.firstBreach),
      firstNegative: at(s.periods, s.firstNegative),
      runwayWeeks: s.runwayWeeks,
      runwayHorizonWeeks: s.runwayHorizonWeeks,
    })),
  };
}

/** Each customer's facts: its risk state, its review, and its overdue lines in the base currency. */
function customerFacts(risk: RiskBook): CustomerFacts[] {
  const { book } = risk.scored;
  const conv = toBase(book, risk.asOf);
  const reviews = new Map(reviewsOfBook(risk.scored, risk.asOf).map((r) => [r.customerId, r]));
  const items = groupBy(
    risk.openItems.filter((i) => i.openMinor > 0 && isOverdue(i.dueOn, risk.asOf)),
    (i) => i.customerId,
  );
  const broken = groupBy(risk.commitments.brokenPromises, (p) => p.customerId);
  return book.customers.flatMap((c) => {
    const state = risk.states.get(c.id);
    if (!state) return [];
    const overdue: OverdueLine[] = (items.get(c.id) ?? []).map((i) => ({
      invoiceId: i.invoiceId,
      number: i.number,
      dueOn: i.dueOn,
      daysLate: diffDays(i.dueOn, risk.asOf),
      openMinor: conv(i.openMinor, i.currency) ?? i.openMinor,
      isDisputed: i.isDisputed,
    }));
    const brokenPromises = broken.get(c.id) ?? [];
    return [
      {
        customerId: c.id,
        code: c.code,
        name: c.name,
        state,
        review: reviews.get(c.id) ?? null,
        overdue,
        ...(brokenPromises.length > 0 ? { brokenPromises } : {}),
      },
    ];
  });
}

/**
 * Every rule of the catalogue over one organisation as of `asOf`, read from where each figure
 * lives: the risk book (risk states, reviews, open items, the behaviour model's delays), the
 * forecast (base, optimistic, pessimistic), the metrics thresholds and the acceptance bills.
 * Nothing is stored.
 *
 * @example
 * const r = await evaluateOrganisation(db, org, '2026-12-08');
 * if (r.ok) r.value.alerts[0]; // { rule: 'insolvency', level: 'critical', … }
 */
export async function evaluateOrganisation(
  db: Db,
  org: Organisation,
  asOf: LocalDate,
): Promise<Result<{ alerts: Alert[]; settings: AlertSettings; currency: string }>> {
  const settings = alertSettings(org);
  if (!settings.ok) return settings;
  const [risk, forecast, metrics, bills] = await Promise.all([
    loadRiskBook(db, { orgId: org.id, asOf }),
    runForecast(db, { orgId: org.id, asOf, granularity: 'week' }),
    getMetrics(db, { orgId: org.id, asOf }),
    loadAcceptanceBills(db, { orgId: org.id }),
  ]);
  if (!risk.ok) return risk;
  if (!forecast.ok) return forecast;
  if (!metrics.ok) return metrics;
  const alerts = evaluateAlerts(
    {
      asOf,
      currency: org.baseCurrency,
      customers: customerFacts(risk.value),
      lateness: latenessLikelihood(risk.value.scored.behaviour.model),
      forecast: forecastFacts(forecast.value),
      findings: metrics.value.findings,
      bills,
    },
    settings.value,
  );
  return ok({ alerts, settings: settings.value, currency: org.baseCurrency });
}
