/**
 * The thresholds of cash application, kept as an organisation's settings (`cashApplication` in its
 * settings) with these defaults. Confidences are 0–1; tolerances in the payment's minor units.
 */
export interface CashApplicationSettings {
  /** A match at least this sure is applied without a person looking at it. */
  readonly autoApplyConfidence: number;
  /** A match at least this sure waits in the review queue; below it the payment stays unmatched. */
  readonly reviewConfidence: number;
  /** Bank charges: a payment short by at most this much (minor units) … */
  readonly chargeToleranceMinor: number;
  /** … and at most this share of what is open settles the invoice, the rest recorded as a charge. */
  readonly chargeToleranceShare: number;
  /** Payer names at least this similar (bigram Dice on the distinguishing part) are the same payer. */
  readonly nameSimilarity: number;
  /** One payment is tried against combinations of at most this many of the payer's invoices. */
  readonly maxCombinedInvoices: number;
}

export const DEFAULT_CASH_APPLICATION_SETTINGS: CashApplicationSettings = {
  autoApplyConfidence: 0.9,
  reviewConfidence: 0.3,
  chargeToleranceMinor: 200_00,
  chargeToleranceShare: 0.02,
  nameSimilarity: 0.8,
  maxCombinedInvoices: 4,
};

/** The settings with whatever an organisation set, each checked; unknown or bad values keep the default. */
export function cashApplicationSettings(raw: unknown): CashApplicationSettings {
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const pick = (key: keyof CashApplicationSettings, ok: (n: number) => boolean) => {
    const v = Object.hasOwn(given, key) ? given[key] : undefined;
    return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : DEFAULT_CASH_APPLICATION_SETTINGS[key];
  };
  const share = (n: number) => n >= 0 && n <= 1;
  return {
    autoApplyConfidence: pick('autoApplyConfidence', share),
    reviewConfidence: pick('reviewConfidence', share),
    chargeToleranceMinor: pick('chargeToleranceMinor', (n) => Number.isSafeInteger(n) && n >= 0),
    chargeToleranceShare: pick('chargeToleranceShare', share),
    nameSimilarity: pick('nameSimilarity', share),
    maxCombinedInvoices: pick('maxCombinedInvoices', (n) => Number.isInteger(n) && n >= 1 && n <= 6),
  };
}

/**
 * The settings the engine uses for outgoing payments against bills: the same, except that no
 * shortfall is taken for a bank charge (a bill is paid as billed; our bank's fee is our expense).
 */
export function payableCashApplicationSettings(s: CashApplicationSettings): CashApplicationSettings {
  return { ...s, chargeToleranceMinor: 0 };
}
