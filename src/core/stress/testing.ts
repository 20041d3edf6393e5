import { emptyForecastInput, testInvoice } from '../forecast/testing.js';
import type { ForecastBill, ForecastInput } from '../forecast/types.js';
import { CN_PUBLIC_HOLIDAYS, createCalendar } from '../time/index.js';
import type { StressInput } from './types.js';

/**
 * A hand-built company for the stress tests, with answers worked out by hand (amounts in yuan):
 * as of Monday 2026-03-02, cash 500,000; 宏达 owes 500,000 due Wed 03-18 (week 3) and 远洋 200,000
 * due Wed 04-01 (week 5), both paid on the due date; a 300,000 bill due Wed 03-25 (week 4); a
 * 150,000 tax payment on Wed 04-29 (week 9); minimum cash 200,000. No holidays, so only weekends move
 * receipts. Base closings: weeks 1–2 500,000, week 3 1,000,000, week 4 700,000, weeks 5–8 900,000,
 * weeks 9–13 750,000.
 */
export function handBuiltCompany(overrides: Partial<ForecastInput> = {}): StressInput {
  const yuan = (x: number) => x * 100;
  const bill: ForecastBill = {
    id: 'b1',
    number: 'AP-1',
    supplierName: '钢材供应商',
    currency: 'CNY',
    openMinor: yuan(300_000),
    dueOn: '2026-03-25',
  };
  const forecast = emptyForecastInput('2026-03-02', {
    calendar: createCalendar({ ...CN_PUBLIC_HOLIDAYS, name: 'plain', holidays: [], makeUpWorkdays: [] }),
    openingBalances: [{ accountId: 'a1', name: 'ICBC', currency: 'CNY', on: '2026-03-02', amountMinor: yuan(500_000) }],
    invoices: [
      testInvoice('i1', { customerId: 'C1', customerName: '宏达', openMinor: yuan(500_000), dueOn: '2026-03-18' }),
      testInvoice('i2', { customerId: 'C2', customerName: '远洋', openMinor: yuan(200_000), dueOn: '2026-04-01' }),
    ],
    bills: [bill],
    oneOffItems: [
      { id: 'tax', name: 'VAT', direction: 'outflow', currency: 'CNY', amountMinor: yuan(150_000), on: '2026-04-29' },
    ],
    settings: {
      ...emptyForecastInput('2026-03-02').settings,
      minCash: { mode: 'amount', amountMinor: yuan(200_000) },
    },
    ...overrides,
  });
  return {
    forecast,
    customers: [
      { customerId: 'C1', name: '宏达', exposureMinor: yuan(500_000), insuredShare: 0 },
      { customerId: 'C2', name: '远洋', exposureMinor: yuan(200_000), insuredShare: 0 },
    ],
    settings: { recoveryShare: 0.2, recoveryLagDays: 540, indemnityLagDays: 180 },
  };
}
