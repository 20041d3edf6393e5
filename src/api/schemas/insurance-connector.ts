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
