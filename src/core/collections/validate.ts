import { Violations, type WriteViolation } from '../model/index.js';

/**
 * The write rules of the collections records, called by every entrance (the records API, and any
 * importer or command that writes them): docs/adr/0013.
 */
export function validatePromise(p: {
  amountMinor: number | null;
  currency: string | null;
  madeOn: string | null;
  promisedOn: string | null;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.positive('amountMinor', p.amountMinor);
  v.currency('currency', p.currency);
  v.notBefore('END_BEFORE_START', 'promisedOn', p.promisedOn, p.madeOn);
  return v.result;
}

export function validateDispute(d: {
  amountMinor: number | null;
  currency: string | null;
  openedOn: string | null;
  resolvedOn: string | null;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.positive('amountMinor', d.amountMinor);
  v.currency('currency', d.currency);
  v.notBefore('END_BEFORE_START', 'resolvedOn', d.resolvedOn, d.openedOn);
  return v.result;
}

/** A plan's instalments are positive, not due before the plan was agreed, and add up to its total. */
export function validatePaymentPlan(p: {
  totalMinor: number | null;
  currency: string | null;
  agreedOn: string | null;
  instalments: readonly { dueOn?: unknown; amountMinor?: unknown }[] | null;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.positive('totalMinor', p.totalMinor);
  v.currency('currency', p.currency);
  const list = p.instalments ?? [];
  let sum = 0;
  for (const [i, part] of list.entries()) {
    const amount = typeof part.amountMinor === 'number' ? part.amountMinor : null;
    v.positive(`instalments.${i}.amountMinor`, amount);
    v.notBefore('END_BEFORE_START', `instalments.${i}.dueOn`, part.dueOn, p.agreedOn);
    sum += amount ?? 0;
  }
  if (list.length === 0 || (typeof p.totalMinor === 'number' && sum !== p.totalMinor))
    v.add('INSTALMENTS_SUM_MISMATCH', 'instalments', sum, `${p.totalMinor ?? 0} (the plan's total)`);
  return v.result;
}
