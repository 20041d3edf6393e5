import { BASE_SCENARIO, type ForecastResult, runForecastEngine } from '../../core/forecast/index.js';
import {
  type CurrencyExposureWeeks,
  type CurrencyFlow,
  computeExposureByWeek,
  computeFxExposure,
  type FxExposure,
  type FxForward,
  isForwardOutstanding,
} from '../../core/fx/index.js';
import { minorUnits, roundWith } from '../../core/money/index.js';
import { computeOpenBills } from '../../core/position/index.js';
import { computeOpenItems } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadFxOptions } from '../../db/stores/letters-of-credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadPayablesLedger } from '../../db/stores/receivables.js';
import { loadRiskBook } from '../credit/risk-states.js';
import { loadForecastInput } from '../forecast/load-input.js';
import { readFxSettings } from './settings.js';

export interface FxReport {
  readonly exposure: FxExposure;
  /** Net exposure per currency for each week of the base scenario's 13-week forecast. */
  readonly byWeek: readonly CurrencyExposureWeeks[];
  /** Forwards outstanding on the as-of date. */
  readonly forwards: readonly FxForward[];
}

/** Forecast source kinds already in today's exposure (open receivables, open bills) or added by the forwards themselves. */
const COUNTED = new Set(['invoice', 'bill', 'fx_forward']);

/**
 * The base scenario's flows in foreign currencies that today's exposure does not hold yet, each
 * back in its own currency at the as-of rate the forecast converted it with.
 */
function foreignFlows(forecast: ForecastResult, rates: ReadonlyMap<string, number>): CurrencyFlow[] {
  const base = forecast.scenarios.find((s) => s.scenario === 'base');
  const out: CurrencyFlow[] = [];
  for (const period of base?.periods ?? []) {
    for (const line of period.lines) {
      for (const s of line.sources) {
        const rate = rates.get(s.currency);
        if (s.currency === forecast.currency || COUNTED.has(s.kind) || rate === undefined) continue;
        const factor = rate * 10 ** (minorUnits(forecast.currency) - minorUnits(s.currency));
        const amount = roundWith(s.amountMinor / factor, 'halfEven');
        out.push({
          on: s.placedOn,
          currency: s.currency,
          amountMinor: line.direction === 'receipt' ? amount : -amount,
        });
      }
    }
  }
  return out;
}

/**
 * The currency report (`cashguard fx`, `GET /api/v1/reports/fx`): today's exposure per currency
 * with revaluation, shock and hedge need, and the net exposure week by week over the forecast's
 * 13 weeks. Reads open receivables, open bills, balances and forwards where they already live.
 *
 * @example
 * const r = await getFxReport(db, { orgId: 'demo', asOf: '2026-12-07', shockPct: 5 });
 */
export async function getFxReport(
  db: Db,
  params: { orgId: string; asOf: LocalDate; shockPct?: number },
): Promise<Result<FxReport>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const settings = readFxSettings(org);
  if (!settings.ok) return settings;
  const [book, payables, options] = await Promise.all([
    loadRiskBook(db, { orgId: org.id, asOf: params.asOf }),
    loadPayablesLedger(db, { orgId: org.id }),
    loadFxOptions(db, { orgId: org.id, from: params.asOf }),
  ]);
  if (!book.ok) return book;
  const input = await loadForecastInput(
    db,
    org,
    { asOf: params.asOf, granularity: 'week', periods: 13, trace: true },
    book.value,
  );
  if (!input.ok) return input;
  const forecast = runForecastEngine(input.value, [{ name: 'base', params: BASE_SCENARIO }]);
  if (!forecast.ok) return forecast;
  const forwards = input.value.forwards ?? [];
  const exposure = computeFxExposure({
    asOf: params.asOf,
    baseCurrency: org.baseCurrency,
    fx: input.value.fx,
    balances: input.value.openingBalances,
    openInvoices: computeOpenItems(book.value.scored.book.ledger, params.asOf),
    openBills: computeOpenBills(payables, params.asOf),
    forwards,
    options,
    shockPct: params.shockPct ?? settings.value.shockPct,
    limits: settings.value.limits,
  });
  const rates = new Map(exposure.currencies.map((c) => [c.currency, c.rate]));
  const byWeek = computeExposureByWeek(exposure, {
    weeks: (forecast.value.scenarios[0]?.periods ?? []).map((p) => ({ startOn: p.startOn, endOn: p.endOn })),
    flows: foreignFlows(forecast.value, rates),
    forwards,
    limits: settings.value.limits,
  });
  return ok({ exposure, byWeek, forwards: forwards.filter((f) => isForwardOutstanding(f, params.asOf)) });
}
