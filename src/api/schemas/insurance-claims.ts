import { z } from 'zod';

/** Schemas of the claims endpoints (src/api/routes/insurance-claims.ts); the core validates the fields (ADR 0013). */
const day = () => z.string().describe('calendar date YYYY-MM-DD');
const minor = () => z.number().int().describe('amount in minor units (fen)');

const statuses = [
  'draft',
  'filed',
  'documents_complete',
  'approved',
  'partially_approved',
  'rejected',
  'paid',
] as const;
const documents = [
  'claim_form',
  'overdue_notice',
  'invoice',
  'delivery_proof',
  'statement_of_account',
  'collection_record',
] as const;

export const fileClaimBody = z
  .strictObject({
    customer: z.string().describe('customer code or id'),
    invoice: z.string().optional().describe('invoice number or id'),
    currency: z.string().optional().describe('default: the policy currency'),
    claimOn: day(),
    amountClaimedMinor: minor().describe('the insured debt claimed, in minor units'),
    recoveriesBeforeMinor: minor().optional(),
    expectedPaymentOn: day().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'FileInsuranceClaim' });

export const updateClaimBody = z
  .strictObject({
    status: z.enum(statuses).optional(),
    on: day().optional().describe('date of the change (default today)'),
    received: z.array(z.enum(documents)).optional(),
    missing: z.array(z.enum(documents)).optional(),
    approvedMinor: minor().optional(),
    paidMinor: minor().optional(),
    recoveryAfterMinor: minor().optional().describe('a recovery received after payment, added to the claim'),
    expectedPaymentOn: day().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'UpdateInsuranceClaim' });

export const insuranceClaim = z
  .looseObject({
    id: z.string(),
    number: z.string(),
    policyNumber: z.string(),
    customerId: z.string(),
    customerCode: z.string(),
    customerName: z.string(),
    invoiceId: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    currency: z.string(),
    claimOn: day(),
    amountClaimedMinor: minor(),
    recoveriesBeforeMinor: minor(),
    recoveriesAfterMinor: minor(),
    status: z.enum(statuses),
    statusText: z.string(),
    nextStatuses: z.array(z.enum(statuses)),
    filedOn: day().nullable(),
    decidedOn: day().nullable(),
    paidOn: day().nullable(),
    expectedPaymentOn: day().nullable(),
    expectedIndemnityOn: day().nullable(),
    approvedMinor: minor().nullable(),
    paidMinor: minor().nullable(),
    note: z.string().nullable(),
    indemnity: z.looseObject({
      indemnifiableLossMinor: minor(),
      isBelowThreshold: z.boolean(),
      firstLossMinor: minor(),
      grossMinor: minor(),
      cappedMinor: minor(),
      indemnityMinor: minor(),
    }),
    recoverySplit: z.object({ toInsurerMinor: minor(), toInsuredMinor: minor() }),
    documents: z.array(
      z.object({ document: z.enum(documents), documentText: z.string(), receivedOn: day().nullable() }),
    ),
    missingDocuments: z.array(z.string()),
  })
  .meta({ id: 'InsuranceClaim' });

export const insuranceClaimsResponse = z.object({ claims: z.array(insuranceClaim) });
