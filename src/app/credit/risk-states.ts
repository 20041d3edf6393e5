import {
  type CoverState,
  type CustomerRiskState,
  checkCreditHold,
  deriveRiskState,
  type RiskStateSettings,
  resolveRiskStateSettings,
} from '../../core/credit/index.js';
import { coverInvoices } from '../../core/insurance/index.js';
import { computeOpenItems, type OpenItem } from '../../core/receivables/index.js';
import { groupBy, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadCollectionsRecords } from '../../db/stores/collections.js';
import {
  type CollectionsRecords,
  type Commitments,
  ladderSettings,
  NO_COLLECTIONS_RECORDS,
  readCommitments,
} from '../collections/commitments.js';
import { holdInputFor } from './hold-input.js';
import { buildLimitViews, type CustomerLimitView, toBase } from './limits.js';
import type { BookInsuredLimit, CreditBook } from './load-book.js';
import { insuredOn } from './prepare.js';
import { type ScoredBook, scoreBook } from './score-customers.js';

/** The scored book with every customer's limit view and risk state: what the other modules read. */
export interface RiskBook {
  readonly scored: ScoredBook;
  readonly asOf: LocalDate;
  readonly settings: RiskStateSettings;
  readonly openItems: readonly OpenItem[];
  readonly views: ReadonlyMap<string, CustomerLimitView>;
  readonly states: ReadonlyMap<string, CustomerRiskState>;
  /** Promises, plans, terms and stages done, read once against the ledger (the ladder and the forecast read them here). */
  readonly commitments: Commitments;
}

/** The organisation's 'credit.risk' settings over the DOMAIN defaults. */
export function riskSettings(book: CreditBook): Result<RiskStateSettings> {
  const s = book.org.settings['credit.risk'];
  return resolveRiskStateSettings(typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : {});
}

/** Last write-off and last receipt of each customer on or before `asOf`, from the ledger. */
function lastSettlements(book: CreditBook, asOf: LocalDate) {
  const customerOf = new Map(book.ledger.invoices.map((i) => [i.id, i.customerId]));
  const writeOff = new Map<string, LocalDate>();
  const receipt = new Map<string, LocalDate>();
  for (const s of book.ledger.settlements) {
    if (s.on > asOf || (s.kind !== 'write_off' && s.kind !== 'receipt')) continue;
    const customer = customerOf.get(s.invoiceId);
    if (customer === undefined) continue;
    const map = s.kind === 'write_off' ? writeOff : receipt;
    if ((map.get(customer) ?? '') < s.on) map.set(customer, s.on);
  }
  return { writeOff, receipt };
}

/**
 * The insured part of a customer's open items under the policy of its newest limit decision,
 * invoice by invoice (src/core/insurance `coverInvoices`), in the base currency.
 */
function insuredOpen(
  rows: readonly BookInsuredLimit[],
  policyId: string,
  items: readonly OpenItem[],
  conv: ReturnType<typeof toBase>,
): number {
  const own = rows.filter((l) => l.policyId === policyId);
  const first = own[0];
  if (first === undefined) return 0;
  const limits = own.map((l) => ({
    customerId: l.customerId,
    kind: l.kind as CoverState['kind'],
    limitMinor: conv(l.limitMinor, l.currency) ?? 0,
    effectiveFrom: l.effectiveFrom,
    cancelledOn: l.cancelledOn,
  }));
  const open = items
    .filter((i) => i.openMinor > 0)
    .map((i) => ({ ...i, openMinor: conv(i.openMinor, i.currency) ?? 0 }));
  const policy = { startsOn: first.policyStartsOn, endsOn: first.policyEndsOn, terms: first.terms };
  return coverInvoices(policy, limits, open).reduce((sum, c) => sum + c.insuredMinor, 0);
}

function coverOf(
  book: CreditBook,
  customerId: string,
  items: readonly OpenItem[],
  asOf: LocalDate,
  conv: ReturnType<typeof toBase>,
) {
  const { active, cancelledOn } = insuredOn(book, customerId, asOf);
  const rows = book.insured.get(customerId) ?? [];
  const last = rows.filter((l) => l.effectiveFrom <= asOf).at(-1);
  const row = active ?? last;
  if (!row) return null;
  return {
    kind: row.kind as CoverState['kind'],
    limitMinor: conv(row.limitMinor, row.currency) ?? 0,
    insuredPct: row.insuredPct,
    cancelledOn,
    insuredOpenMinor: insuredOpen(rows, row.policyId, items, conv),
  } satisfies CoverState;
}

/**
 * Every scored customer's risk state as of `asOf` (src/core/credit/risk-state): the standing hold
 * (the order check with no new order), exposure against the limit in force, insurer cover,
 * disputes, insolvency and write-offs. Computed on read from the stored records, so no figure
 * waits for a saved score.
 */
