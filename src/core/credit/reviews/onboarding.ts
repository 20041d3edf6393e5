import type { ExternalRating, FinancialStatement } from '../../model/index.js';
import { diffDays, type LocalDate } from '../../time/index.js';
import type { Reason } from '../scorecard/index.js';
import { validateCreditCode } from './credit-code.js';
import { DEFAULT_ONBOARDING_SETTINGS, type OnboardingSettings } from './settings.js';

/** DOMAIN 4.2 onboarding checklist items. */
export const ONBOARDING_ITEMS = [
  'registration',
  'financial_statements',
  'credit_report',
  'litigation_check',
  'trade_references',
  'bank_reference',
  'sanctions_check',
] as const;
export type OnboardingItem = (typeof ONBOARDING_ITEMS)[number];

/** Items without which no credit is safe: the limit is 0 (cash in advance) until they are done. */
export const BLOCKING_ITEMS: readonly OnboardingItem[] = ['registration', 'litigation_check', 'sanctions_check'];

/**
 * Items read from the customer's data alone: registration is its 统一社会信用代码 (check character
 * verified), edited on the customer record. A status a person records for one would never show.
 */
export const DATA_ONLY_ITEMS: readonly OnboardingItem[] = ['registration'];

/** A check a person recorded (stored in onboarding_checks). */
export interface RecordedCheck {
  readonly item: string;
  readonly status: 'done' | 'failed' | 'waived';
  readonly checkedOn: LocalDate;
  readonly checkedBy: string;
  readonly note: string | null;
}

export type ItemStatus = 'done' | 'missing' | 'invalid' | 'failed' | 'waived';

export interface ChecklistLine {
  readonly item: OnboardingItem;
  readonly status: ItemStatus;
  /** 'data' when the system saw it in the records, 'recorded' when a person recorded it. */
  readonly source: 'data' | 'recorded' | null;
  readonly reason: Reason;
  /** Whether a status a person records now would show on this line (see `isRecordable`). */
  readonly recordable: boolean;
}

export interface OnboardingInput {
  readonly customerId: string;
  readonly country: string;
  readonly registrationNo: string | null;
  readonly statements: readonly FinancialStatement[];
  readonly ratings: readonly ExternalRating[];
  readonly checks: readonly RecordedCheck[];
  /** Invoices issued in the last `selfCheckMonths` and settled on or before their due date. */
  readonly purchasesPaidOnTime: number;
  /** True when the buyer has its own insurer limit (the self-check applies below the threshold only). */
  readonly hasInsurerLimit: boolean;
  /** The recommended limit from the limits module, when one could be computed. */
  readonly recommendedMinor: number | null;
}

export interface OnboardingResult {
  readonly customerId: string;
  readonly lines: readonly ChecklistLine[];
  readonly missing: readonly OnboardingItem[];
  readonly isComplete: boolean;
  readonly isBlocked: boolean;
  readonly safeLimitMinor: number;
  readonly safeLimitReason: Reason;
  /** Allianz self-check (DOMAIN 1.1, 4.2): applies when there is no insurer limit. */
  readonly selfCheck: { readonly applies: boolean; readonly isMet: boolean; readonly reason: Reason };
}

function recorded(item: OnboardingItem, checks: readonly RecordedCheck[], asOf: LocalDate): RecordedCheck | undefined {
  return checks
    .filter((c) => c.item === item && c.checkedOn <= asOf)
    .sort((a, b) => (a.checkedOn < b.checkedOn ? 1 : -1))[0];
}

/**
 * Whether recording a status for a checklist line would change it: never for a data-only item
 * (registration), nor while the data shows the item done (the data wins over a record); any
 * other line shows the newest record.
 *
 * @example
 * isRecordable({ item: 'bank_reference', source: null }); // true
 * isRecordable({ item: 'financial_statements', source: 'data' }); // false
 */
export function isRecordable(line: Pick<ChecklistLine, 'item' | 'source'>): boolean {
  return !DATA_ONLY_ITEMS.includes(line.item) && line.source !== 'data';
}

function line(
  item: OnboardingItem,
  status: ItemStatus,
  source: ChecklistLine['source'],
  data: Reason['data'] = {},
): ChecklistLine {
  const reason = { code: `CO_${item.toUpperCase()}_${status.toUpperCase()}`, data };
  return { item, status, source, reason, recordable: isRecordable({ item, source }) };
}

