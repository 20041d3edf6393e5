import { type BusinessCalendar, isWorkingEpochDay, workingDayOnOrAfter } from '../time/calendar.js';
import { addDays, fromEpochDay, type LocalDate, minDate, toEpochDay } from '../time/local-date.js';

/** UCP 600 art. 14(c): presentation no later than 21 calendar days after shipment (DOMAIN 7.7). */
export const DEFAULT_PRESENTATION_DAYS = 21;
/** UCP 600 art. 14(b): at most five banking days following the day of presentation to examine. */
export const EXAMINATION_BANKING_DAYS = 5;
/** Banking days from honour to the money on the beneficiary's account (a setting; 2 by default). */
export const DEFAULT_SETTLEMENT_DAYS = 2;

export const LC_STATUSES = ['draft', 'accepted', 'presented', 'honoured', 'refused', 'expired', 'cancelled'] as const;
export type LcStatus = (typeof LC_STATUSES)[number];

/** A bank on the credit and whether the organisation judges it sound (null: not judged yet). */
export interface LcBank {
  readonly name: string;
  readonly country: string | null;
  readonly isSound: boolean | null;
}

/**
 * A documentary credit securing an export receivable (DOMAIN 7.7): amounts in minor units of
 * `currency`; `presentationDays` null means the UCP default of 21 days after shipment.
 */
export interface LetterOfCredit {
  readonly id: string;
  readonly number: string;
  readonly customerId: string;
  /** The receivable it secures; null when it secures the customer's trade in general. */
  readonly invoiceId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly issuedOn: LocalDate;
  readonly expiresOn: LocalDate;
  readonly latestShipmentOn: LocalDate;
  /** The actual shipment (transport document) date, once shipped. */
  readonly shippedOn: LocalDate | null;
  readonly presentationDays: number | null;
  readonly isIrrevocable: boolean;
  /** Sight: paid on compliant presentation; usance: paid `usanceDays` after acceptance. */
  readonly availability: 'sight' | 'usance';
  readonly usanceDays: number;
  readonly issuingBank: LcBank;
  readonly confirmingBank: LcBank | null;
  readonly presentedOn: LocalDate | null;
  /** The examining bank's verdict: true complying, false discrepant, null not examined yet. */
  readonly documentsComply: boolean | null;
  readonly status: LcStatus;
}

/** Moves a date that is not a banking day to the next banking day (UCP 600 art. 29(a)). */
function onOrAfterBankingDay(cal: BusinessCalendar, date: LocalDate): LocalDate {
  return fromEpochDay(workingDayOnOrAfter(cal, toEpochDay(date)));
}

/** The `n`th banking day strictly after `date`. */
export function addBankingDays(cal: BusinessCalendar, date: LocalDate, n: number): LocalDate {
  let d = toEpochDay(date);
  for (let left = n; left > 0; ) {
    d += 1;
    if (isWorkingEpochDay(cal, d)) left -= 1;
  }
  return fromEpochDay(d);
}

/**
 * The last day documents may be presented: the shipment date (actual, else the latest allowed)
 * plus the presentation period, never after expiry (DOMAIN 7.8 rule 5:
 * min(shipmentDate + 21 days, expiryDate)); a last day that is not a banking day moves to the next
 * banking day (UCP 600 art. 29(a)).
 *
 * @example
 * presentationDeadline(cal, { shippedOn: '2026-12-01', presentationDays: null, expiresOn: '2027-01-31', … }) // '2026-12-22'
 */
export function presentationDeadline(
  cal: BusinessCalendar,
  lc: Pick<LetterOfCredit, 'shippedOn' | 'latestShipmentOn' | 'presentationDays' | 'expiresOn'>,
): LocalDate {
  const shipped = lc.shippedOn ?? lc.latestShipmentOn;
  const last = minDate(addDays(shipped, lc.presentationDays ?? DEFAULT_PRESENTATION_DAYS), lc.expiresOn);
  return onOrAfterBankingDay(cal, last);
}

/**
 * The examination window: from the day after presentation to the fifth banking day following it
 * (UCP 600 art. 14(b)); weekends and public holidays do not count.
 *
 * @example
 * examinationWindow(cal, '2026-09-29') // { from: '2026-09-30', to: '2026-10-12' } (1–7 October off, Saturday 10/10 worked)
 */
export function examinationWindow(cal: BusinessCalendar, presentedOn: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: addDays(presentedOn, 1), to: addBankingDays(cal, presentedOn, EXAMINATION_BANKING_DAYS) };
}

export interface LcPaymentTimeline {
  /** The presentation the timeline assumes: the actual one, else the last day allowed. */
  readonly presentedOn: LocalDate;
  readonly isPresentationAssumed: boolean;
  readonly examinationEndsOn: LocalDate;
  /** Usance: the maturity of the accepted draft (acceptance + tenor, on a banking day); sight: null. */
  readonly maturesOn: LocalDate | null;
  /** When the cash is expected on the account. */
  readonly expectedOn: LocalDate;
}

/**
 * The credit's own timeline to cash: presentation (actual, else the deadline, the latest it can
 * be), the five-banking-day examination, then for a sight credit `settlementDays` banking days;
 * for a usance credit the tenor runs from acceptance at the end of examination, the maturity moves
 * to a banking day, and settlement follows.
 *
 * @example
 * paymentTimeline(cal, { availability: 'sight', presentedOn: '2026-12-04', … })
 * // { examinationEndsOn: '2026-12-11', maturesOn: null, expectedOn: '2026-12-15', … }
 */
export function paymentTimeline(
  cal: BusinessCalendar,
  lc: Pick<
    LetterOfCredit,
    'shippedOn' | 'latestShipmentOn' | 'presentationDays' | 'expiresOn' | 'presentedOn' | 'availability' | 'usanceDays'
  >,
  settlementDays = DEFAULT_SETTLEMENT_DAYS,
): LcPaymentTimeline {
  const presentedOn = lc.presentedOn ?? presentationDeadline(cal, lc);
  const examinationEndsOn = examinationWindow(cal, presentedOn).to;
  const maturesOn =
    lc.availability === 'usance' ? onOrAfterBankingDay(cal, addDays(examinationEndsOn, lc.usanceDays)) : null;
  return {
    presentedOn,
    isPresentationAssumed: lc.presentedOn === null,
    examinationEndsOn,
    maturesOn,
    expectedOn: addBankingDays(cal, maturesOn ?? examinationEndsOn, settlementDays),
  };
}
