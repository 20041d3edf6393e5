import { z } from 'zod';
import { money } from './common.js';

/**
 * Response schemas of the read routes the dashboard uses (summary, forecast, receivables). Each
 * names the fields a page reads, typed; the rest of an answer passes through (`looseObject`), so
 * a field added to a report reaches API users without a schema change, while a field a page reads
 * cannot disappear or change type without failing the server's typecheck (the handler's answer
 * is checked against the schema) and the web's (its types are generated from this document).
 */
const day = () => z.string().describe('calendar date YYYY-MM-DD');
const share = () => z.number().describe('a share, 0-1');
const nullableNumber = () => z.number().nullable();

export const summaryResponse = z
  .looseObject({
    asOf: day(),
    currency: z.string(),
    cash: z.looseObject({ totalMinor: money(), accounts: z.array(z.looseObject({ on: day() })) }),
    acceptanceBills: z.looseObject({
      heldMinor: money(),
      bankMinor: money(),
      commercialMinor: money(),
      count: z.int(),
      nextMaturityOn: day().nullable(),
    }),
    receivables: z.looseObject({
      openMinor: money(),
      overdueMinor: money(),
      over90Minor: money(),
      openCount: z.int(),
      overdueCount: z.int(),
      unappliedMinor: money().describe(
        'receipts of known customers not yet applied: they reduce what those customers owe',
      ),
      unidentifiedMinor: money().describe('receipts whose payer is not identified yet'),
      netMinor: money().describe('openMinor − unappliedMinor: what customers owe'),
    }),
    payables: z.looseObject({ openMinor: money(), dueNext30Minor: money() }),
    creditLines: z.looseObject({ headroomMinor: money() }),
    largestExposures: z.array(
      z.looseObject({
        customerId: z.string(),
        name: z.string(),
        openMinor: money(),
        overdueMinor: money(),
        unappliedMinor: money(),
        acceptanceBillsMinor: money(),
        openOrdersMinor: money(),
        exposureMinor: money().describe('open − unapplied + 商承 accepted + open orders'),
        limitMinor: money().nullable(),
        isOverLimit: z.boolean(),
        share: share(),
      }),
    ),
    unreadableRows: z.array(z.looseObject({ table: z.string(), id: z.string(), reason: z.string() })),
  })
  .meta({ id: 'Summary' });

const scenarioName = z.string().describe('optimistic | base | pessimistic | a saved scenario’s name');
const direction = z.enum(['receipt', 'disbursement']);

