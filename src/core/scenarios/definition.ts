import { isCurrencyCode } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import { isLocalDate, type LocalDate } from '../time/index.js';

/** One repayment of a new loan: base-currency minor units on a date. */
export interface LoanRepayment {
  readonly on: LocalDate;
  readonly amountMinor: number;
}

/**
 * One element of a user's what-if scenario, built from the stress shocks (DOMAIN 3.1) plus the
 * two planned flows a finance manager asks about most (a new loan, a large purchase). Amounts
 * are base-currency minor units; percentages are whole or decimal percent (20 = 20 %).
 */
export type ScenarioElement =
  /** This customer defaults on this date: its receipts from that date on are lost. */
  | { readonly kind: 'customer_default'; readonly customerId: string; readonly on: LocalDate }
  /** These customers (or every customer, when `customerIds` is absent) pay `days` later. */
  | { readonly kind: 'payment_delay'; readonly days: number; readonly customerIds?: readonly string[] }
  /** New sales −`percent` % from the month `fromMonth` ('YYYY-MM'); purchases follow. */
  | { readonly kind: 'sales_drop'; readonly percent: number; readonly fromMonth: string }
  /** The credit lines are not renewed: each ends at its renewal date and its drawn balance is repaid. */
  | { readonly kind: 'credit_line_not_renewed' }
  /** A new loan received on `on`, repaid by `repayments`. */
  | {
      readonly kind: 'new_loan';
      readonly amountMinor: number;
      readonly on: LocalDate;
      readonly repayments: readonly LoanRepayment[];
    }
  /** A large purchase paid on `on`. */
  | { readonly kind: 'large_purchase'; readonly amountMinor: number; readonly on: LocalDate; readonly label?: string }
  /** A foreign currency moves by `percent` % against the base (−10 = 10 % weaker). */
  | { readonly kind: 'fx_shift'; readonly currency: string; readonly percent: number };

export type ScenarioElementKind = ScenarioElement['kind'];

export const SCENARIO_ELEMENT_KINDS: readonly ScenarioElementKind[] = [
  'customer_default',
  'payment_delay',
  'sales_drop',
  'credit_line_not_renewed',
  'new_loan',
  'large_purchase',
  'fx_shift',
];

