export type { LcCheck, LcCheckItem, LcCheckState, LcUnsecuredReason } from './checklist.js';
export { LC_CHECKS, lcChecklist, lcSecurity, SHORT_PRESENTATION_DAYS, SHORT_SHIPMENT_DAYS } from './checklist.js';
export type { LcBank, LcPaymentTimeline, LcStatus, LetterOfCredit } from './letter-of-credit.js';
export {
  addBankingDays,
  DEFAULT_PRESENTATION_DAYS,
  DEFAULT_SETTLEMENT_DAYS,
  EXAMINATION_BANKING_DAYS,
  examinationWindow,
  LC_STATUSES,
  paymentTimeline,
  presentationDeadline,
} from './letter-of-credit.js';
