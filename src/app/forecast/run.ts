import {
  type ActualWeek,
  builtInScenarios,
  computeAccuracy,
  type ForecastResult,
  type HorizonAccuracy,
  runForecastEngine,
  SCENARIO_ORDER,
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
  loadSnapshots,
} from '../../db/stores/forecast.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import {
  appendSavedScenarios,
  getSavedScenario,
  type SavedScenario,
  type SavedScenarioInfo,
} from '../scenarios/index.js';
import { loadStressInput } from '../stress/run.js';
import { baseAmountOf } from './ledger-facts.js';

export interface RunForecastOptions {
  readonly orgId: string;
  readonly asOf: LocalDate;
  readonly granularity: 'week' | 'month';
  /** Weeks (default 13) or months (default 6, 3–12). */
  readonly periods?: number;
  /**
   * One built-in scenario by name (only it is returned), or a saved one by name or id (returned
   * after the three built-ins); all three built-ins when absent.
   */
  readonly scenario?: string;
  /** Saved scenarios (names or ids) to run beside the three built-ins. */
  readonly compare?: readonly string[];
  readonly trace?: boolean;
}

/** A forecast with the saved scenarios it was asked to compare, their assumptions beside them. */
export type ForecastWithSaved = ForecastResult & { readonly saved: readonly SavedScenarioInfo[] };

/** The saved scenarios asked for, by name or id; SCENARIO_NOT_FOUND lists the names saved. */
async function pickSaved(db: Db, orgId: string, names: readonly string[]): Promise<Result<SavedScenario[]>> {
  const out: SavedScenario[] = [];
  for (const name of names) {
    const s = await getSavedScenario(db, { orgId, idOrName: name });
    if (!s.ok) {
      const saved = s.error.details.expected === '—' ? [] : [s.error.details.expected];
      return fail('FORECAST_SCENARIO_NOT_FOUND', { value: name, expected: [...SCENARIO_ORDER, ...saved].join(', ') });
    }
    if (!out.some((x) => x.id === s.value.id)) out.push(s.value);
  }
  return ok(out);
}

/**
 * The cash forecast of an organisation (issue 5): weekly or monthly, three scenarios side by side
 * (or the built-in one named), every line traceable to its invoices, bills and recurring items.
 * Saved scenarios (`compare`, or `scenario` naming one) run beside the three on the same inputs,
 * each titled by its name and with its assumptions (docs/adr/0025).
 *
 * @example
 * const r = await runForecast(db, { orgId, asOf: '2026-03-04', granularity: 'week', compare: ['Hard winter'] });
 */
export async function runForecast(db: Db, options: RunForecastOptions): Promise<Result<ForecastWithSaved>> {
  const org = await getOrganisation(db, { orgId: options.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: options.orgId });
  const builtIn = options.scenario === undefined || SCENARIO_ORDER.some((n) => n === options.scenario);
  const savedNames = [
    ...(builtIn || options.scenario === undefined ? [] : [options.scenario]),
    ...(options.compare ?? []),
  ];
  const saved = await pickSaved(db, org.id, savedNames);
  if (!saved.ok) return saved;
  const periods = options.periods ?? (options.granularity === 'week' ? 13 : 6);
  const load = { orgId: org.id, asOf: options.asOf, granularity: options.granularity, periods };
  const stress = await loadStressInput(db, load);
  if (!stress.ok) return stress;
  const input = { ...stress.value.forecast, trace: options.trace ?? true };
  const result = runForecastEngine(input, builtInScenarios());
  if (!result.ok) return result;
  const names = new Map(stress.value.customers.map((c) => [c.customerId, c.name]));
  const extra = appendSavedScenarios({ ...stress.value, forecast: input }, result.value, saved.value, names);
  if (!extra.ok) return extra;
  const shown =
    options.scenario !== undefined && builtIn
      ? result.value.scenarios.filter((s) => s.scenario === options.scenario)
      : result.value.scenarios;
  return ok({ ...result.value, scenarios: [...shown, ...extra.value.scenarios], saved: extra.value.saved });
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
