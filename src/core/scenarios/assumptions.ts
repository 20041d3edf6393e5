import type { ScenarioDefinition, ScenarioElement } from './definition.js';

/**
 * One assumption of a scenario, as a catalogue key ('SCENARIO_ASSUMPTION_<kind>') and the values
 * its sentence reads. Amounts stay in minor units here; the caller formats them in its language.
 */
export interface Assumption {
  readonly key: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** Amounts in `data` (by field) to format as money of the base currency. */
  readonly money?: readonly string[];
}

function elementAssumption(e: ScenarioElement, nameOf: (id: string) => string): Assumption {
  switch (e.kind) {
    case 'customer_default':
      return { key: 'SCENARIO_ASSUMPTION_customer_default', data: { customer: nameOf(e.customerId), on: e.on } };
    case 'payment_delay':
      return e.customerIds
        ? {
            key: 'SCENARIO_ASSUMPTION_payment_delay_some',
            data: { days: e.days, customers: e.customerIds.map(nameOf).join(', ') },
          }
        : { key: 'SCENARIO_ASSUMPTION_payment_delay_all', data: { days: e.days } };
    case 'sales_drop':
      return { key: 'SCENARIO_ASSUMPTION_sales_drop', data: { percent: e.percent, fromMonth: e.fromMonth } };
    case 'credit_line_not_renewed':
      return { key: 'SCENARIO_ASSUMPTION_credit_line_not_renewed', data: {} };
    case 'new_loan': {
      const repaid = e.repayments.reduce((s, r) => s + r.amountMinor, 0);
      return {
        key: e.repayments.length > 0 ? 'SCENARIO_ASSUMPTION_new_loan' : 'SCENARIO_ASSUMPTION_new_loan_unpaid',
        data: {
          amount: e.amountMinor,
          on: e.on,
          count: e.repayments.length,
          repaid,
          first: e.repayments[0]?.on ?? '',
          last: e.repayments.at(-1)?.on ?? '',
        },
        money: ['amount', 'repaid'],
      };
    }
    case 'large_purchase':
      return {
        key: e.label ? 'SCENARIO_ASSUMPTION_large_purchase_named' : 'SCENARIO_ASSUMPTION_large_purchase',
        data: { amount: e.amountMinor, on: e.on, label: e.label ?? '' },
        money: ['amount'],
      };
    case 'fx_shift':
      return {
        key: e.percent < 0 ? 'SCENARIO_ASSUMPTION_fx_down' : 'SCENARIO_ASSUMPTION_fx_up',
        data: { currency: e.currency, percent: Math.abs(e.percent) },
      };
  }
}

const pct = (x: number) => Math.round(x * 10_000) / 100;

/** The overrides of a row written before elements, each in words where it has a sentence. */
function overrideAssumptions(overrides: Readonly<Record<string, unknown>>): Assumption[] {
  const out: Assumption[] = [];
  for (const [field, value] of Object.entries(overrides)) {
    if (field === 'fxShift' && typeof value === 'number' && value !== 0)
      out.push({
        key: value < 0 ? 'SCENARIO_ASSUMPTION_fx_all_down' : 'SCENARIO_ASSUMPTION_fx_all_up',
        data: { percent: Math.abs(pct(value)) },
      });
    else if (field === 'salesFactor' && typeof value === 'number')
      out.push({ key: 'SCENARIO_ASSUMPTION_sales_factor', data: { percent: pct(value - 1) } });
    else out.push({ key: 'SCENARIO_ASSUMPTION_parameter', data: { field, value: String(value) } });
  }
  return out;
}

/**
 * A scenario's assumptions in words, one per element, in the order written (then the overrides
 * of an older row). `nameOf` gives a customer's name for its id.
 *
 * @example
 * describeScenario({ name: 'x', elements: [{ kind: 'payment_delay', days: 30 }] }, (id) => id)
 * // [{ key: 'SCENARIO_ASSUMPTION_payment_delay_all', data: { days: 30 } }]
 */
export function describeScenario(def: ScenarioDefinition, nameOf: (id: string) => string): Assumption[] {
  const out = def.elements.map((e) => elementAssumption(e, nameOf));
  if (def.overrides) out.push(...overrideAssumptions(def.overrides));
  if (out.length === 0) out.push({ key: 'SCENARIO_ASSUMPTION_none', data: {} });
  return out;
}
