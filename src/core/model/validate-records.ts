import { parseScheduleRule } from '../time/index.js';
import { Violations, type WriteViolation } from './write-rules.js';

/**
 * The rules of the records other than documents and settlements. Each takes the record as it is
 * about to be stored, in domain field names, and returns its violations.
 */

/** A customer or supplier: payment terms of zero days or more, a known currency when set. */
export function validateParty(p: {
  readonly defaultTermsDays?: number | null | undefined;
  readonly currency?: string | null | undefined;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.nonNegative('defaultTermsDays', p.defaultTermsDays);
  v.currency('currency', p.currency);
  return v.result;
}

/** 1 `base` = `rate` `quote`: two different known currencies, a rate above zero. */
export function validateFxRate(r: { readonly base: string; readonly quote: string; readonly rate: number }) {
  const v = new Violations();
  v.currency('base', r.base);
  v.currency('quote', r.quote);
  if (r.base === r.quote) v.add('SAME_CURRENCY', 'quote', r.quote);
  v.positive('rate', r.rate);
  return v.result;
}

/**
 * A forward contract: two different known currencies, an amount and a rate above zero, a direction
 * of 'sell' or 'buy', and a value date not before the trade date.
 */
export function validateFxForward(r: {
  readonly direction: string;
  readonly currency: string;
  readonly counterCurrency: string;
  readonly amountMinor: number;
  readonly rate: number;
  readonly tradeOn: string;
  readonly valueOn: string;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', r.currency);
  v.currency('counterCurrency', r.counterCurrency);
  if (r.currency === r.counterCurrency) v.add('SAME_CURRENCY', 'counterCurrency', r.counterCurrency);
  v.positive('amountMinor', r.amountMinor);
  v.positive('rate', r.rate);
  v.notBefore('END_BEFORE_START', 'valueOn', r.valueOn, r.tradeOn);
  return v.result;
}

/**
 * A bought option kept as a pay-off (ADR 0028): known and different currencies, notional and
 * strike above zero, a premium of zero or more, expiry not before the trade date.
 */
export function validateFxOption(r: {
  readonly currency: string;
  readonly counterCurrency: string;
  readonly notionalMinor: number;
  readonly strike: number;
  readonly premiumMinor: number;
  readonly tradeOn: string;
  readonly expiresOn: string;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', r.currency);
  v.currency('counterCurrency', r.counterCurrency);
  if (r.currency === r.counterCurrency) v.add('SAME_CURRENCY', 'counterCurrency', r.counterCurrency);
  v.positive('notionalMinor', r.notionalMinor);
  v.positive('strike', r.strike);
  v.nonNegative('premiumMinor', r.premiumMinor);
  v.notBefore('END_BEFORE_START', 'expiresOn', r.expiresOn, r.tradeOn);
  return v.result;
}

const LC_CHECK_CODES = new Set([
  'issuing_bank_authenticated',
  'irrevocable',
  'confirmed_if_high_risk',
  'no_soft_clauses',
  'realistic_shipment_date',
  'presentation_period',
  'terms_match_contract',
  'no_advance_fees',
  'documents_through_banks',
]);

/**
 * A letter of credit (ADR 0028): amount above zero, a known currency, expiry not before issue,
 * latest shipment between issue and expiry, a usance credit with a tenor above zero, and the
 * checklist answers as a JSON object of known item codes to 'pass' | 'flag' | 'unknown'.
 */
export function validateLetterOfCredit(r: {
  readonly amountMinor: number;
  readonly currency: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
  readonly latestShipmentOn: string;
  readonly availability: string;
  readonly usanceDays: number;
  readonly presentationDays?: number | null;
  readonly checklist: string;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', r.currency);
  v.positive('amountMinor', r.amountMinor);
  v.notBefore('END_BEFORE_START', 'expiresOn', r.expiresOn, r.issuedOn);
  v.notBefore('END_BEFORE_START', 'latestShipmentOn', r.latestShipmentOn, r.issuedOn);
  v.notBefore('END_BEFORE_START', 'expiresOn', r.expiresOn, r.latestShipmentOn);
  if (r.availability === 'usance') v.positive('usanceDays', r.usanceDays);
  else v.nonNegative('usanceDays', r.usanceDays);
  if (r.presentationDays !== null && r.presentationDays !== undefined)
    v.positive('presentationDays', r.presentationDays);
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.checklist);
  } catch {
    parsed = null;
  }
  const isChecklist =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.entries(parsed).every(
      ([k, s]) => LC_CHECK_CODES.has(k) && (s === 'pass' || s === 'flag' || s === 'unknown'),
    );
  if (!isChecklist) v.add('BAD_LC_CHECKLIST', 'checklist', r.checklist, '{"irrevocable":"pass"}');
  return v.result;
}

/** Payroll, rent, tax…: an amount above zero, a schedule the forecast can read, the end not before the start. */
export function validateRecurringItem(r: {
  readonly amountMinor: number;
  readonly currency: string;
  readonly rule: string;
  readonly startsOn: string;
  readonly endsOn?: string | null | undefined;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', r.currency);
  v.positive('amountMinor', r.amountMinor);
  if (!parseScheduleRule(r.rule).ok) v.add('BAD_SCHEDULE_RULE', 'rule', r.rule, 'monthly:15');
  v.notBefore('END_BEFORE_START', 'endsOn', r.endsOn, r.startsOn);
  return v.result;
}

/** A legal event: an amount of zero or more when given, resolved not before it occurred. */
export function validateLegalEvent(e: {
  readonly occurredOn: string;
  readonly resolvedOn?: string | null | undefined;
  readonly amountMinor?: number | null | undefined;
  readonly currency?: string | null | undefined;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', e.currency);
  v.nonNegative('amountMinor', e.amountMinor);
  v.notBefore('END_BEFORE_START', 'resolvedOn', e.resolvedOn, e.occurredOn);
  return v.result;
}

/** Records whose rules are a known currency and amounts of zero or more (limits, lines, accounts, balances' accounts). */
export function validateAmounts(
  r: Readonly<Record<string, unknown>>,
  nonNegative: readonly string[],
  positive: readonly string[] = [],
): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', typeof r.currency === 'string' ? r.currency : null);
  for (const f of nonNegative) v.nonNegative(f, typeof r[f] === 'number' ? r[f] : null);
  for (const f of positive) v.positive(f, typeof r[f] === 'number' ? r[f] : null);
  return v.result;
}

/** An acceptance bill: a face value above zero, maturing on or after its issue date. */
export function validateAcceptanceBill(b: {
  readonly faceMinor: number;
  readonly currency: string;
  readonly issuedOn: string;
  readonly maturesOn: string;
}): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', b.currency);
  v.positive('faceMinor', b.faceMinor);
  v.notBefore('END_BEFORE_START', 'maturesOn', b.maturesOn, b.issuedOn);
  return v.result;
}
