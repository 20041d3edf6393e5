import type { CurrencyCode } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';
import type { DunningAction } from './ladder.js';
import type { LadderAction } from './ladder-settings.js';
import { computeContractInterest } from './late-interest.js';
import { computeCnInterest } from './late-interest-cn.js';
import type { LateInterestSettings } from './late-interest-settings.js';

/**
 * The ladder actions a written message goes out for. A call, a handover and legal action are done
 * by a person; they are logged, not mailed.
 */
export const MESSAGE_ACTIONS: readonly LadderAction[] = [
  'courtesy_reminder',
  'reminder',
  'formal_reminder',
  'demand_letter',
  'final_notice',
];

export const isMessageAction = (a: LadderAction): boolean => MESSAGE_ACTIONS.includes(a);

/** How messages state late interest and where they ask to be paid (settings key 'collections.messages'). */
export interface MessageSettings {
  /** The law the interest to date is computed under: the 条例's default daily rate, a contract rate, or none shown. */
  readonly interestLaw: 'cn' | 'contract' | 'none';
  /** The yearly rate (a fraction) for 'contract'. */
  readonly contractRate: number | null;
  /** The first stage whose message states interest (DOMAIN 5.1: the formal reminder, stage 3). */
  readonly interestFromStage: number;
  /** The bank account the payment instructions name; null: the organisation's first account in the currency. */
  readonly bankAccountId: string | null;
}

export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = {
  interestLaw: 'cn',
  contractRate: null,
  interestFromStage: 3,
  bankAccountId: null,
};

/** The defaults with the organisation's overrides laid over them, checked whole. */
export function resolveMessageSettings(overrides: Readonly<Record<string, unknown>> = {}): Result<MessageSettings> {
  const bad = (key: string, value: unknown, expected: string) =>
    fail('INVALID_SETTING', { field: `collections.messages.${key}`, value: JSON.stringify(value) ?? '', expected });
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'interestLaw' && value !== 'cn' && value !== 'contract' && value !== 'none')
      return bad(key, value, 'cn, contract or none');
    if (key === 'contractRate' && value !== null && !(typeof value === 'number' && value >= 0 && value <= 1))
      return bad(key, value, 'a yearly rate between 0 and 1');
    if (key === 'interestFromStage' && !(Number.isInteger(value) && (value as number) >= 0))
      return bad(key, value, 'a stage number');
    if (key === 'bankAccountId' && value !== null && typeof value !== 'string') return bad(key, value, 'an account id');
    if (!Object.hasOwn(DEFAULT_MESSAGE_SETTINGS, key))
      return bad(key, key, Object.keys(DEFAULT_MESSAGE_SETTINGS).join(', '));
  }
  const s = { ...DEFAULT_MESSAGE_SETTINGS, ...(overrides as Partial<MessageSettings>) };
  if (s.interestLaw === 'contract' && s.contractRate === null)
    return bad('contractRate', null, 'a yearly rate when interestLaw is contract');
  return ok(s);
}

/** One invoice of a message: what is open, how late, the interest to date. */
export interface MessageLine {
  readonly invoiceId: string;
  readonly number: string;
  readonly currency: string;
  readonly dueOn: LocalDate;
  readonly openMinor: number;
  readonly daysPastDue: number;
  /** Interest to date under the message settings' law; 0 when not yet due or not stated at this stage. */
  readonly interestMinor: number;
}

/** A message's totals in one currency. */
export interface MessageTotal {
  readonly currency: string;
  readonly openMinor: number;
  /** The open amount of the invoices past their due date. */
  readonly overdueMinor: number;
  readonly interestMinor: number;
}

/** The figures of one message: one customer, one stage, its invoices and their totals by currency. */
export interface MessageFigures {
  readonly customerId: string;
  readonly stage: number;
  readonly action: LadderAction;
  readonly asOf: LocalDate;
  readonly showsInterest: boolean;
  readonly lines: readonly MessageLine[];
  readonly totals: readonly MessageTotal[];
}

/** Interest to `asOf` on one overdue line under the message settings' law (the existing engines); 0 when not late. */
export function interestToDate(
  line: Pick<DunningAction['invoices'][number], 'openMinor' | 'currency' | 'dueOn' | 'daysPastDue'>,
  asOf: LocalDate,
  s: MessageSettings,
  interest: LateInterestSettings,
): number {
  if (line.daysPastDue <= 0 || s.interestLaw === 'none') return 0;
  const claim = {
    amountMinor: line.openMinor,
    currency: line.currency as CurrencyCode,
    dueOn: line.dueOn,
    paidOn: asOf,
  };
  const r =
    s.interestLaw === 'contract'
      ? computeContractInterest(claim, s.contractRate ?? 0, interest.dayBasis)
      : computeCnInterest(
          claim,
          {
            creditorIsSme: null,
            debtorKind: null,
            signedOn: null,
            deliveredOn: null,
            contractRate: null,
            lprAtSigning: null,
          },
          interest,
        );
  return r.ok ? r.value.interest.amountMinor : 0;
}

/**
 * The figures of a dunning action's message: each invoice with its interest to date (from the
 * formal-reminder stage on, under the settings' law), and per currency the open, the overdue and
 * the interest.
 *
 * @example
 * messageFigures(action, '2026-12-08', DEFAULT_MESSAGE_SETTINGS, DEFAULT_LATE_INTEREST_SETTINGS).totals
 * // [{ currency: 'CNY', openMinor: 300_000_00, overdueMinor: 300_000_00, interestMinor: 4_500_00 }]
 */
export function messageFigures(
  action: Pick<DunningAction, 'customerId' | 'stage' | 'action' | 'invoices'>,
  asOf: LocalDate,
  settings: MessageSettings,
  interest: LateInterestSettings,
): MessageFigures {
  const showsInterest = settings.interestLaw !== 'none' && action.stage >= settings.interestFromStage;
  const lines = action.invoices.map((i) => ({
    invoiceId: i.invoiceId,
    number: i.number,
    currency: i.currency,
    dueOn: i.dueOn,
    openMinor: i.openMinor,
    daysPastDue: i.daysPastDue,
    interestMinor: showsInterest ? interestToDate(i, asOf, settings, interest) : 0,
  }));
  const byCurrency = new Map<string, { openMinor: number; overdueMinor: number; interestMinor: number }>();
  for (const l of lines) {
    const t = byCurrency.get(l.currency) ?? { openMinor: 0, overdueMinor: 0, interestMinor: 0 };
    t.openMinor += l.openMinor;
    if (l.daysPastDue > 0) t.overdueMinor += l.openMinor;
    t.interestMinor += l.interestMinor;
    byCurrency.set(l.currency, t);
  }
  const totals = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, t]) => ({ currency, ...t }));
  return {
    customerId: action.customerId,
    stage: action.stage,
    action: action.action,
    asOf,
    showsInterest,
    lines,
    totals,
  };
}
