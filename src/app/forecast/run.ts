import {
  type ActualWeek,
  builtInScenarios,
  computeAccuracy,
  type ForecastResult,
  type HorizonAccuracy,
  type NamedScenario,
  resolveScenario,
  runForecastEngine,
  type SnapshotPayload,
  snapshotPayload,
} from '../../core/forecast/index.js';
import { FxTable } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { addDays, type LocalDate, startOfWeek } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import {
  insertSnapshotOnce,
  loadActualCashByDay,
  loadForecastTreasury,
  loadScenarioOverrides,
  loadSnapshots,
} from '../../db/stores/forecast.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { baseAmountOf } from './ledger-facts.js';
import { loadForecastInput } from './load-input.js';

export interface RunForecastOptions {
  readonly orgId: string;
  readonly asOf: LocalDate;
  readonly granularity: 'week' | 'month';
  /** Weeks (default 13) or months (default 6, 3–12). */
  readonly periods?: number;
  /** One scenario by name (a built-in or a stored one); all three built-ins when absent. */
  readonly scenario?: string;
  readonly trace?: boolean;
}

/** The scenarios to run: built-ins, or [base, named] so the buffer is always the base's. */
async function pickScenarios(db: Db, orgId: string, name: string | undefined): Promise<Result<NamedScenario[]>> {
  const builtIns = builtInScenarios();
  if (name === undefined) return ok(builtIns);
  const base = builtIns[1] as NamedScenario;
  const builtIn = builtIns.find((s) => s.name === name);
  if (builtIn) return ok(builtIn.name === 'base' ? [base] : [base, builtIn]);
  const stored = (await loadScenarioOverrides(db, { orgId })).find((s) => s.name === name);
  if (!stored)
    return fail('FORECAST_SCENARIO_NOT_FOUND', { value: name, expected: builtIns.map((s) => s.name).join(', ') });
  const params = resolveScenario(stored.params);
  return params.ok ? ok([base, { name, params: params.value }]) : params;
}

/**
 * The cash forecast of an organisation (issue 5): weekly or monthly, three scenarios side by side
 * (or the one named), every line traceable to its invoices, bills and recurring items.
 *
 * @example
 * const r = await runForecast(db, { orgId, asOf: '2026-03-04', granularity: 'week' });
 */
export async function runForecast(db: Db, options: RunForecastOptions): Promise<Result<ForecastResult>> {
  const org = await getOrganisation(db, { orgId: options.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: options.orgId });
  const scenarios = await pickScenarios(db, org.id, options.scenario);
  if (!scenarios.ok) return scenarios;
  const periods = options.periods ?? (options.granularity === 'week' ? 13 : 6);
  const input = await loadForecastInput(db, org, {
    asOf: options.asOf,
    granularity: options.granularity,
    periods,
    ...(options.trace === undefined ? {} : { trace: options.trace }),
  });
  if (!input.ok) return input;
  const result = runForecastEngine(input.value, scenarios.value);
  if (!result.ok || options.scenario === undefined) return result;
  return ok({ ...result.value, scenarios: result.value.scenarios.filter((s) => s.scenario === options.scenario) });
}

/**
 * Freezes the weekly forecast of every scenario in `result` (DOMAIN 2.5 rule 8): one snapshot per
 * organisation, scenario and as-of week; freezing again in the same week keeps the first.
 * Returns the scenarios newly frozen.
 */
export async function freezeForecast(
  db: Db,
  orgId: string,
  result: ForecastResult,
  createdAt: string,
): Promise<string[]> {
  const frozen: string[] = [];
  const week = startOfWeek(result.asOf, result.weekStart);
  for (const s of result.scenarios) {
    const payload = snapshotPayload(result, s.scenario);
    if (!payload) continue;
    const id = `${orgId}:${s.scenario}:${result.granularity}:${week}`;
    const stored = await insertSnapshotOnce(db, {
      orgId,
      id,
      scenario: s.scenario,
      granularity: result.granularity,
      asOf: result.asOf,
      createdAt,
      payload: JSON.stringify(payload),
    });
    if (stored) frozen.push(s.scenario);
  }
  return frozen;
}

/**
 * Accuracy of the frozen weekly forecasts of one scenario against actual receipts and payments,
 * per horizon (1, 2, 4, 8, 13 weeks ahead), for weeks that ended on or before `asOf`.
 */
export async function forecastAccuracy(
  db: Db,
  options: { orgId: string; asOf: LocalDate; scenario?: string },
): Promise<Result<{ horizons: HorizonAccuracy[]; snapshots: number }>> {
  const org = await getOrganisation(db, { orgId: options.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: options.orgId });
  const rows = await loadSnapshots(db, { orgId: org.id, scenario: options.scenario ?? 'base', granularity: 'week' });
  const snapshots = rows.map((r) => JSON.parse(r.payload) as SnapshotPayload).filter((s) => s.asOf <= options.asOf);
  const first = snapshots[0]?.periods[0]?.startOn;
  if (!first) return ok({ horizons: computeAccuracy([], []), snapshots: 0 });
  const [cash, treasury] = await Promise.all([
    loadActualCashByDay(db, { orgId: org.id, from: first, to: options.asOf }),
    loadForecastTreasury(db, { orgId: org.id, asOf: options.asOf }),
  ]);
  const toBase = baseAmountOf(new FxTable(treasury.fxRates), org.baseCurrency, options.asOf);
  const weeks = new Map<string, { receiptsMinor: number; disbursementsMinor: number }>();
  const add = (on: string, field: 'receiptsMinor' | 'disbursementsMinor', amount: number) => {
    const key = startOfWeek(on, org.weekStart);
    const w = weeks.get(key) ?? { receiptsMinor: 0, disbursementsMinor: 0 };
    w[field] += amount;
    weeks.set(key, w);
  };
  for (const r of cash.receipts) add(r.on, 'receiptsMinor', toBase(r.amountMinor, r.currency));
  for (const p of cash.payments) add(p.on, 'disbursementsMinor', toBase(p.amountMinor, p.currency));
  // Every complete week from the first snapshot on: a week with no receipts is an actual of 0.
  const actuals: ActualWeek[] = [];
  for (let start = startOfWeek(first, org.weekStart); addDays(start, 6) <= options.asOf; start = addDays(start, 7)) {
    actuals.push({ startOn: start, ...(weeks.get(start) ?? { receiptsMinor: 0, disbursementsMinor: 0 }) });
  }
  return ok({ horizons: computeAccuracy(snapshots, actuals), snapshots: snapshots.length });
}
