import type { BuyerCoverKind, Grade, LegalEvent } from '../../model/index.js';
import { addDays, type LocalDate } from '../../time/index.js';
import type { HoldDecision } from '../limits/credit-hold.js';
import type { Exposure } from '../limits/exposure.js';
import type { Reason } from '../scorecard/index.js';
import { isLiveEvent } from '../scorecard/index.js';
import type { RiskStateSettings } from './settings.js';

/**
 * What a customer is, in one word, most serious first: in insolvency proceedings, written off,
 * on credit hold (an invoice more than 30 days late, over its limit, grade E, ...), to watch
 * (grade D, a live legal record, a dispute), or in good standing.
 */
export const RISK_STATUSES = ['insolvent', 'written_off', 'hold', 'watch', 'normal'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The insurer cover in force for the customer's new deliveries, in the base currency. */
export interface CoverState {
  readonly kind: BuyerCoverKind;
  readonly limitMinor: number;
  /** The policy's commercial insured percentage. */
  readonly insuredPct: number;
  /** Set when the insurer cancelled the limit on or before the as-of date. */
  readonly cancelledOn: LocalDate | null;
  /**
   * The insured part of the open receivables, invoice by invoice (src/core/insurance
   * `coverInvoices`: exclusions, the limit on each delivery date, run-off after a cancellation).
   * Without it the share is the part of exposure within the limit in force.
   */
  readonly insuredOpenMinor?: number;
}

/** Everything about a customer that decides how it is treated, as of one date. */
export interface RiskStateInput {
  readonly customerId: string;
  readonly asOf: LocalDate;
  readonly grade: Grade | null;
  readonly score: number | null;
  /** Scorecard PD (12 months); null when the customer could not be scored. */
  readonly pd: number | null;
  readonly isIndicative: boolean;
  /** Scorecard hard overrides (失信, insolvency, 持续逾期, external cut-off, insurer cancellation). */
  readonly overrides: readonly Reason[];
  readonly events: readonly LegalEvent[];
  /** The standing hold check: `checkCreditHold` with no new order. */
  readonly hold: HoldDecision;
  readonly exposure: Exposure;
  /** The approved limit in force (base currency); null when none was approved. */
  readonly limitMinor: number | null;
  readonly cover: CoverState | null;
  /** Open disputed invoices: how many, and their open amount in the base currency. */
  readonly disputes: { readonly count: number; readonly openMinor: number };
  /** The last write-off of one of its invoices, and its last receipt, on or before `asOf`. */
  readonly lastWriteOffOn: LocalDate | null;
  readonly lastReceiptOn: LocalDate | null;
}

/** How the forecast and every other module treat the customer. */
export interface RiskTreatment {
  /** 'recovery': open receivables are expected only at `recoveryShare` on `recoveryOn`. */
  readonly receipts: 'expected' | 'recovery';
  readonly recoveryShare: number;
  /** The insolvency event or the write-off the recovery is counted from, and the day it is expected. */
  readonly recoverySince: LocalDate | null;
  readonly recoveryOn: LocalDate | null;
  /** Loss given default for risk-adjusted receipts: 1 − recovery share − insured share (≥ 0). */
  readonly lgd: number;
  /** The PD the scenarios read: base, and the band's low (optimistic) and high (pessimistic) ends. */
  readonly pd: number;
  readonly pdLow: number;
  readonly pdHigh: number;
  /** False when no new sales may be expected: insolvent, written off, or on a hold that stops orders. */
  readonly newSales: boolean;
}

export interface CustomerRiskState {
  readonly customerId: string;
  readonly asOf: LocalDate;
  readonly status: RiskStatus;
  readonly grade: Grade | null;
  readonly score: number | null;
  readonly pd: number | null;
  readonly isIndicative: boolean;
  readonly overrides: readonly Reason[];
  /** The live insolvency event (the earliest), if any. */
  readonly insolvency: { readonly on: LocalDate; readonly source: string | null } | null;
  /** Live legal events (within a year, unresolved), newest first. */
  readonly legalEvents: readonly LegalEvent[];
  readonly hold: { readonly isOnHold: boolean; readonly reasons: readonly Reason[] };
  readonly exposure: Exposure;
  readonly limitMinor: number | null;
  /** Exposure above the approved limit (the one over-limit rule: `isOverLimit`). */
  readonly isOverLimit: boolean;
  readonly cover: CoverState | null;
  readonly disputes: { readonly count: number; readonly openMinor: number };
  readonly treatment: RiskTreatment;
  /** Why the status is what it is, most serious first: codes with data, worded by the catalogues. */
  readonly reasons: readonly Reason[];
}

/** Hold reasons that do not stop expected new sales: no limit approved yet is an onboarding task. */
const SALES_NEUTRAL_HOLDS = new Set(['CH_NO_LIMIT']);
const LEGAL_LOOKBACK_DAYS = 365;

/**
 * Exposure above the approved limit. No limit approved is not 'over limit' (it is a hold reason of
 * its own). The one rule every screen uses.
 *
 * @example
 * isOverLimit(11_210_000_00, 10_880_000_00) // true
 */
export function isOverLimit(exposureMinor: number, limitMinor: number | null): boolean {
  return limitMinor !== null && exposureMinor > limitMinor;
}

/**
 * The insured share of a customer's open receivables: the insured percentage of the insured part
 * (`insuredOpenMinor`, invoice by invoice, run-off included) or, without it, of the part within
 * the insurer's limit (0 without cover in force or with a cancelled limit).
 *
 * @example
 * insuredShare({ kind: 'insurer_limit', limitMinor: 500, insuredPct: 0.9, cancelledOn: null }, 1000) // 0.45
 */
export function insuredShare(cover: CoverState | null, exposureMinor: number): number {
  if (cover === null || cover.kind === 'excluded') return 0;
  if (cover.insuredOpenMinor !== undefined)
    return exposureMinor <= 0
      ? cover.cancelledOn === null
        ? cover.insuredPct
        : 0
      : cover.insuredPct * Math.min(1, Math.max(0, cover.insuredOpenMinor) / exposureMinor);
  if (cover.cancelledOn !== null) return 0;
  if (exposureMinor <= 0) return cover.insuredPct;
  return cover.insuredPct * Math.min(1, Math.max(0, cover.limitMinor) / exposureMinor);
}

/**
 * Loss given default the risk state treats a customer with: 1 − recovery share − insured share
 * (≥ 0). The one LGD rule: the forecast, the stress book and the value of cover read it.
 *
 * @example
 * lossGivenDefault(0.3, { kind: 'insurer_limit', limitMinor: 500, insuredPct: 0.9, cancelledOn: null }, 1000) // 0.25
 */
export function lossGivenDefault(recoveryShare: number, cover: CoverState | null, openArMinor: number): number {
  return Math.max(0, 1 - recoveryShare - insuredShare(cover, openArMinor));
}

function liveInsolvency(events: readonly LegalEvent[], asOf: LocalDate): LegalEvent | null {
  const live = events.filter(
    (e) => e.type === 'insolvency' && e.occurredOn <= asOf && !(e.resolvedOn !== null && e.resolvedOn <= asOf),
  );
  return live.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : 1))[0] ?? null;
}

