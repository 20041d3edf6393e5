import { pickCustomer } from '../../app/credit/customer-credit.js';
import {
  formatReason,
  listReviews,
  listRiskStates,
  nameLimitViews,
  recommendLimits,
  scoreCustomers,
  withActorNames,
} from '../../app/credit/index.js';
import type { Reason } from '../../core/credit/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import { type Locale, pickLocale } from '../../i18n/index.js';
import type { ApiDeps } from '../route.js';

/**
 * The credit reports of the whole book as the API answers them: computed once per organisation
 * and date (the report cache), every reason also in words in the caller's language. The book's
 * routes answer them whole; the per-customer routes pick one customer out of them.
 */
/** A reason with its words in the caller's language beside the code (the codes stay for programs). */
type Said = Reason & { readonly message: string };

/** Every reason also in words, in the caller's language. */
export function sayer(acceptLanguage: string | undefined) {
  const locale: Locale = pickLocale(acceptLanguage);
  return (list: readonly Reason[]): Said[] => list.map((x) => ({ ...x, message: formatReason(x, locale) }));
}

type Say = ReturnType<typeof sayer>;

type Row = { readonly customerId: string; readonly code: string };

/** The rows of one customer (its id or code) when `customer` is given, else every row. */
function only<T extends Row>(rows: readonly T[], customer: string | undefined): readonly T[] {
  if (customer === undefined) return rows;
  const found = pickCustomer(rows, customer);
  return found ? [found] : [];
}

/**
 * A report with the reasons of each row of its list `key` also in words (`words` says which); with
 * `customer`, that customer's row alone, so one customer's page words one row, not the book.
 */
async function inWords<K extends string, T extends { readonly [k in K]: readonly Row[] }, U>(
  report: Promise<Result<T>>,
  acceptLanguage: string | undefined,
  key: K,
  words: (row: T[K][number], say: Say) => U,
  customer?: string,
): Promise<Result<Omit<T, K> & { readonly [k in K]: U[] }>> {
  const r = await report;
  if (!r.ok) return r;
  const say = sayer(acceptLanguage);
  const rows = only(r.value[key], customer).map((row) => words(row, say));
  return ok({ ...r.value, [key]: rows } as Omit<T, K> & { readonly [k in K]: U[] });
}

/** The book's credit scores, each reason in words (computed once per organisation and date). */
export function scoresInWords(
  { db, cache, reports }: ApiDeps,
  orgId: string,
  asOf: string,
  acceptLanguage?: string,
  customer?: string,
) {
  return inWords(
    cache.get(orgId, `credit-scores:${asOf}`, () => reports.run('creditScores', { orgId, asOf })),
    acceptLanguage,
    'customers',
    (c, say) => ({ ...c, drivers: say(c.drivers), overrides: say(c.overrides), reasons: say(c.reasons) }),
    customer,
  );
}

/** The book's credit limits with the approvers' names, each reason in words. */
export function limitsInWords(
  { db, cache, reports }: ApiDeps,
  orgId: string,
  asOf: string,
  acceptLanguage?: string,
  customer?: string,
) {
  const report = cache.get(orgId, `credit-limits:${asOf}`, () => reports.run('creditLimits', { orgId, asOf }));
  // The approvers are named for the rows answered only.
  const rows = report.then((r) => (r.ok ? ok({ ...r.value, customers: only(r.value.customers, customer) }) : r));
  return inWords(
    withActorNames(rows, (r) => nameLimitViews(db, orgId, r)),
    acceptLanguage,
    'customers',
    (c, say) => ({ ...c, recommendation: { ...c.recommendation, reasons: say(c.recommendation.reasons) } }),
  );
}

/** The book's review status, each reason in words. */
export function reviewsInWords(
  { db, cache, reports }: ApiDeps,
  orgId: string,
  asOf: string,
  acceptLanguage?: string,
  customer?: string,
) {
  return inWords(
    cache.get(orgId, `credit-reviews:${asOf}`, () => reports.run('creditReviews', { orgId, asOf })),
    acceptLanguage,
    'reviews',
    (v, say) => ({ ...v, reasons: say(v.reasons) }),
    customer,
  );
}

/** Each customer's credit grade (null when unscored), from the book's scores. */
export async function bookGrades(
  { db, cache, reports }: ApiDeps,
  orgId: string,
  asOf: string,
): Promise<Result<ReadonlyMap<string, string | null>>> {
  const r = await cache.get(orgId, `credit-scores:${asOf}`, () => reports.run('creditScores', { orgId, asOf }));
  return r.ok ? ok(new Map(r.value.customers.map((c) => [c.customerId, c.grade]))) : r;
}

/** Every customer's risk state, most serious first, each reason in words (once per organisation and date). */
export function riskInWords(
  { db, cache, reports }: ApiDeps,
  orgId: string,
  asOf: string,
  acceptLanguage?: string,
  customer?: string,
) {
  return inWords(
    cache.get(orgId, `credit-risk:${asOf}`, () => reports.run('riskStates', { orgId, asOf })),
    acceptLanguage,
    'customers',
    (c, say) => ({
      ...c,
      reasons: say(c.reasons),
      overrides: say(c.overrides),
      hold: { ...c.hold, reasons: say(c.hold.reasons) },
    }),
    customer,
  );
}
