import type { BrokenPromise } from '../../core/alerts/index.js';
import {
  type AppliedReceipt,
  type CustomerLadderOverride,
  type LadderInvoice,
  type LadderSettings,
  planState,
  promiseState,
  resolveLadderSettings,
} from '../../core/collections/index.js';
import type { CustomerPlan, CustomerPromise } from '../../core/forecast/index.js';
import type { Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { loadCollectionsRecords } from '../../db/stores/collections.js';
import { fixedClock } from '../clock.js';
import type { CreditBook } from '../credit/load-book.js';

export type CollectionsRecords = Awaited<ReturnType<typeof loadCollectionsRecords>>;

export const NO_COLLECTIONS_RECORDS: CollectionsRecords = {
  promises: [],
  plans: [],
  terms: [],
  doneStages: [],
};

/** The organisation's 'collections.ladder' settings over the DOMAIN 5.1 defaults. */
export function ladderSettings(settings: Readonly<Record<string, unknown>>): Result<LadderSettings> {
  const s = settings['collections.ladder'];
  return resolveLadderSettings(typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : {});
}

/** What the stored collections records say as of a date: read by the ladder and by the forecast. */
export interface Commitments {
  /** Each customer's terms and the state of its newest payment plan (the ladder's overrides). */
  readonly overrides: readonly CustomerLadderOverride[];
  /** The last stage done for an open invoice (a contact-log entry for it, or for the customer covering it). */
  lastStage(invoiceId: string, customerId: string, issuedOn: LocalDate): LadderInvoice['lastStage'];
  /** The state of the newest promise covering an invoice, unless kept. */
  promise(invoiceId: string, customerId: string): NonNullable<LadderInvoice['promise']> | null;
  /** Promises still open, with what is left to pay of each: the forecast places it on the promised date. */
  readonly openPromises: readonly CustomerPromise[];
  /** Plans on track, with the instalments (or parts) not yet paid: the forecast places them on their dates. */
  readonly plansOnTrack: readonly CustomerPlan[];
  /** Promises broken (each customer's, any age): the alerts tell the recent ones. */
  readonly brokenPromises: readonly (BrokenPromise & { readonly customerId: string })[];
}

/**
 * The one reading of the collections records against the ledger's receipts as of `asOf` (ADR 0020:
 * states derived on read, never stored): promise and plan states, the last stage done per invoice,
 * each customer's terms. A broken promise or a breached plan is in neither open list, so the
 * forecast returns those invoices to the behaviour model while the ladder escalates them.
 */
export function readCommitments(
  book: Pick<CreditBook, 'ledger'>,
  records: CollectionsRecords,
  asOf: LocalDate,
  ladder: LadderSettings,
): Commitments {
  const currencyOf = new Map(book.ledger.invoices.map((i) => [i.id, i.currency]));
  const numberOf = new Map(book.ledger.invoices.map((i) => [i.id, i.number]));
  const receipts: AppliedReceipt[] = book.ledger.settlements
    .filter((s) => s.kind === 'receipt')
    .map((s) => ({
      invoiceId: s.invoiceId,
      on: s.on,
      amountMinor: s.amountMinor,
      currency: currencyOf.get(s.invoiceId) ?? '',
    }));
  const invoicesOf = new Map<string, Set<string>>();
  for (const i of book.ledger.invoices) {
    const set = invoicesOf.get(i.customerId) ?? new Set<string>();
    set.add(i.id);
    invoicesOf.set(i.customerId, set);
  }
  const mine = (customerId: string) => invoicesOf.get(customerId) ?? new Set<string>();
  const grace = ladder.promiseGraceDays;
  const promises = records.promises
    .filter((p) => p.madeOn <= asOf)
    .map((p) => ({ p, s: promiseState(p, receipts, mine(p.customerId), asOf, grace) }));
  const done = records.doneStages.map((d) => ({ ...d, on: fixedClock(d.doneAt).today() })).filter((d) => d.on <= asOf);
  const overrides: CustomerLadderOverride[] = [];
  const plansOnTrack: CustomerPlan[] = [];
  const terms = new Map(records.terms.map((t) => [t.customerId, t]));
  const plans = new Map(records.plans.filter((p) => p.agreedOn <= asOf).map((p) => [p.customerId, p]));
  for (const customerId of new Set([...terms.keys(), ...plans.keys()])) {
    const t = terms.get(customerId);
    const plan = plans.get(customerId);
    const s = plan ? planState(plan, receipts, mine(customerId), asOf, grace) : null;
    if (plan && s?.state === 'on_track') plansOnTrack.push(unpaidInstalments(plan, s.paidMinor));
    overrides.push({
      customerId,
      isVip: t?.isVip ?? false,
      pausedUntil: t?.pausedUntil ?? null,
      pauseReason: t?.pauseReason ?? null,
      plan:
        s === null || s.state === 'completed'
          ? null
          : s.state === 'on_track'
            ? { state: 'on_track' }
            : { state: 'breached', breachedOn: s.breachedOn },
    });
  }
  const newestOf = (invoiceId: string, customerId: string) => {
    let newest: (typeof promises)[number] | undefined;
    for (const x of promises)
      if (
        (x.p.invoiceId === invoiceId || (x.p.invoiceId === null && x.p.customerId === customerId)) &&
        (!newest || x.p.madeOn >= newest.p.madeOn)
      )
        newest = x;
    return newest;
  };
  return {
    overrides,
    lastStage(invoiceId, customerId, issuedOn) {
      let last: LadderInvoice['lastStage'] = null;
      for (const d of done) {
        const covers =
          d.invoiceId === null ? d.customerId === customerId && issuedOn <= d.on : d.invoiceId === invoiceId;
        if (covers && (last === null || d.on > last.on || (d.on === last.on && d.stage > last.stage)))
          last = { stage: d.stage, on: d.on };
      }
      return last;
    },
    promise(invoiceId, customerId) {
      const newest = newestOf(invoiceId, customerId);
      if (!newest || newest.s.state === 'kept') return null;
      return newest.s.state === 'open'
        ? { state: 'open', until: newest.s.until }
        : { state: 'broken', brokenOn: newest.s.brokenOn };
    },
    openPromises: promises.flatMap(({ p, s }) =>
      s.state === 'open' && p.amountMinor > s.paidMinor
        ? [
            {
              id: p.id,
              customerId: p.customerId,
              invoiceId: p.invoiceId,
              currency: p.currency,
              amountMinor: p.amountMinor - s.paidMinor,
              promisedOn: p.promisedOn,
            },
          ]
        : [],
    ),
    plansOnTrack,
    brokenPromises: promises.flatMap(({ p, s }) =>
      s.state === 'broken'
        ? [
            {
              customerId: p.customerId,
              promiseId: p.id,
              invoiceNumber: p.invoiceId === null ? null : (numberOf.get(p.invoiceId) ?? p.invoiceId),
              amountMinor: p.amountMinor,
              paidMinor: s.paidMinor,
              currency: p.currency,
              promisedOn: p.promisedOn,
              brokenOn: s.brokenOn,
            },
          ]
        : [],
    ),
  };
}

/** A plan's instalments less what has been paid since it was agreed, earliest paid first. */
function unpaidInstalments(plan: CollectionsRecords['plans'][number], paidMinor: number): CustomerPlan {
  let paid = paidMinor;
  const instalments: { dueOn: LocalDate; amountMinor: number }[] = [];
  for (const i of [...plan.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))) {
    const covered = Math.min(paid, i.amountMinor);
    paid -= covered;
    if (i.amountMinor > covered) instalments.push({ dueOn: i.dueOn, amountMinor: i.amountMinor - covered });
  }
  return { id: plan.id, customerId: plan.customerId, currency: plan.currency, instalments };
}
