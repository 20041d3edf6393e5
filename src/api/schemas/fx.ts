import { z } from 'zod';
import { money } from './common.js';

/**
 * The currency report's answer (`GET /api/v1/reports/fx`): the fields the currency exposure page
 * reads, typed; the rest passes through (`looseObject`) like the other report schemas.
 */
const day = () => z.string().describe('calendar date YYYY-MM-DD');

const parts = () =>
  z.looseObject({
    cashMinor: money(),
    receivablesMinor: money(),
    payablesMinor: money().describe('open payables, counted positive and subtracted in gross and net'),
    forwardsMinor: money().describe('forwards outstanding: + bought, − sold'),
    grossMinor: money(),
    netMinor: money(),
  });

const hedge = z.looseObject({
  direction: z.enum(['sell', 'buy']),
  amountMinor: money().describe('in minor units of the currency'),
  baseMinor: money(),
  netAfterMinor: money(),
});

export const fxResponse = z.looseObject({
  exposure: z.looseObject({
    asOf: day(),
    currency: z.string().describe('the base currency'),
    shockPct: z.number(),
    currencies: z.array(
      z.looseObject({
        currency: z.string(),
        rate: z.number().describe('1 unit of the currency in the base currency on the as-of date'),
        amounts: parts().describe('in minor units of the currency'),
        base: parts().describe('revalued at the as-of rate, base-currency minor units'),
        revaluation: z.looseObject({
          receivablesMinor: money(),
          payablesMinor: money(),
          forwardsMinor: money(),
          totalMinor: money(),
        }),
        shock: z.looseObject({ up: parts(), down: parts() }),
        limitMinor: money().nullable(),
        isOverLimit: z.boolean(),
        hedge: hedge.nullable(),
      }),
    ),
    total: z.looseObject({
      base: parts(),
      revaluationMinor: money(),
      shockUp: parts(),
      shockDown: parts(),
    }),
    missingRates: z.array(z.string()),
    missingBookedRates: z.array(z.string()),
  }),
  byWeek: z.array(
    z.looseObject({
      currency: z.string(),
      weeks: z.array(
        z.looseObject({
          startOn: day(),
          endOn: day(),
          inflowsMinor: money(),
          outflowsMinor: money(),
          forwardsMinor: money(),
          netMinor: money(),
          netBaseMinor: money(),
          isOverLimit: z.boolean(),
        }),
      ),
    }),
  ),
  forwards: z.array(
    z.looseObject({
      id: z.string(),
      tradeOn: day(),
      valueOn: day(),
      direction: z.enum(['sell', 'buy']),
      currency: z.string(),
      amountMinor: money(),
      counterCurrency: z.string(),
      rate: z.number(),
      counterparty: z.string(),
    }),
  ),
});