function writtenOffSince(input: RiskStateInput, settings: RiskStateSettings): LocalDate | null {
  const on = input.lastWriteOffOn;
  if (on === null || on > input.asOf || on < addDays(input.asOf, -settings.writtenOffLookbackDays)) return null;
  return input.lastReceiptOn !== null && input.lastReceiptOn > on ? null : on;
}

/** A scorecard override that repeats a reason already given (the insolvency, the insurer's cancellation). */
function isSaidAlready(r: Reason, isInsolvent: boolean, hold: readonly Reason[]): boolean {
  if (r.code !== 'CH_SCORE_OVERRIDE') return false;
  if (isInsolvent && r.data.override === 'CS_OVERRIDE_INSOLVENCY') return true;
  return r.data.override === 'CS_OVERRIDE_INSURER_CANCELLED' && hold.some((h) => h.code === 'CH_INSURER_CANCELLED');
}

/** Live legal events not already named by an override (insolvency, 失信, 持续逾期 say themselves). */
function legalReasons(events: readonly LegalEvent[], reasons: readonly Reason[]): Reason[] {
  const said = new Set(
    reasons
      .filter((r) => r.code === 'CH_SCORE_OVERRIDE')
      .map((r) => String(r.data.override).replace('CS_OVERRIDE_', '')),
  );
  return events
    .filter((e) => e.type !== 'insolvency' && !said.has(e.type.toUpperCase()))
    .map((e) => ({
      code: `CS_LEGAL_${e.type.toUpperCase()}`,
      data: { on: e.occurredOn, amountMinor: e.amountMinor, currency: e.currency },
    }));
}

