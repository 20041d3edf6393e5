import { BASE_SCENARIO, type OneOffItem, resolveScenario, type ScenarioParams } from '../forecast/index.js';
import { ok, type Result } from '../shared/index.js';
import {
  foreignCurrencies,
  type Shock,
  type ShockedForecast,
  type StressInput,
  shockForecast,
} from '../stress/index.js';
import type { ScenarioDefinition, ScenarioElement } from './definition.js';

/** Notice a line without a renewal date gets: the standard credit-line shock's (DOMAIN 3.1). */
const LINE_NOTICE_DAYS = 30;

/** The stress shock an element is, or null for the planned flows (a loan, a purchase). */
function shockOf(e: ScenarioElement): Shock | null {
  switch (e.kind) {
    case 'customer_default':
      return { kind: 'default', customerIds: [e.customerId], on: e.on };
    case 'payment_delay':
      return { kind: 'delay', days: e.days, ...(e.customerIds ? { customerIds: e.customerIds } : {}) };
    case 'sales_drop':
      // Variable costs follow sales in full, as in the standard sales shock.
      return { kind: 'sales_drop', share: e.percent / 100, variableShare: 1, fromMonth: e.fromMonth };
    case 'credit_line_not_renewed':
      return { kind: 'credit_line_withdrawn', noticeDays: LINE_NOTICE_DAYS };
    case 'fx_shift':
      return { kind: 'fx', currency: e.currency, change: e.percent / 100 };
    case 'new_loan':
    case 'large_purchase':
      return null;
  }
}

/** The planned one-off flows of the loan and purchase elements (base currency). */
function plannedFlows(elements: readonly ScenarioElement[], currency: string): OneOffItem[] {
  const out: OneOffItem[] = [];
  elements.forEach((e, i) => {
    if (e.kind === 'new_loan') {
      out.push({
        id: `scenario:${i}:loan`,
        name: 'loan',
        direction: 'inflow',
        currency,
        amountMinor: e.amountMinor,
        on: e.on,
      });
      for (const [k, r] of e.repayments.entries())
        out.push({
          id: `scenario:${i}:repayment:${k + 1}`,
          name: 'loan repayment',
          direction: 'outflow',
          currency,
          amountMinor: r.amountMinor,
          on: r.on,
        });
    }
    if (e.kind === 'large_purchase')
      out.push({
        id: `scenario:${i}:purchase`,
        name: e.label ?? 'purchase',
        direction: 'outflow',
        currency,
        amountMinor: e.amountMinor,
        on: e.on,
      });
  });
  return out;
}

/**
 * The shocks a scenario stands for: its elements', then, for a row written as forecast overrides,
 * its `fxShift` as a currency shock on every foreign currency of the forecast, so the shift
 * revalues foreign-currency cash, receivables and payables alike (the stress FX shock), not only
 * the flows.
 */
export function scenarioShocks(def: ScenarioDefinition, stress: StressInput): Shock[] {
  const shocks = def.elements.map(shockOf).filter((s): s is Shock => s !== null);
  const shift = def.overrides?.fxShift;
  if (typeof shift === 'number' && Number.isFinite(shift) && shift !== 0 && shift > -1)
    for (const currency of foreignCurrencies(stress.forecast)) shocks.push({ kind: 'fx', currency, change: shift });
  return shocks;
}

/**
 * Applies a user's scenario to the forecast inputs (pure): the stress shocks its elements stand
 * for, one after the other (src/core/stress), then its planned loan and purchase flows; a row
 * written as overrides has them laid over the base parameters (its FX shift as a shock, above).
 *
 * @example
 * const r = applyScenario(stress, { name: 'Late book', elements: [{ kind: 'payment_delay', days: 30 }] });
 * if (r.ok) runForecastEngine(r.value.input, [{ name: 'Late book', params: r.value.params }]);
 */
export function applyScenario(stress: StressInput, def: ScenarioDefinition): Result<ShockedForecast> {
  const params = resolveScenario({ ...(def.overrides ?? {}), fxShift: 0 }, BASE_SCENARIO);
  if (!params.ok) return params;
  const shocked = shockForecast(stress, scenarioShocks(def, stress));
  const flows = plannedFlows(def.elements, stress.forecast.baseCurrency);
  const overridden = { ...shocked.params, ...paramsChangedBy(params.value) };
  return ok({
    ...shocked,
    params: overridden,
    input: { ...shocked.input, oneOffItems: [...shocked.input.oneOffItems, ...flows] },
  });
}

/** The parameters an override row changes from the base (only those, so shocks keep theirs). */
function paramsChangedBy(p: ScenarioParams): Partial<ScenarioParams> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p))
    if ((BASE_SCENARIO as unknown as Record<string, unknown>)[k] !== v) out[k] = v;
  return out;
}