function fromData(
  item: OnboardingItem,
  input: OnboardingInput,
  asOf: LocalDate,
  s: OnboardingSettings,
): ChecklistLine | null {
  if (item === 'registration') {
    if (input.registrationNo === null || input.registrationNo.trim() === '') return line(item, 'missing', null);
    if (input.country !== 'CN') return line(item, 'done', 'data', { value: input.registrationNo });
    const v = validateCreditCode(input.registrationNo);
    return v.ok
      ? line(item, 'done', 'data', { value: v.value })
      : line(item, 'invalid', 'data', { value: input.registrationNo, error: v.error.code });
  }
  if (item === 'financial_statements') {
    const fresh = input.statements.filter(
      (st) => st.periodEnd <= asOf && diffDays(st.periodEnd, asOf) <= s.statementMaxAgeDays,
    );
    const newest = fresh
      .map((st) => st.periodEnd)
      .sort()
      .at(-1);
    return newest ? line(item, 'done', 'data', { periodEnd: newest }) : null;
  }
  if (item === 'credit_report') {
    const fresh = input.ratings.filter((r) => r.ratedOn <= asOf && diffDays(r.ratedOn, asOf) <= s.reportMaxAgeDays);
    const newest = fresh.sort((a, b) => (a.ratedOn < b.ratedOn ? 1 : -1))[0];
    return newest ? line(item, 'done', 'data', { agency: newest.agency, ratedOn: newest.ratedOn }) : null;
  }
  return null;
}

/** Data-only items are read from data; the others from data first, then from what a person recorded. */
function checkItem(
  item: OnboardingItem,
  input: OnboardingInput,
  asOf: LocalDate,
  s: OnboardingSettings,
): ChecklistLine {
  const seen = fromData(item, input, asOf, s);
  if (seen && (seen.status === 'done' || DATA_ONLY_ITEMS.includes(item))) return seen;
  const r = recorded(item, input.checks, asOf);
  if (r) return line(item, r.status, 'recorded', { on: r.checkedOn, by: r.checkedBy, note: r.note });
  return seen ?? line(item, 'missing', null, item === 'trade_references' ? { needed: s.tradeReferences } : {});
}

function safeLimit(lines: readonly ChecklistLine[], input: OnboardingInput, s: OnboardingSettings) {
  const bad = lines.filter(
    (l) => l.status === 'failed' || (BLOCKING_ITEMS.includes(l.item) && l.status !== 'done' && l.status !== 'waived'),
  );
  if (bad.length > 0)
    return { minor: 0, reason: { code: 'CO_SAFE_LIMIT_BLOCKED', data: { items: bad.map((l) => l.item).join(', ') } } };
  const complete = lines.every((l) => l.status === 'done' || l.status === 'waived');
  if (complete && input.recommendedMinor !== null)
    return {
      minor: input.recommendedMinor,
      reason: { code: 'CO_SAFE_LIMIT_RECOMMENDED', data: { limitMinor: input.recommendedMinor } },
    };
  const minor = Math.min(s.newCustomerMaxMinor, input.recommendedMinor ?? s.newCustomerMaxMinor);
  return {
    minor,
    reason: { code: 'CO_SAFE_LIMIT_NEW_CUSTOMER', data: { capMinor: s.newCustomerMaxMinor, limitMinor: minor } },
  };
}

/**
 * The onboarding checklist before a first credit sale (DOMAIN 4.2): each item's status, what is
 * missing, the safe limit (0 while registration, litigation or sanctions checks are not done or
 * anything failed; the recommended limit once complete; at most `newCustomerMaxMinor` between),
 * and the Allianz self-check below the insurer threshold (≥ 2 purchases paid on time in 12 months,
 * or a written credit report).
 *
 * @example
 * const r = assessOnboarding(input, '2026-11-25');
 * r.missing; // ['trade_references', 'bank_reference', 'sanctions_check']
 */
export function assessOnboarding(
  input: OnboardingInput,
  asOf: LocalDate,
  settings: OnboardingSettings = DEFAULT_ONBOARDING_SETTINGS,
): OnboardingResult {
  const lines = ONBOARDING_ITEMS.map((item) => checkItem(item, input, asOf, settings));
  const missing = lines.filter((l) => l.status === 'missing' || l.status === 'invalid').map((l) => l.item);
  const safe = safeLimit(lines, input, settings);
  const hasReport = lines.some((l) => l.item === 'credit_report' && l.status === 'done');
  const isMet = input.purchasesPaidOnTime >= settings.selfCheckPurchases || hasReport;
  const data = {
    purchases: input.purchasesPaidOnTime,
    needed: settings.selfCheckPurchases,
    months: settings.selfCheckMonths,
    hasReport,
  };
  return {
    customerId: input.customerId,
    lines,
    missing,
    isComplete: lines.every((l) => l.status === 'done' || l.status === 'waived'),
    isBlocked: safe.minor === 0 && safe.reason.code === 'CO_SAFE_LIMIT_BLOCKED',
    safeLimitMinor: safe.minor,
    safeLimitReason: safe.reason,
    selfCheck: {
      applies: !input.hasInsurerLimit,
      isMet,
      reason: {
        code: input.hasInsurerLimit
          ? 'CO_SELF_CHECK_NOT_APPLICABLE'
          : isMet
            ? 'CO_SELF_CHECK_MET'
            : 'CO_SELF_CHECK_NOT_MET',
        data,
      },
    },
  };
}
