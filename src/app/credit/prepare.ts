import {
  DEFAULT_REVIEW_SETTINGS,
  type DistressModel,
  type DistressView,
  itemsFromStatement,
  type LimitSettings,
  type ReviewSettings,
  realisedOutcomes,
  resolveLimitSettings,
  resolveScorecardSettings,
  type ScorecardInput,
  type ScorecardSettings,
  scoreDistress,
} from '../../core/credit/index.js';
import type { FinancialStatement } from '../../core/model/index.js';
import {
  buildPaymentBehaviour,
  describeCustomerBehaviour,
  ledgerToPaymentRecords,
  type PaymentBehaviour,
  type PaymentRecord,
  toPaymentColumns,
} from '../../core/receivables/index.js';
import type { LocalDate } from '../../core/time/index.js';
import { distressDriverTokens } from './distress-reasons.js';
import type { BookCustomer, BookInsuredLimit, CreditBook } from './load-book.js';

/** An organisation's overrides of the DOMAIN defaults, from organisations.settings (keys 'credit.scorecard', 'credit.limits', 'credit.reviews'). */
export function creditSettings(book: CreditBook): {
  scorecard: ScorecardSettings;
  limits: LimitSettings;
  reviews: ReviewSettings;
} {
  const s = book.org.settings;
  const obj = (key: string) => (typeof s[key] === 'object' && s[key] !== null ? (s[key] as object) : {});
  return {
    scorecard: resolveScorecardSettings(obj('credit.scorecard')),
    limits: resolveLimitSettings(obj('credit.limits')),
    reviews: { ...DEFAULT_REVIEW_SETTINGS, ...obj('credit.reviews') },
  };
}

/** Payment records and the behaviour model of the whole book, built once. */
export function bookBehaviour(
  book: CreditBook,
  asOf: LocalDate,
): { records: PaymentRecord[]; model: PaymentBehaviour } {
  const records = ledgerToPaymentRecords(book.ledger, { table: book.fx, base: book.baseCurrency });
  return { records, model: buildPaymentBehaviour(toPaymentColumns(records), asOf) };
}

/** The newest statement whose period ended on or before asOf. */
export function latestStatement(book: CreditBook, customerId: string, asOf: LocalDate): FinancialStatement | null {
  const list = (book.statements.get(customerId) ?? []).filter((s) => s.periodEnd <= asOf);
  return list.at(-1) ?? null;
}

/** The insured limit in force on asOf (newest effective row), and the cancellation date if it was cancelled by then. */
export function insuredOn(
  book: CreditBook,
  customerId: string,
  asOf: LocalDate,
): { active: BookInsuredLimit | null; cancelledOn: string | null } {
  const rows = (book.insured.get(customerId) ?? []).filter((l) => l.effectiveFrom <= asOf);
  const last = rows.at(-1) ?? null;
  if (last?.cancelledOn !== null && last?.cancelledOn !== undefined && last.cancelledOn <= asOf)
    return { active: null, cancelledOn: last.cancelledOn };
  return { active: last, cancelledOn: null };
}

function distressView(model: DistressModel | null, statement: FinancialStatement | null): DistressView | null {
  if (model === null || statement === null) return null;
  const s = scoreDistress(model, itemsFromStatement(statement));
  return { score: s.score, pd: s.pd, reasons: distressDriverTokens(s) };
}

/** The scorecard input of one customer, from the loaded book and the book's behaviour model. */
export function scorecardInput(
  book: CreditBook,
  c: BookCustomer,
  model: PaymentBehaviour,
  distress: DistressModel | null,
  asOf: LocalDate,
): ScorecardInput {
  const b = describeCustomerBehaviour(model, c.id);
  const statement = latestStatement(book, c.id, asOf);
  const checkedOn =
    (book.checks.get(c.id) ?? [])
      .filter((x) => x.item === 'litigation_check' && x.status === 'done')
      .map((x) => x.checkedOn)
      .sort()
      .at(-1) ?? null;
  return {
    customerId: c.id,
    industry: c.industry,
    country: c.country,
    payment: b.dbtCount > 0 ? b : null,
    ratings: book.ratings.get(c.id) ?? [],
    financials: { statement, distress: distressView(distress, statement) },
    legal: { events: book.events.get(c.id) ?? [], checkedOn },
    insurerLimitCancelledOn: insuredOn(book, c.id, asOf).cancelledOn,
  };
}

/** Stored scores at least a year old, paired with whether the customer defaulted in the following year. */
export function calibrationHistory(book: CreditBook, records: readonly PaymentRecord[], asOf: LocalDate) {
  const events = [...book.events.values()].flat();
  return realisedOutcomes(
    book.scoreHistory,
    records.map((r) => ({ customerId: r.customerId, dueOn: r.dueOn, settledOn: r.settledOn })),
    events,
    asOf,
  );
}
