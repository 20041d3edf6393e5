import type { CoverState } from '../credit/index.js';
import type { BuyerCoverKind } from '../model/index.js';
import { roundWith } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import type { InvoiceCover } from './cover.js';

/** One buyer's cover: the limit in force (from its risk state), what is insured, and its own risk. */
export interface BuyerCover {
  readonly customerId: string;
  /** The kind of limit for new deliveries: insurer limit, discretionary, ...; null without one. */
  readonly kind: BuyerCoverKind | null;
  readonly limitMinor: number;
  readonly insuredPct: number;
  readonly cancelledOn: LocalDate | null;
  readonly openMinor: number;
  readonly insuredMinor: number;
  /** What the company bears itself: the uninsured open amount plus (1 − insured %) of the insured part. */
  readonly ownRiskMinor: number;
  /** Insured open amount ÷ limit (0 without a limit in force). */
  readonly utilisation: number;
}

/**
 * A buyer's cover from its risk state's `cover` (the one place a buyer's cover status lives) and
 * the cover of its open invoices.
 *
 * @example
 * summariseBuyerCover('c1', { kind: 'insurer_limit', limitMinor: 1000, insuredPct: 0.9, cancelledOn: null }, invoices)
 * // { insuredMinor: 800, ownRiskMinor: 280, utilisation: 0.8, ... } for 1,000 open of which 800 insured
 */
export function summariseBuyerCover(
  customerId: string,
  cover: CoverState | null,
  invoices: readonly InvoiceCover[],
): BuyerCover {
  let openMinor = 0;
  let insuredMinor = 0;
  for (const i of invoices) {
    openMinor += i.openMinor;
    insuredMinor += i.insuredMinor;
  }
  const insuredPct = cover?.insuredPct ?? 0;
  const paidShare = roundWith(insuredMinor * insuredPct, 'halfEven');
  const isInForce = cover !== null && cover.cancelledOn === null && cover.kind !== 'excluded';
  const limitMinor = isInForce ? cover.limitMinor : 0;
  return {
    customerId,
    kind: cover?.kind ?? null,
    limitMinor,
    insuredPct,
    cancelledOn: cover?.cancelledOn ?? null,
    openMinor,
    insuredMinor,
    ownRiskMinor: openMinor - paidShare,
    utilisation: limitMinor > 0 ? insuredMinor / limitMinor : 0,
  };
}
