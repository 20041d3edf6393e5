import { z } from 'zod';
import { money } from './common.js';

/**
 * Response schemas of the credit reports (src/api/routes/credit.ts): the book's and one
 * customer's. Like the report schemas, they type what the dashboard reads and let the rest pass.
 */
const day = () => z.string().describe('calendar date YYYY-MM-DD');

/** A reason: a stable code for programs, its data, and the words for people in the caller's language. */
export const saidReason = z
  .looseObject({
    code: z.string(),
    data: z.record(z.string(), z.unknown()),
    message: z.string().describe('in the language of Accept-Language'),
  })
  .meta({ id: 'CreditReason' });

export const creditScore = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    pd: z.number().nullable(),
    isHold: z.boolean(),
    drivers: z.array(saidReason),
    overrides: z.array(saidReason),
    reasons: z.array(saidReason),
  })
  .meta({ id: 'CreditScore' });

export const creditScoresResponse = z.looseObject({ asOf: day(), customers: z.array(creditScore) });

export const creditLimit = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    grade: z.string().nullable(),
    recommendation: z.looseObject({
      currency: z.string(),
      needMinor: money(),
      capacityMinor: money().nullable(),
      insurerCapMinor: money().nullable(),
      recommendedMinor: money(),
      binding: z.string().describe('need | capacity | insurer | override_zero | manual'),
      reasons: z.array(saidReason),
    }),
    current: z
      .looseObject({
        limitMinor: money(),
        binding: z.string(),
        effectiveFrom: day(),
        approvedBy: z.string(),
        approvedByName: z.string().optional().describe('the approver for people, when known'),
      })
      .nullable(),
    exposure: z.looseObject({ totalMinor: money(), currency: z.string() }),
    utilisation: z.number().nullable(),
  })
  .meta({ id: 'CreditLimitView' });

export const creditLimitsResponse = z.looseObject({
  asOf: day(),
  currency: z.string(),
  customers: z.array(creditLimit),
});

export const creditReview = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    grade: z.string().nullable(),
    lastReviewedOn: day().nullable(),
    nextDueOn: day(),
    isDue: z.boolean(),
    reasons: z.array(saidReason),
  })
  .meta({ id: 'CreditReviewStatus' });

export const creditReviewsResponse = z.looseObject({ asOf: day(), reviews: z.array(creditReview) });

export const onboardingResponse = z
  .looseObject({
    customerId: z.string(),
    lines: z.array(
      z.looseObject({
        item: z.string(),
        status: z.string(),
        source: z.enum(['data', 'recorded']).nullable(),
        recordable: z.boolean(),
        reason: saidReason,
        itemText: z.string().describe('the item in words'),
        details: z.string().describe('what the records or a person showed: dates, names, notes as written'),
      }),
    ),
    isComplete: z.boolean(),
    safeLimitMinor: money(),
    currency: z.string(),
    safeLimitReason: saidReason,
  })
  .meta({ id: 'Onboarding' });

/** One customer's score, limit or review, with the date it is as of. */
export const oneCustomer = <T extends z.ZodType>(item: T) => z.object({ asOf: day(), customer: item });

/** The answer of approving a limit: the limit as kept in the history, the approver named. */
export const approvedLimitResponse = z
  .looseObject({
    currency: z.string(),
    limitMinor: money(),
    effectiveFrom: day(),
    approvedBy: z.string(),
    approvedByName: z.string(),
  })
  .meta({ id: 'ApprovedLimit' });

/** The answer of recording a review: grades before and after, the next review date, the reviewer named. */
export const recordedReviewResponse = z
  .looseObject({
    reviewer: z.string(),
    reviewerName: z.string(),
    gradeBefore: z.string().nullable(),
    gradeAfter: z.string().nullable(),
    nextDueOn: day(),
  })
  .meta({ id: 'RecordedReview' });

/** The answer of recording an onboarding item: what was recorded. */
export const recordedCheckResponse = z
  .looseObject({ item: z.string(), status: z.enum(['done', 'failed', 'waived']) })
  .meta({ id: 'RecordedCheck' });

export const riskStateRow = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['insolvent', 'written_off', 'hold', 'watch', 'normal']),
    grade: z.string().nullable(),
    pd: z.number().nullable(),
    exposure: z.looseObject({
      openArMinor: money(),
      unappliedMinor: money(),
      acceptanceBillsMinor: money(),
      openOrdersMinor: money(),
      totalMinor: money(),
    }),
    limitMinor: money().nullable(),
    isOverLimit: z.boolean(),
    insolvency: z.looseObject({ on: day() }).nullable(),
    reasons: z.array(saidReason).describe('why the status, most serious first'),
    treatment: z.looseObject({
      receipts: z.enum(['expected', 'recovery']),
      recoveryOn: day().nullable(),
      recoveryShare: z.number(),
      newSales: z.boolean(),
    }),
  })
  .meta({ id: 'RiskState' });

export const riskStatesResponse = z.looseObject({
  asOf: day(),
  currency: z.string(),
  customers: z.array(riskStateRow),
});
