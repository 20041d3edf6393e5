import { FxTable } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import { CN_PUBLIC_HOLIDAYS, createCalendar } from '../time/index.js';
import { runForecastEngine } from './engine.js';
import { builtInScenarios } from './scenarios.js';
import {
  DEFAULT_FORECAST_SETTINGS,
  type ForecastInput,
  type ForecastInvoice,
  type ForecastResult,
  type ScenarioForecast,
} from './types.js';

/** A forecast input with nothing in it but cash, for tests and benchmarks to fill in. */
export function emptyForecastInput(asOf: LocalDate, overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    asOf,
    baseCurrency: 'CNY',
    fx: new FxTable([]),
    weekStart: 1,
    granularity: 'week',
    periods: 13,
    calendar: createCalendar(CN_PUBLIC_HOLIDAYS),
    openingBalances: [{ accountId: 'a1', name: 'ICBC', currency: 'CNY', on: asOf, amountMinor: 1_000_000_00 }],
    invoices: [],
    bills: [],
    acceptanceBills: [],
    acceptorPd: new Map(),
    risk: new Map(),
    creditLines: [],
    recurringItems: [],
    oneOffItems: [],
    salesHistory: [],
    salesPlan: [],
    customers: [],
    payablesStretchDays: 0,
    trailing90PaymentsMinor: 0,
    settings: DEFAULT_FORECAST_SETTINGS,
    ...overrides,
  };
}

/** An open CNY invoice; `payment` null = no history. */
export function testInvoice(id: string, overrides: Partial<ForecastInvoice> = {}): ForecastInvoice {
  return {
    id,
    number: `INV-${id}`,
    customerId: 'C1',
    customerName: '华东精工',
    currency: 'CNY',
    openMinor: 100_000_00,
    issuedOn: '2026-01-05',
    dueOn: '2026-02-04',
    isDisputed: false,
    payment: null,
    ...overrides,
  };
}

/** Runs the three built-in scenarios and throws on a domain error (tests only). */
export function forecastOrThrow(input: ForecastInput): ForecastResult {
  const r = runForecastEngine(input, builtInScenarios());
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

export function scenarioOf(result: ForecastResult, name: string): ScenarioForecast {
  const s = result.scenarios.find((x) => x.scenario === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

/** Total of one line in each period. */
export function lineTotals(
  s: ScenarioForecast,
  key: string,
  direction: 'receipt' | 'disbursement' = 'receipt',
): number[] {
  return s.periods.map((p) => p.lines.find((l) => l.key === key && l.direction === direction)?.totalMinor ?? 0);
}