/** A named what-if scenario of one organisation, as the user writes it. */
export interface ScenarioDefinition {
  /** The user's name for it: its title everywhere, unique in the organisation. */
  readonly name: string;
  readonly description?: string;
  readonly elements: readonly ScenarioElement[];
  /**
   * Forecast parameters of a row written before scenarios had elements (the `scenarios.params`
   * overrides of the base, e.g. `{ "fxShift": -0.05 }`): read, applied, never written.
   */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

export const SCENARIO_LIMITS = { nameLength: 80, descriptionLength: 500, elements: 50, repayments: 120 } as const;
/** Names the three built-in scenarios take; a saved scenario may not take them. */
export const RESERVED_SCENARIO_NAMES: readonly string[] = ['optimistic', 'base', 'pessimistic'];

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (field: string, value: unknown, expected: string) =>
  fail('SCENARIO_INVALID_FIELD', {
    field,
    value: typeof value === 'object' ? JSON.stringify(value) : String(value),
    expected,
  });
const isMonth = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && isLocalDate(`${v}-01`);
const isDate = (v: unknown): v is string => typeof v === 'string' && isLocalDate(v);
const isMinor = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The fields each kind has: anything else is refused, so a typo never passes as a no-op. */
const FIELDS: Readonly<Record<ScenarioElementKind, readonly string[]>> = {
  customer_default: ['kind', 'customerId', 'on'],
  payment_delay: ['kind', 'days', 'customerIds'],
  sales_drop: ['kind', 'percent', 'fromMonth'],
  credit_line_not_renewed: ['kind'],
  new_loan: ['kind', 'amountMinor', 'on', 'repayments'],
  large_purchase: ['kind', 'amountMinor', 'on', 'label'],
  fx_shift: ['kind', 'currency', 'percent'],
};

function validateRepayments(v: unknown, at: string, on: string): Result<LoanRepayment[]> {
  if (!Array.isArray(v) || v.length > SCENARIO_LIMITS.repayments)
    return bad(at, v, `a list of at most ${SCENARIO_LIMITS.repayments} repayments`);
  const out: LoanRepayment[] = [];
  for (const [i, r] of v.entries()) {
    if (!isObj(r)) return bad(`${at}.${i}`, r, '{ on, amountMinor }');
    if (!isDate(r.on) || r.on < on) return bad(`${at}.${i}.on`, r.on, `YYYY-MM-DD on or after ${on}`);
    if (!isMinor(r.amountMinor)) return bad(`${at}.${i}.amountMinor`, r.amountMinor, 'a whole number > 0');
    out.push({ on: r.on, amountMinor: r.amountMinor });
  }
  return ok(out);
}

function validateElement(e: unknown, at: string, customerIds: ReadonlySet<string> | null): Result<ScenarioElement> {
  if (!isObj(e)) return bad(at, e, 'an object with a kind');
  const kind = e.kind as ScenarioElementKind;
  if (!SCENARIO_ELEMENT_KINDS.includes(kind)) return bad(`${at}.kind`, e.kind, SCENARIO_ELEMENT_KINDS.join(', '));
  const extra = Object.keys(e).find((k) => !FIELDS[kind].includes(k));
  if (extra !== undefined) return bad(`${at}.${extra}`, e[extra], FIELDS[kind].join(', '));
  const known = (id: unknown, field: string) =>
    typeof id !== 'string' || id.length === 0
      ? bad(field, id, 'a customer id')
      : customerIds !== null && !customerIds.has(id)
        ? fail('UNKNOWN_CUSTOMER', { field, value: id })
        : null;
  switch (kind) {
    case 'customer_default': {
      const unknown = known(e.customerId, `${at}.customerId`);
      if (unknown) return unknown;
      if (!isDate(e.on)) return bad(`${at}.on`, e.on, 'YYYY-MM-DD');
      return ok({ kind, customerId: e.customerId as string, on: e.on });
    }
    case 'payment_delay': {
      if (!(Number.isInteger(e.days) && (e.days as number) >= 1 && (e.days as number) <= 365))
        return bad(`${at}.days`, e.days, 'whole days 1-365');
      if (e.customerIds === undefined) return ok({ kind, days: e.days as number });
      if (!Array.isArray(e.customerIds) || e.customerIds.length === 0)
        return bad(`${at}.customerIds`, e.customerIds, 'a non-empty list of customer ids, or absent for all');
      for (const [i, id] of e.customerIds.entries()) {
        const unknown = known(id, `${at}.customerIds.${i}`);
        if (unknown) return unknown;
      }
      return ok({ kind, days: e.days as number, customerIds: [...(e.customerIds as string[])] });
    }
    case 'sales_drop': {
      const p = e.percent;
      if (!(typeof p === 'number' && p > 0 && p <= 100)) return bad(`${at}.percent`, p, 'a percentage > 0 and <= 100');
      if (!isMonth(e.fromMonth)) return bad(`${at}.fromMonth`, e.fromMonth, 'YYYY-MM');
      return ok({ kind, percent: p, fromMonth: e.fromMonth });
    }
    case 'credit_line_not_renewed':
      return ok({ kind });
    case 'new_loan': {
      if (!isMinor(e.amountMinor)) return bad(`${at}.amountMinor`, e.amountMinor, 'a whole number > 0');
      if (!isDate(e.on)) return bad(`${at}.on`, e.on, 'YYYY-MM-DD');
      const repayments = validateRepayments(e.repayments ?? [], `${at}.repayments`, e.on);
      if (!repayments.ok) return repayments;
      return ok({ kind, amountMinor: e.amountMinor, on: e.on, repayments: repayments.value });
    }
    case 'large_purchase': {
      if (!isMinor(e.amountMinor)) return bad(`${at}.amountMinor`, e.amountMinor, 'a whole number > 0');
      if (!isDate(e.on)) return bad(`${at}.on`, e.on, 'YYYY-MM-DD');
      if (e.label !== undefined && !(typeof e.label === 'string' && e.label.length <= 100))
        return bad(`${at}.label`, e.label, 'text of at most 100 characters');
      return ok({ kind, amountMinor: e.amountMinor, on: e.on, ...(e.label ? { label: e.label as string } : {}) });
    }
    case 'fx_shift': {
      if (typeof e.currency !== 'string' || !isCurrencyCode(e.currency))
        return bad(`${at}.currency`, e.currency, 'an ISO currency code');
      const p = e.percent;
      if (!(typeof p === 'number' && p > -100 && p <= 100 && p !== 0))
        return bad(`${at}.percent`, p, 'a percentage between -100 and 100, not 0');
      return ok({ kind, currency: e.currency, percent: p });
    }
  }
}

/**
 * Checks a scenario as written (a JSON body, a file) and returns it typed, or the first problem
 * with the field named (`elements.2.days`). The one validator the API and the CLI both call.
 * `customerIds`, when given, are the organisation's customers: a scenario naming another is refused.
 *
 * @example
 * validateScenarioDefinition({ name: 'Big loss', elements: [{ kind: 'payment_delay', days: 30 }] }) // ok
 * validateScenarioDefinition({ name: '', elements: [] }) // fail SCENARIO_INVALID_FIELD, field 'name'
 */
export function validateScenarioDefinition(
  raw: unknown,
  customerIds: ReadonlySet<string> | null = null,
): Result<ScenarioDefinition> {
  if (!isObj(raw)) return bad('', raw, '{ name, elements }');
  const extra = Object.keys(raw).find((k) => !['name', 'description', 'elements'].includes(k));
  if (extra !== undefined) return bad(extra, raw[extra], 'name, description, elements');
  const name = typeof raw.name === 'string' ? raw.name.trim() : raw.name;
  if (typeof name !== 'string' || name.length === 0 || name.length > SCENARIO_LIMITS.nameLength)
    return bad('name', raw.name, `text of 1-${SCENARIO_LIMITS.nameLength} characters`);
  if (RESERVED_SCENARIO_NAMES.includes(name.toLowerCase()))
    return bad('name', name, `a name other than ${RESERVED_SCENARIO_NAMES.join(', ')}`);
  const description = raw.description;
  if (description !== undefined && !(typeof description === 'string' && description.length <= 500))
    return bad('description', description, `text of at most ${SCENARIO_LIMITS.descriptionLength} characters`);
  if (!Array.isArray(raw.elements) || raw.elements.length === 0 || raw.elements.length > SCENARIO_LIMITS.elements)
    return bad('elements', raw.elements, `a list of 1-${SCENARIO_LIMITS.elements} elements`);
  const elements: ScenarioElement[] = [];
  for (const [i, e] of raw.elements.entries()) {
    const r = validateElement(e, `elements.${i}`, customerIds);
    if (!r.ok) return r;
    elements.push(r.value);
  }
  return ok({ name, ...(description ? { description } : {}), elements });
}
