import { addDays, type LocalDate } from '../../time/index.js';
import type { PaymentRecord } from './columns.js';
import type { BehaviourSettings } from './settings.js';

/** A settled 30-day invoice paid `delay` days after due, settled `settledDaysBefore` days before `asOf`. */
export function paidInvoice(
  customerId: string,
  asOf: LocalDate,
  settledDaysBefore: number,
  delay: number,
  extra: Partial<PaymentRecord> = {},
): PaymentRecord {
  const settledOn = addDays(asOf, -settledDaysBefore);
  const dueOn = addDays(settledOn, -delay);
  return {
    customerId,
    issuedOn: addDays(dueOn, -30),
    dueOn,
    settledOn,
    amount: 100,
    isDisputed: false,
    channel: 'electronic',
    ...extra,
  };
}

/** Settings that make every figure a plain mean, so tests can work them out by hand. */
export const PLAIN_SETTINGS: Partial<BehaviourSettings> = {
  features: [],
  trimFraction: 0,
  recencyHalfLifeDays: 1e9,
  predictionShrinkage: 3,
  maturityDays: 0,
  priorInvoicesAtDueDate: 0,
};