export function assessRiskBook(
  scored: ScoredBook,
  asOf: LocalDate,
  records: CollectionsRecords = NO_COLLECTIONS_RECORDS,
): Result<RiskBook> {
  const { book, result } = scored;
  const settings = riskSettings(book);
  if (!settings.ok) return settings;
  const ladder = ladderSettings(book.org.settings);
  if (!ladder.ok) return ladder;
  const openItems = computeOpenItems(book.ledger, asOf);
  const views = new Map(buildLimitViews(scored, asOf, openItems).map((v) => [v.customerId, v]));
  const conv = toBase(book, asOf);
  const disputes = new Map<string, { count: number; openMinor: number }>();
  for (const item of openItems) {
    if (!item.isDisputed || item.openMinor <= 0) continue;
    const d = disputes.get(item.customerId) ?? { count: 0, openMinor: 0 };
    d.count++;
    d.openMinor += conv(item.openMinor, item.currency) ?? 0;
    disputes.set(item.customerId, d);
  }
  const last = lastSettlements(book, asOf);
  const itemsOf = groupBy(openItems, (i) => i.customerId);
  const states = new Map<string, CustomerRiskState>();
  for (const score of result.customers) {
    const view = views.get(score.customerId);
    if (!view) continue;
    const hold = checkCreditHold(holdInputFor(book, view, score, itemsOf.get(score.customerId) ?? [], asOf, 0), asOf);
    states.set(
      score.customerId,
      deriveRiskState(
        {
          customerId: score.customerId,
          asOf,
          grade: score.grade,
          score: score.score,
          pd: score.pd,
          isIndicative: score.isIndicative,
          overrides: score.overrides,
          events: book.events.get(score.customerId) ?? [],
          hold,
          exposure: view.exposure,
          limitMinor: view.current?.limitMinor ?? null,
          cover: coverOf(book, score.customerId, itemsOf.get(score.customerId) ?? [], asOf, conv),
          disputes: disputes.get(score.customerId) ?? { count: 0, openMinor: 0 },
          lastWriteOffOn: last.writeOff.get(score.customerId) ?? null,
          lastReceiptOn: last.receipt.get(score.customerId) ?? null,
        },
        settings.value,
      ),
    );
  }
  const commitments = readCommitments(book, records, asOf, ladder.value);
  return ok({ scored, asOf, settings: settings.value, openItems, views, states, commitments });
}

/**
 * Loads, scores and assesses the book (or one customer, by id or code, against the whole book's
 * behaviour) as of `asOf`.
 *
 * @example
 * const r = await loadRiskBook(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.states.get(customerId)?.status; // 'insolvent'
 */
export async function loadRiskBook(
  db: Db,
  params: { orgId: string; asOf: LocalDate; customerId?: string },
): Promise<Result<RiskBook>> {
  const [scored, records] = await Promise.all([scoreBook(db, params), loadCollectionsRecords(db, params.orgId)]);
  if (!scored.ok) return scored;
  return assessRiskBook(scored.value, params.asOf, records);
}

const SEVERITY: Readonly<Record<string, number>> = { insolvent: 0, written_off: 1, hold: 2, watch: 3, normal: 4 };

/** One customer's risk state with its code and name, for lists. */
export interface RiskStateRow extends CustomerRiskState {
  readonly code: string;
  readonly name: string;
}

/**
 * Every customer's risk state as of a date, most serious first (then by exposure): who is the
 * problem, and why. The list the overview, the credit pages and `cashguard risk` show.
 *
 * @example
 * const r = await listRiskStates(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.customers[0]; // { code: 'KH00006', status: 'insolvent', reasons: [...] }
 */
export async function listRiskStates(
  db: Db,
  params: { orgId: string; asOf: LocalDate },
): Promise<Result<{ asOf: LocalDate; currency: string; customers: RiskStateRow[] }>> {
  const risk = await loadRiskBook(db, params);
  if (!risk.ok) return risk;
  const { book } = risk.value.scored;
  const names = new Map(book.customers.map((c) => [c.id, c]));
  const customers = [...risk.value.states.values()]
    .map((s) => ({
      ...s,
      code: names.get(s.customerId)?.code ?? s.customerId,
      name: names.get(s.customerId)?.name ?? '',
    }))
    .sort(
      (a, b) =>
        (SEVERITY[a.status] ?? 9) - (SEVERITY[b.status] ?? 9) ||
        b.exposure.totalMinor - a.exposure.totalMinor ||
        (a.code < b.code ? -1 : 1),
    );
  return ok({ asOf: params.asOf, currency: book.baseCurrency, customers });
}
