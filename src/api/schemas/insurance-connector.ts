import { z } from 'zod';
import { money } from './common.js';

/** Response schemas of the insurer sync and the eligible-receivables pack (src/api/routes/insurance-connector.ts). */
const day = () => z.string().describe('calendar date YYYY-MM-DD');
const limitKind = z.enum(['insurer_limit', 'discretionary', 'below_threshold', 'excluded']);

export const insuranceSyncResponse = z
  .looseObject({
    insurer: z.string(),
    policyNumber: z.string(),
    dryRun: z.boolean(),
    counts: z.looseObject({ inserted: z.int(), updated: z.int(), unchanged: z.int() }),
    decisions: z.array(
      z.looseObject({
        coverId: z.string(),
        buyerId: z.string().describe("the insurer's id of the buyer"),
        buyerName: z.string(),
        customerId: z.string(),
        customerCode: z.string(),
        kind: limitKind,
        currency: z.string(),
        limitMinor: money(),
        effectiveFrom: day(),
        cancelledOn: day().nullable(),
        action: z.enum(['inserted', 'updated', 'unchanged']),
      }),
    ),
    unmatched: z.array(
      z.looseObject({ buyerId: z.string(), buyerName: z.string(), nationalId: z.string().nullable() }),
    ),
    grades: z.array(
      z.looseObject({
        buyerId: z.string(),
        buyerName: z.string(),
        customerCode: z.string().nullable(),
        grade: z.int().describe('1 best to 10 worst'),
        gradedOn: day(),
      }),
    ),
    claims: z.array(
      z.looseObject({
        claimId: z.string(),
        buyerId: z.string(),
        buyerName: z.string(),
        customerCode: z.string().nullable(),
        status: z.string(),
        currency: z.string(),
        claimedMinor: money(),
        approvedMinor: money().nullable(),
        lossOn: day().nullable(),
      }),
    ),
  })
  .meta({ id: 'InsuranceSync' });

const eligibleLine = z
  .looseObject({
    invoiceId: z.string(),
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    number: z.string(),
    issuedOn: day(),
    dueOn: day().describe('the original due date'),
    currency: z.string(),
    openMinor: money(),
    coveredMinor: money().describe('the part of the open amount within the cover'),
    insuredPct: z.number(),
    insuredMinor: money().describe('covered part × insured percentage'),
    limitMinor: money().nullable().describe("the insurer's limit on the delivery date, base currency"),
    daysOverdue: z.int(),
  })
  .meta({ id: 'EligibleReceivable' });

export const insuranceEligibleResponse = z
  .looseObject({
    asOf: day(),
    baseCurrency: z.string(),
    policy: z.looseObject({
      insurer: z.string(),
      policyNumber: z.string(),
      lossPayee: z.string().nullable(),
      lossPayeeType: z.string().nullable(),
    }),
    eligible: z.array(eligibleLine),
    excluded: z.array(
      z.looseObject({
        invoiceId: z.string(),
        customerId: z.string(),
        code: z.string(),
        name: z.string(),
        number: z.string(),
        reasons: z.array(z.enum(['ELIG_NOT_INSURED', 'ELIG_DISPUTED', 'ELIG_OVERDUE_BEYOND_LIMIT'])),
        reasonTexts: z.array(z.string()).describe('in the language of Accept-Language'),
      }),
    ),
    totals: z.array(z.looseObject({ currency: z.string(), count: z.int(), openMinor: money(), insuredMinor: money() })),
  })
  .meta({ id: 'EligibleReceivables' });