function statusOf(
  input: RiskStateInput,
  insolvency: LegalEvent | null,
  writtenOff: LocalDate | null,
  blockingHold: readonly Reason[],
  overLimit: boolean,
  liveEvents: readonly LegalEvent[],
): { status: RiskStatus; reasons: Reason[] } {
  const reasons: Reason[] = [];
  if (insolvency) reasons.push({ code: 'RS_INSOLVENT', data: { on: insolvency.occurredOn } });
  if (writtenOff) reasons.push({ code: 'RS_WRITTEN_OFF', data: { on: writtenOff } });
  for (const r of blockingHold) {
    // The standing check has no order: 'exposure + order over the limit' reads 'exposure over the limit'.
    if (r.code === 'CH_OVER_LIMIT')
      reasons.push({
        code: 'RS_OVER_LIMIT',
        data: { exposureMinor: input.exposure.totalMinor, limitMinor: input.limitMinor },
      });
    // The customer's standing, not one invoice's: how many are late and how late the oldest is.
    else if (r.code === 'CH_OVERDUE')
      reasons.push({
        code: 'RS_OVERDUE',
        data: { count: r.data.count ?? 1, days: r.data.days ?? 0, limitDays: r.data.limitDays ?? 30 },
      });
    else if (r.code === 'CH_PAST_MAX_EXTENSION')
      reasons.push({ code: 'RS_PAST_MAX_EXTENSION', data: { stopOn: r.data.stopOn ?? '' } });
    else if (!isSaidAlready(r, insolvency !== null, blockingHold)) reasons.push(r);
  }
  // A live legal record (an enforcement, a lawsuit, a 票交所 listing…) is a reason to watch.
  for (const r of legalReasons(liveEvents, reasons)) reasons.push(r);
  if (input.grade === 'D' || (input.grade === 'E' && blockingHold.length === 0))
    reasons.push({ code: 'RS_WEAK_GRADE', data: { grade: input.grade } });
  if (input.disputes.count > 0)
    reasons.push({ code: 'RS_DISPUTES', data: { count: input.disputes.count, amountMinor: input.disputes.openMinor } });
  if (overLimit && !reasons.some((r) => r.code === 'RS_OVER_LIMIT'))
    reasons.push({
      code: 'RS_OVER_LIMIT',
      data: { exposureMinor: input.exposure.totalMinor, limitMinor: input.limitMinor },
    });
  if (input.grade === null) reasons.push({ code: 'RS_UNSCORED', data: {} });
  const status: RiskStatus = insolvency
    ? 'insolvent'
    : writtenOff
      ? 'written_off'
      : blockingHold.length > 0
        ? 'hold'
        : reasons.some((r) => r.code !== 'RS_UNSCORED')
          ? 'watch'
          : 'normal';
  return { status, reasons };
}

/**
 * A customer's risk state as of a date and how every module treats it (DOMAIN 2.5 rules 9–10,
 * 4.2, 8.5): the one place the forecast, the customer page, the limits, the order check and the
 * overview read a customer's grade, PD, insolvency, hold, cover and disputes from.
 *
 * - In insolvency (a live insolvency event) or written off (a write-off within the lookback and
 *   nothing paid since): open receivables are expected only at the recovery share, `recoveryLagDays`
 *   after the event; no new sales.
 * - On a hold that stops orders (any hold reason but 'no limit approved yet'): no new sales.
 * - Everyone else: receipts risk-adjusted by PD × LGD, LGD = 1 − recovery share − insured share.
 *
 * @example
 * const s = deriveRiskState(input, DEFAULT_RISK_STATE_SETTINGS);
 * s.status; // 'insolvent'
 * s.treatment.recoveryOn; // '2028-05-08' (2026-11-15 + 540 days)
 */
export function deriveRiskState(input: RiskStateInput, settings: RiskStateSettings): CustomerRiskState {
  const insolvency = liveInsolvency(input.events, input.asOf);
  const writtenOff = insolvency ? null : writtenOffSince(input, settings);
  const blockingHold = input.hold.reasons.filter((r) => !SALES_NEUTRAL_HOLDS.has(r.code));
  const overLimit = isOverLimit(input.exposure.totalMinor, input.limitMinor);
  const legalEvents = input.events
    .filter((e) => isLiveEvent(e, input.asOf, LEGAL_LOOKBACK_DAYS))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : -1));
  const { status, reasons } = statusOf(input, insolvency, writtenOff, blockingHold, overLimit, legalEvents);
  const pd = input.pd ?? settings.unscoredPd;
  const defaulted = insolvency !== null || writtenOff !== null;
  const lgd = lossGivenDefault(settings.recoveryShare, input.cover, input.exposure.openArMinor);
  const eventOn = insolvency?.occurredOn ?? writtenOff;
  return {
    customerId: input.customerId,
    asOf: input.asOf,
    status,
    grade: input.grade,
    score: input.score,
    pd: input.pd,
    isIndicative: input.isIndicative,
    overrides: input.overrides,
    insolvency: insolvency ? { on: insolvency.occurredOn, source: insolvency.source } : null,
    legalEvents,
    hold: { isOnHold: input.hold.decision === 'hold', reasons: input.hold.reasons },
    exposure: input.exposure,
    limitMinor: input.limitMinor,
    isOverLimit: overLimit,
    cover: input.cover,
    disputes: input.disputes,
    treatment: {
      receipts: defaulted ? 'recovery' : 'expected',
      recoveryShare: settings.recoveryShare,
      recoverySince: eventOn,
      recoveryOn: eventOn ? addDays(eventOn, settings.recoveryLagDays) : null,
      lgd,
      pd: defaulted ? 1 : pd,
      pdLow: defaulted ? 1 : pd / settings.pdBandFactor,
      pdHigh: defaulted ? 1 : Math.min(1, pd * settings.pdBandFactor),
      newSales: !defaulted && blockingHold.length === 0,
    },
    reasons,
  };
}
