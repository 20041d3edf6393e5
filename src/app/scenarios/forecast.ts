import type { ForecastResult, ScenarioForecast } from '../../core/forecast/index.js';
import { runForecastEngine } from '../../core/forecast/index.js';
import { type Assumption, applyScenario, describeScenario } from '../../core/scenarios/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { StressInput } from '../../core/stress/index.js';
import type { SavedScenario } from './saved.js';

/** A saved scenario beside the built-ins: its id, its name (its title) and its assumptions. */
export interface SavedScenarioInfo {
  readonly id: string;
  readonly name: string;
  readonly assumptions: readonly Assumption[];
}

/**
 * Runs saved scenarios on the inputs of a forecast already run (`result`) and appends them: each is
 * the stress input with its elements applied (src/core/scenarios), measured against the base's
 * buffer so the comparison uses one bar. Opening cash may differ (an FX shift revalues it).
 */
export function appendSavedScenarios(
  stress: StressInput,
  result: ForecastResult,
  scenarios: readonly SavedScenario[],
  names: ReadonlyMap<string, string>,
): Result<{ scenarios: ScenarioForecast[]; saved: SavedScenarioInfo[] }> {
  const out: ScenarioForecast[] = [];
  const saved: SavedScenarioInfo[] = [];
  for (const s of scenarios) {
    const applied = applyScenario(stress, s.definition);
    if (!applied.ok) return applied;
    const input = {
      ...applied.value.input,
      settings: {
        ...applied.value.input.settings,
        minCash: { mode: 'amount' as const, amountMinor: result.bufferMinor },
      },
    };
    const r = runForecastEngine(input, [{ name: s.name, params: applied.value.params }]);
    if (!r.ok) return r;
    out.push(...r.value.scenarios);
    saved.push({ id: s.id, name: s.name, assumptions: describeScenario(s.definition, (id) => names.get(id) ?? id) });
  }
  return ok({ scenarios: out, saved });
}
