import { insuredShare } from '../../core/credit/index.js';
import { DEFAULT_POLICY_TERMS } from '../../core/model/index.js';
import { ledgerToPaymentColumns } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import {
  type BreakingPoint,
  buildMonteCarloModel,
  delayHistory,
  foreignCurrencies,
  type MonteCarloSummary,
  type NamedShock,
  reverseStress,
  runShocks,
  runStressBase,
  type ShockOutcome,
  type StressCustomer,
  type StressInput,
  standardShocks,
} from '../../core/stress/index.js';
import { type LocalDate, toEpochDay } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadRiskBook, type RiskBook } from '../credit/risk-states.js';
import { loadForecastInput } from '../forecast/load-input.js';
import { runMonteCarloOnWorkers } from './monte-carlo.js';

/** Payment history the Monte Carlo bootstraps delays from: a year of settled invoices. */
const DELAY_LOOKBACK_DAYS = 365;

export interface RunStressOptions {
  readonly orgId: string;
  readonly asOf: LocalDate;
  /** Standard shock names to run; all of them when absent or empty. */
  readonly shocks?: readonly string[];
  /** Also solve for the breaking points (reverse stress). */
  readonly reverse?: boolean;
  /** Also run the Monte Carlo (DOMAIN 3.3): paths (default 10,000), seed, worker threads, a user-set ρ. */
  readonly monteCarlo?: {
    readonly paths?: number;
    readonly seed?: number;
    readonly workers?: number;
    readonly rho?: number;
  };
}

export const MONTE_CARLO_DEFAULTS = { paths: 10_000, seed: 20_260_101, workers: 1 } as const;

/** The Monte Carlo options checked, for every entrance alike (CLI, API). */
function monteCarloOptions(
  o: NonNullable<RunStressOptions['monteCarlo']>,
): Result<{ paths: number; seed: number; workers: number; rho?: number }> {
  const paths = o.paths ?? MONTE_CARLO_DEFAULTS.paths;
  const seed = o.seed ?? MONTE_CARLO_DEFAULTS.seed;
  const workers = o.workers ?? MONTE_CARLO_DEFAULTS.workers;
  const bad = (field: string, value: unknown, expected: string) =>
    fail('INVALID_ARGUMENT', { field, value: String(value), expected });
  if (!Number.isInteger(paths) || paths < 100 || paths > 1_000_000) return bad('paths', paths, '100-1000000');
  if (!Number.isSafeInteger(seed) || seed < 0) return bad('seed', seed, 'a whole number >= 0');
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) return bad('workers', workers, '1-16');
  if (o.rho !== undefined && !(o.rho > 0 && o.rho < 1)) return bad('rho', o.rho, 'between 0 and 1');
  return ok({ paths, seed, workers, ...(o.rho === undefined ? {} : { rho: o.rho }) });
}

export interface StressHorizon {
  readonly granularity: 'week' | 'month';
  readonly periods: number;
  readonly bufferMinor: number;
  /** The base forecast measured like a shock (no shock). */
  readonly base: ShockOutcome;
  readonly shocks: readonly { readonly name: string; readonly outcome: ShockOutcome }[];
  readonly breakingPoints: readonly BreakingPoint[] | null;
  readonly monteCarlo: MonteCarloSummary | null;
}

export interface StressReport {
  readonly asOf: LocalDate;
  readonly currency: string;
  /** Every standard shock name this organisation has (the currency shocks follow its currencies). */
  readonly available: readonly string[];
  /** 13 weeks, then 6 months. */
  readonly horizons: readonly StressHorizon[];
}

/** Each customer's exposure and insured share, read from its risk state. */
export function stressCustomers(risk: RiskBook, names: ReadonlyMap<string, string>): StressCustomer[] {
  return [...risk.states.values()].map((s) => ({
    customerId: s.customerId,
    name: names.get(s.customerId) ?? s.customerId,
    exposureMinor: s.exposure.openArMinor,
    insuredShare: insuredShare(s.cover, s.exposure.openArMinor),
    isDefaulted: s.treatment.receipts === 'recovery',
  }));
}

