import { z } from 'zod';
import { ONBOARDING_ITEMS } from '../../core/credit/index.js';
import { currency, money, optionalText, text } from './common.js';

/** Request bodies of the credit decisions (src/api/routes/credit.ts). */
const customerId = () => text(100).describe('customer id or code');

/** A proposed order; `orderRef` ties an override to this order alone. */
export const orderBody = z.strictObject({
  customerId: customerId(),
  amountMinor: money(),
  currency: currency(),
  orderRef: text(100).optional().describe('the order reference (ERP sales-order number), if any'),
});

export const overrideBody = orderBody.extend({ reason: text(500) });

export const approveLimitBody = z.strictObject({ customerId: customerId(), limitMinor: money(), reason: text(500) });

export const reviewBody = z.strictObject({
  customerId: customerId(),
  reason: text(500).describe('what the review found or decided'),
  reviewer: text(200).optional().describe('who reviewed (default: the caller)'),
});

export const onboardingCheckBody = z.strictObject({
  customerId: customerId(),
  item: z
    .enum(ONBOARDING_ITEMS)
    .describe(
      'registration is refused (ONBOARDING_ITEM_NOT_RECORDABLE): the checklist reads it from the customer record',
    ),
  status: z.enum(['done', 'failed', 'waived']),
  note: optionalText(500).optional(),
});
