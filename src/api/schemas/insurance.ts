import { z } from 'zod';
import { money } from './common.js';
import { saidReason } from './credit-reports.js';

/** Response schemas of the trade credit insurance reports (src/api/routes/insurance.ts). */
const day = () => z.string().describe('calendar date YYYY-MM-DD');

const policy = z
  .looseObject({
    id: z.string(),
    insurer: z.string(),
    policyNumber: z.string(),
    currency: z.string(),
    startsOn: day(),
    endsOn: day(),
    lossPayee: z.string().nullable(),
  })
  .meta({ id: 'InsurancePolicyView' });

const limitKind = z.enum(['insurer_limit', 'discretionary', 'below_threshold', 'excluded']);

export const invoiceCover = z
  .looseObject({
    invoiceId: z.string(),
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    number: z.string(),
    issuedOn: day(),
    dueOn: day().describe('the original due date'),
    openMinor: money(),
    covered: z.boolean().describe('true when the whole open amount is insured'),
    insuredMinor: money(),
    uninsuredMinor: money(),
    limitKind: limitKind.nullable(),
    reasons: z.array(saidReason).describe('why (part of) the invoice is not insured'),
  })
  .meta({ id: 'InvoiceCover' });

export const buyerCover = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    kind: limitKind.nullable(),
    limitMinor: money().describe('the limit in force for new deliveries (0 once cancelled)'),
    insuredPct: z.number(),
    cancelledOn: day().nullable(),
    openMinor: money(),
    insuredMinor: money(),
    ownRiskMinor: money().describe('uninsured + (1 − insured %) × insured'),
    utilisation: z.number().describe('insured ÷ limit'),
  })
  .meta({ id: 'BuyerCover' });

export const insuranceCoverResponse = z.looseObject({
  asOf: day(),
  currency: z.string(),
  policy,
  invoices: z.array(invoiceCover),
  buyers: z.array(buyerCover),
  totals: z.looseObject({ openMinor: money(), insuredMinor: money(), uninsuredMinor: money() }),
});

export const insuranceDeadline = z
  .looseObject({
    invoiceId: z.string(),
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    number: z.string(),
    kind: z.enum(['overdue_notification', 'stop_deliveries', 'collection_transfer', 'claim_filing']),
    kindText: z.string().describe('in the language of Accept-Language'),
    on: day(),
    daysLeft: z.int(),
    level: z.enum(['info', 'watch', 'warning', 'critical']),
    levelText: z.string(),
    isMissed: z.boolean(),
  })
  .meta({ id: 'InsuranceDeadline' });

export const insuranceDeadlinesResponse = z.looseObject({
  asOf: day(),
  policy,
  deadlines: z.array(insuranceDeadline),
});

export const insuranceValueResponse = z
  .looseObject({
    asOf: day(),
    currency: z.string(),
    insurer: z.string(),
    policyNumber: z.string(),
    expectedLossWith: z.number().describe('currency units'),
    expectedLossWithout: z.number().describe('currency units'),
    lossAt99With: z.number().describe('currency units'),
    lossAt99Without: z.number().describe('currency units'),
    premium: z.number().describe('currency units'),
    breakEven: z.number().describe('break-even premium, currency units: expected loss without − with'),
    tailReduction: z.number().describe('currency units'),
    insurableTurnover: z.number().describe('currency units'),
    premiumRate: z.number(),
    isPremiumBelowBreakEven: z.boolean(),
  })
  .meta({ id: 'InsuranceValue' });
