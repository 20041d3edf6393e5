import { z } from 'zod';
import { money } from './common.js';

/** Response schema of GET /api/v1/stress: the standard shocks and breaking points, per horizon. */
const day = () => z.string().describe('calendar date YYYY-MM-DD');
const periodRef = z.looseObject({ index: z.int(), startOn: day(), endOn: day() });

const outcome = z
  .looseObject({
    minCashMinor: money(),
    minPeriod: periodRef,
    firstNegative: periodRef.nullable(),
    firstBreach: periodRef.nullable(),
    lossMinor: money().describe('closing cash at the horizon end, base minus shocked'),
    creditLossMinor: money().describe('receivables lost for good: exposure − indemnity − expected recovery'),
    closingsMinor: z.array(money()),
  })
  .meta({ id: 'StressOutcome' });

const breakingPoint = z
  .looseObject({
    driver: z.enum(['delay', 'sales_drop', 'fx', 'defaults']),
    target: z.enum(['zero', 'buffer']),
    currency: z.string().nullable(),
    direction: z.union([z.literal(-1), z.literal(1)]).nullable(),
    status: z.enum(['breaks', 'already', 'holds']),
    value: z.number().nullable().describe('days, percent, or number of customers'),
    limit: z.number(),
    customers: z.array(z.looseObject({ customerId: z.string(), name: z.string() })),
    period: periodRef.nullable(),
    text: z.string().describe('the breaking point in words, in the language asked for'),
  })
  .meta({ id: 'BreakingPoint' });

const monteCarlo = z
  .looseObject({
    paths: z.int(),
    seed: z.number(),
    bufferMinor: money(),
    periods: z.array(
      z.looseObject({
        index: z.int(),
        startOn: day(),
        endOn: day(),
        pNegative: z.number().describe('P(closing cash < 0)'),
        pBelowBuffer: z.number().describe('P(closing cash < minimum cash)'),
        quantilesMinor: z.array(money()).describe('closing cash at 5, 25, 50, 75 and 95 %'),
        expectedShortfallMinor: money(),
      }),
    ),
    pMinNegative: z.number(),
    pMinBelowBuffer: z.number(),
    minCash5Minor: money(),
    cfar95Minor: money(),
    expectedNetFlowMinor: money(),
    tailCustomers: z.array(
      z.looseObject({ customerId: z.string(), name: z.string(), tailShortfallMinor: money(), share: z.number() }),
    ),
  })
  .meta({ id: 'MonteCarlo' });

export const stressResponse = z
  .looseObject({
    asOf: day(),
    currency: z.string(),
    available: z.array(z.string()),
    horizons: z.array(
      z.looseObject({
        granularity: z.enum(['week', 'month']),
        periods: z.int(),
        bufferMinor: money(),
        base: outcome,
        shocks: z.array(z.looseObject({ name: z.string(), label: z.string(), outcome })),
        breakingPoints: z.array(breakingPoint).nullable(),
        monteCarlo: monteCarlo.nullable(),
      }),
    ),
  })
  .meta({ id: 'StressReport' });
