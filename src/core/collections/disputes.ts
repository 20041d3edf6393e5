/** Why a customer contests an invoice. */
export const DISPUTE_REASONS = [
  'quality',
  'quantity',
  'price',
  'delivery',
  'not_received',
  'duplicate',
  'other',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** How a dispute ended: the invoice stands, a credit note, written off, or withdrawn by the customer. */
export const DISPUTE_RESOLUTIONS = ['invoice_stands', 'credit_note', 'written_off', 'withdrawn'] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];