const forecastSource = z
  .looseObject({
    kind: z.string(),
    id: z.string(),
    number: z.string(),
    counterparty: z.string(),
    amountMinor: money(),
    expectedOn: day(),
    placedOn: day(),
    reason: z.string().describe('why this date: a code the dashboard shows in words'),
    reasonData: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ForecastSource' });

const forecastLine = z
  .looseObject({ key: z.string(), direction, totalMinor: money(), sources: z.array(forecastSource) })
  .meta({ id: 'ForecastLine' });

const forecastPeriod = z
  .looseObject({
    index: z.int(),
    startOn: day(),
    endOn: day(),
    openingMinor: money(),
    receiptsMinor: money(),
    disbursementsMinor: money(),
    closingMinor: money(),
    bufferMinor: money(),
    headroomMinor: money(),
    isBelowBuffer: z.boolean(),
    lines: z.array(forecastLine),
  })
  .meta({ id: 'ForecastPeriod' });

export const forecastResponse = z
  .looseObject({
    asOf: day(),
    currency: z.string(),
    granularity: z.enum(['week', 'month']),
    opening: z.looseObject({ totalMinor: money(), on: day().nullable(), accounts: z.int() }),
    bufferMinor: money(),
    buffer: z.looseObject({
      mode: z.enum(['amount', 'months']),
      months: nullableNumber(),
      basis: z.enum(['forecast', 'trailing90']).nullable(),
      outflowsMinor: money().nullable(),
      windowDays: z.int().nullable(),
    }),
    isBelowBufferAtStart: z.boolean(),
    scenarios: z.array(
      z.looseObject({
        scenario: z.string().describe('optimistic | base | pessimistic, or a saved scenario’s name (its title)'),
        periods: z.array(forecastPeriod),
        firstBreach: z.looseObject({ index: z.int(), startOn: day(), endOn: day() }).nullable(),
        runwayWeeks: nullableNumber().describe(
          'weeks until cash plus undrawn committed credit runs out; null: not within runwayHorizonWeeks',
        ),
        runwayHorizonWeeks: z.int(),
        runwayCreditMinor: money(),
        riskAdjustmentMinor: money(),
        excludedMinor: money(),
      }),
    ),
    saved: z
      .array(z.object({ id: z.string(), name: z.string(), assumptions: z.array(z.string()) }))
      .describe('the saved scenarios run beside the three, with their assumptions in the caller’s language'),
  })
  .meta({ id: 'Forecast' });

export const forecastPeriodResponse = z
  .object({ asOf: day(), currency: z.string(), scenario: scenarioName, period: forecastPeriod })
  .meta({ id: 'ForecastPeriodDetail' });

export const agingSeriesResponse = z
  .looseObject({
    baseCurrency: z.string(),
    buckets: z.array(z.looseObject({ key: z.string(), fromDays: z.int().nullable(), toDays: z.int().nullable() })),
    points: z.array(
      z.looseObject({
        on: day(),
        base: z.looseObject({ amountsMinor: z.array(money()), totalMinor: money() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'AgingSeries' });

const concentration = z.looseObject({
  hhi: z.number(),
  top1Share: z.number().describe('percent'),
  top5Share: z.number().describe('percent'),
  customerCount: z.int(),
  level: z.enum(['none', 'amber', 'red']),
  top: z.array(z.looseObject({ customerId: z.string(), amountMinor: money(), share: z.number() })),
});

export const metricsResponse = z
  .looseObject({
    baseCurrency: z.string(),
    months: z.array(
      z.looseObject({
        monthEnd: day(),
        isComplete: z.boolean().describe('false for the month still running: its rates are null'),
        arTotal: money(),
        sales: money(),
        dso: z.looseObject({ inUse: nullableNumber() }),
        add: nullableNumber(),
        cei: z.looseObject({ monthly: nullableNumber(), trailing12: nullableNumber() }),
        currentRatio: nullableNumber(),
        quickRatio: nullableNumber(),
      }),
    ),
    salesTrailing12: z.looseObject({ from: day(), to: day(), totalMinor: money() }),
    liquidity: z
      .looseObject({
        monthEnd: day(),
        workingCapital: money(),
        currentRatio: nullableNumber(),
        quickRatio: nullableNumber(),
      })
      .nullable()
      .describe('from the latest balance sheet on or before the as-of date'),
    concentration: z.looseObject({ openAr: concentration, salesTrailing12: concentration }),
    findings: z.array(
      z.looseObject({
        code: z.string(),
        level: z.enum(['amber', 'red']),
        monthEnd: day(),
        value: z.number(),
        threshold: z.number(),
      }),
    ),
  })
  .meta({ id: 'Metrics' });

export const customerRow = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    openMinor: money(),
    overdueMinor: money(),
    exposureMinor: money(),
    limitMinor: money().nullable(),
    isOverLimit: z.boolean(),
    typicalDaysLate: nullableNumber(),
    onTimeShare: nullableNumber(),
  })
  .meta({ id: 'CustomerRow' });

/** The sortable columns of the customer table. */
export const CUSTOMER_SORTS = [
  'name',
  'openMinor',
  'overdueMinor',
  'typicalDaysLate',
  'onTimeShare',
  'limitMinor',
  'grade',
] as const;

export const customerRowsResponse = z
  .object({
    items: z.array(customerRow.extend({ grade: z.string().nullable() })),
    total: z.int().describe('rows that match the filter'),
    offset: z.int(),
    nextOffset: z.int().nullable(),
    currency: z.string().describe('the base currency of every amount'),
    hasLimits: z.boolean().describe('whether any customer has a credit limit'),
    hasGrades: z.boolean().describe('whether the customers are scored'),
  })
  .meta({ id: 'CustomerRows' });

export const customerPageResponse = z
  .looseObject({
    asOf: day(),
    baseCurrency: z.string(),
    customer: z.looseObject({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      country: z.string(),
      industry: z.string().nullable(),
      termsDays: z.int(),
    }),
    behaviour: z.looseObject({
      count: z.int(),
      shrunkWeightedDbt: nullableNumber(),
      delay: z.looseObject({ p10: z.number(), median: z.number(), p90: z.number() }).nullable(),
      onTimeShare: nullableNumber(),
      trend: z.looseObject({ change: nullableNumber() }),
      lastSettledOn: day().nullable(),
    }),
    openItems: z.array(
      z.looseObject({
        invoiceId: z.string(),
        number: z.string(),
        currency: z.string(),
        issuedOn: day(),
        dueOn: day(),
        openMinor: money(),
        isDisputed: z.boolean(),
        instalment: z.int().nullable(),
        expectedOn: day().describe("the base forecast's day for it"),
        expectedP10: day().nullable(),
        expectedP90: day().nullable(),
        expectedMinor: money().describe('what the base forecast expects of it'),
        reason: z.string(),
        reasonData: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
    risk: z
      .looseObject({
        status: z.enum(['insolvent', 'written_off', 'hold', 'watch', 'normal']),
        grade: z.string().nullable(),
        pd: nullableNumber(),
        isOverLimit: z.boolean(),
        limitMinor: money().nullable(),
        exposure: z.looseObject({
          openArMinor: money(),
          unappliedMinor: money(),
          acceptanceBillsMinor: money(),
          openOrdersMinor: money(),
          totalMinor: money(),
        }),
        reasons: z.array(z.looseObject({ code: z.string(), message: z.string().optional() })),
      })
      .nullable(),
    openItemCount: z.int().describe('open items in all; `openItems` is the page asked for'),
    openBaseMinor: money(),
    overdueBaseMinor: money(),
    history: z.array(z.looseObject({ number: z.string(), dueOn: day(), settledOn: day(), daysLate: z.number() })),
  })
  .meta({ id: 'CustomerPage' });
