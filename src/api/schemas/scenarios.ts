import { z } from 'zod';
import { currency, id, instant, localDate, money, optionalText, text } from './common.js';

const positive = () => money().min(1);
const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** The elements of a scenario, one shape per kind (the core validator then checks their meaning). */
export const scenarioElement = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('customer_default'), customerId: id(), on: localDate() })
    .describe('this customer defaults on this date: its receipts from that day on are lost'),
  z
    .strictObject({
      kind: z.literal('payment_delay'),
      days: z.int().min(1).max(365),
      customerIds: z.array(id()).min(1).max(500).optional().describe('absent: every customer'),
    })
    .describe('these customers (or all) pay this many days later'),
  z
    .strictObject({ kind: z.literal('sales_drop'), percent: z.number().gt(0).max(100), fromMonth: month() })
    .describe('new sales fall by this percentage from this month on; purchases follow'),
  z
    .strictObject({ kind: z.literal('credit_line_not_renewed') })
    .describe('each credit line ends at its renewal date and its drawn balance is repaid'),
  z
    .strictObject({
      kind: z.literal('new_loan'),
      amountMinor: positive(),
      on: localDate(),
      repayments: z.array(z.strictObject({ on: localDate(), amountMinor: positive() })).max(120),
    })
    .describe('a new loan received on a date and repaid by these instalments (base currency)'),
  z
    .strictObject({
      kind: z.literal('large_purchase'),
      amountMinor: positive(),
      on: localDate(),
      label: optionalText(100).optional(),
    })
    .describe('a large purchase paid on a date (base currency)'),
  z
    .strictObject({ kind: z.literal('fx_shift'), currency: currency(), percent: z.number().gt(-100).max(100) })
    .describe('a foreign currency moves by this percentage against the base (−10 = 10 % weaker)'),
]);

export const scenarioBody = z
  .strictObject({
    name: text(80).describe('the scenario’s name: its title everywhere, unique in the organisation'),
    description: optionalText(500).optional(),
    elements: z.array(scenarioElement).min(1).max(50),
  })
  .meta({ id: 'ScenarioInput' });

export const scenarioEditBody = scenarioBody.extend({
  version: z.int().min(1).describe('the version the change was made from (409 VERSION_CONFLICT when stale)'),
});

export const scenarioResponse = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    version: z.int(),
    updatedAt: instant().nullable(),
    elements: z.array(z.looseObject({ kind: z.string() })),
    overrides: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('forecast parameters of a row written before elements'),
    assumptions: z.array(z.string()).describe('the assumptions in words, in the caller’s language'),
  })
  .meta({ id: 'SavedScenario' });

export const scenarioListResponse = z.object({ items: z.array(scenarioResponse) }).meta({ id: 'SavedScenarioList' });
