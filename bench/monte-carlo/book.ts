// The generated book of the Monte Carlo benchmark (issue 17): 5,000 open invoices over 300
// customers with PDs of 0.2–10 % and 0–40 past delays each, on the hand-built company's 13 weeks.
// Seeded: the same book on every run.
import type { ForecastCustomerRisk } from '../../src/core/forecast/index.js';
import { testInvoice } from '../../src/core/forecast/testing.js';
import { createRng } from '../../src/core/shared/random.js';
import { buildMonteCarloModel, type MonteCarloModel } from '../../src/core/stress/index.js';
import { handBuiltCompany } from '../../src/core/stress/testing.js';
import { addDays } from '../../src/core/time/index.js';

export const PATHS = 10_000;
export const INVOICES = 5_000;
export const CUSTOMERS = 300;

export function syntheticModel(): MonteCarloModel {
  const rng = createRng(17);
  const base = handBuiltCompany();
  const asOf = base.forecast.asOf;
  const invoices = Array.from({ length: INVOICES }, (_, i) => {
    const c = rng.int(0, CUSTOMERS - 1);
    return testInvoice(`i${i}`, {
      customerId: `c${c}`,
      customerName: `客户${c}`,
      openMinor: rng.int(1_000_00, 200_000_00),
      dueOn: addDays(asOf, rng.int(-40, 80)),
    });
  });
  const risk = new Map<string, ForecastCustomerRisk>();
  const history = new Map<string, number[]>();
  for (let c = 0; c < CUSTOMERS; c++) {
    const pd = rng.uniform(0.002, 0.1);
    risk.set(`c${c}`, {
      status: 'normal',
      pd,
      pdLow: pd / 2,
      pdHigh: pd * 2,
      lgd: 0.8,
      recovery: null,
      newSales: true,
    });
    history.set(
      `c${c}`,
      Array.from({ length: rng.int(0, 40) }, () => rng.int(-10, 90)),
    );
  }
  const m = buildMonteCarloModel({ ...base, forecast: { ...base.forecast, invoices, risk } }, { byCustomer: history });
  if (!m.ok) throw new Error(m.error.code);
  return m.value;
}
