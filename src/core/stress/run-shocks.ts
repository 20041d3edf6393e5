import {
  BASE_SCENARIO,
  type ForecastInput,
  runForecastEngine,
  type ScenarioForecast,
  type ScenarioParams,
} from '../forecast/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { applyShock, type ShockedForecast } from './shocks.js';
import type { PeriodRef, Shock, ShockOutcome, StressInput } from './types.js';

/** The base forecast a stress run measures against: its closings and its buffer. */
export interface StressBase {
  readonly bufferMinor: number;
  readonly closingsMinor: readonly number[];
  readonly scenario: ScenarioForecast;
}

function runOne(input: ForecastInput, params: ScenarioParams): Result<ScenarioForecast> {
  const r = runForecastEngine({ ...input, trace: false }, [{ name: 'base', params }]);
  if (!r.ok) return r;
  const s = r.value.scenarios[0];
  return s ? ok(s) : fail('INVALID_ARGUMENT', { field: 'scenario' });
}

/**
 * The base forecast the product shows (the 'base' scenario of the same input), whose buffer every
 * shocked run keeps: a shock that cuts outflows must not lower the bar it is measured against.
 */
export function runStressBase(stress: StressInput): Result<StressBase> {
  const r = runForecastEngine({ ...stress.forecast, trace: false }, [{ name: 'base', params: BASE_SCENARIO }]);
  if (!r.ok) return r;
  const s = r.value.scenarios[0];
  if (!s) return fail('INVALID_ARGUMENT', { field: 'scenario' });
  return ok({ bufferMinor: r.value.bufferMinor, closingsMinor: s.periods.map((p) => p.closingMinor), scenario: s });
}

const refOf = (s: ScenarioForecast, index: number): PeriodRef => {
  const p = s.periods[index];
  return { index, startOn: p?.startOn ?? '', endOn: p?.endOn ?? '' };
};

/** The shocked input and scenario: the shocks applied one after the other to the base. */
export function shockForecast(stress: StressInput, shocks: readonly Shock[]): ShockedForecast {
  let s: ShockedForecast = { input: stress.forecast, params: BASE_SCENARIO, creditLossMinor: 0, defaulted: new Set() };
  for (const shock of shocks) s = applyShock(stress, s, shock);
  return s;
}

/**
 * What a set of shocks, applied together, does to the cash of the forecast the product shows
 * (DOMAIN 3.6 rule 1): minimum cash and its period, first period below zero and below the base
 * buffer, and the cash lost by the horizon's end.
 *
 * @example
 * const base = runStressBase(stress); // ok
 * runShocks(stress, base.value, [{ kind: 'top_default', count: 1 }]).value.minCashMinor
 */
export function runShocks(stress: StressInput, base: StressBase, shocks: readonly Shock[]): Result<ShockOutcome> {
  const shocked = shockForecast(stress, shocks);
  const input: ForecastInput = {
    ...shocked.input,
    settings: { ...shocked.input.settings, minCash: { mode: 'amount', amountMinor: base.bufferMinor } },
  };
  const run = runOne(input, shocked.params);
  if (!run.ok) return run;
  return ok(measure(run.value, base, shocked.creditLossMinor));
}

/** The outcome of one shocked run against the base. */
export function measure(s: ScenarioForecast, base: StressBase, creditLossMinor: number): ShockOutcome {
  const closings = s.periods.map((p) => p.closingMinor);
  let minIndex = 0;
  for (let i = 1; i < closings.length; i++) if ((closings[i] as number) < (closings[minIndex] as number)) minIndex = i;
  const negative = closings.findIndex((c) => c < 0);
  const breach = closings.findIndex((c) => c < base.bufferMinor);
  const last = closings.length - 1;
  return {
    minCashMinor: closings[minIndex] ?? 0,
    minPeriod: refOf(s, minIndex),
    firstNegative: negative < 0 ? null : refOf(s, negative),
    firstBreach: breach < 0 ? null : refOf(s, breach),
    lossMinor: (base.closingsMinor[last] ?? 0) - (closings[last] ?? 0),
    creditLossMinor,
    closingsMinor: closings,
  };
}