/** The stress input of one horizon: the forecast input the product shows, the customers, the settings. */
export async function loadStressInput(
  db: Db,
  options: { orgId: string; asOf: LocalDate; granularity: 'week' | 'month'; periods: number },
  risk?: RiskBook,
): Promise<Result<StressInput>> {
  const org = await getOrganisation(db, { orgId: options.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: options.orgId });
  const book = risk ? ok(risk) : await loadRiskBook(db, { orgId: org.id, asOf: options.asOf });
  if (!book.ok) return book;
  const forecast = await loadForecastInput(
    db,
    org,
    { asOf: options.asOf, granularity: options.granularity, periods: options.periods, trace: false },
    book.value,
  );
  if (!forecast.ok) return forecast;
  const names = new Map(book.value.scored.book.customers.map((c) => [c.id, c.name]));
  return ok({
    forecast: forecast.value,
    customers: stressCustomers(book.value, names),
    settings: {
      recoveryShare: book.value.settings.recoveryShare,
      recoveryLagDays: book.value.settings.recoveryLagDays,
      indemnityLagDays: DEFAULT_POLICY_TERMS.claimWaitingDays + DEFAULT_POLICY_TERMS.indemnityPaymentDays,
    },
  });
}

function pickShocks(all: readonly NamedShock[], names: readonly string[] | undefined): Result<NamedShock[]> {
  if (names === undefined || names.length === 0) return ok([...all]);
  const byName = new Map(all.map((s) => [s.name, s]));
  const out: NamedShock[] = [];
  for (const name of names) {
    const s = byName.get(name);
    if (!s) return fail('STRESS_UNKNOWN_SHOCK', { value: name, expected: all.map((x) => x.name).join(', ') });
    out.push(s);
  }
  return ok(out);
}

function runHorizon(stress: StressInput, options: RunStressOptions): Result<StressHorizon & { available: string[] }> {
  const currencies = foreignCurrencies(stress.forecast);
  const all = standardShocks(currencies);
  const picked = pickShocks(all, options.shocks);
  if (!picked.ok) return picked;
  const base = runStressBase(stress);
  if (!base.ok) return base;
  const none = runShocks(stress, base.value, []);
  if (!none.ok) return none;
  const shocks: { name: string; outcome: ShockOutcome }[] = [];
  for (const s of picked.value) {
    const r = runShocks(stress, base.value, s.shocks);
    if (!r.ok) return r;
    shocks.push({ name: s.name, outcome: r.value });
  }
  const reverse = options.reverse ? reverseStress(stress, base.value, currencies) : ok(null);
  if (!reverse.ok) return reverse;
  return ok({
    granularity: stress.forecast.granularity,
    periods: stress.forecast.periods,
    bufferMinor: base.value.bufferMinor,
    base: none.value,
    shocks,
    breakingPoints: reverse.value,
    monteCarlo: null,
    available: all.map((s) => s.name),
  });
}

/**
 * The standard stress tests of an organisation (issue 17, DOMAIN 3.1–3.2) on the forecast the
 * product shows, over 13 weeks and 6 months: what each shock does to cash, and (with `reverse`)
 * the breaking point of each driver.
 *
 * @example
 * const r = await runStress(db, { orgId, asOf: '2026-12-08', reverse: true });
 * if (r.ok) r.value.horizons[0].shocks[0]; // { name: 'top1_default', outcome: { minCashMinor, … } }
 */
export async function runStress(db: Db, options: RunStressOptions): Promise<Result<StressReport>> {
  const org = await getOrganisation(db, { orgId: options.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: options.orgId });
  const risk = await loadRiskBook(db, { orgId: org.id, asOf: options.asOf });
  if (!risk.ok) return risk;
  const mc = options.monteCarlo ? monteCarloOptions(options.monteCarlo) : ok(null);
  if (!mc.ok) return mc;
  const { book } = risk.value.scored;
  const history = mc.value
    ? delayHistory(ledgerToPaymentColumns(book.ledger), toEpochDay(options.asOf), DELAY_LOOKBACK_DAYS)
    : null;
  const horizons: StressHorizon[] = [];
  let available: string[] = [];
  for (const [granularity, periods] of [
    ['week', 13],
    ['month', 6],
  ] as const) {
    const stress = await loadStressInput(db, { orgId: org.id, asOf: options.asOf, granularity, periods }, risk.value);
    if (!stress.ok) return stress;
    const h = runHorizon(stress.value, options);
    if (!h.ok) return h;
    const { available: names, ...horizon } = h.value;
    available = names;
    let monteCarlo: MonteCarloSummary | null = null;
    if (mc.value && history) {
      const model = buildMonteCarloModel(
        stress.value,
        history,
        mc.value.rho === undefined ? {} : { rho: mc.value.rho },
      );
      if (!model.ok) return model;
      monteCarlo = await runMonteCarloOnWorkers(model.value, mc.value);
    }
    horizons.push({ ...horizon, monteCarlo });
  }
  return ok({ asOf: options.asOf, currency: org.baseCurrency, available, horizons });
}
