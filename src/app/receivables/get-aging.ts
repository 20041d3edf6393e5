import {
  type AgingBasis,
  type AgingBucket,
  type AgingPreset,
  computeAging,
  computeBaseAging,
  type RateUsed,
} from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { findCreditCustomer, listCustomerNames } from '../../db/stores/credit.js';
import { loadReceivablesContext, type ReportError } from './load.js';

export interface AgingRowView {
  readonly customerId?: string;
  readonly currency: string;
  /** One amount per bucket, minor units of `currency`. */
  readonly amountsMinor: readonly number[];
  readonly totalMinor: number;
}

/** The aging as plain JSON for the CLI and the HTTP API. */
export interface AgingView {
  readonly asOf: string;
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  readonly byCustomer: readonly AgingRowView[];
  readonly byCurrency: readonly AgingRowView[];
  /** Null when a rate is missing; `baseError` then says which. */
  readonly base: {
    readonly currency: string;
    readonly rates: readonly RateUsed[];
    readonly byCustomer: readonly AgingRowView[];
    readonly totals: AgingRowView;
  } | null;
  readonly baseError: ReportError | null;
}

const view = (r: {
  customerId?: string;
  currency: string;
  amounts: readonly number[];
  total: number;
}): AgingRowView => ({
  ...(r.customerId === undefined ? {} : { customerId: r.customerId }),
  currency: r.currency,
  amountsMinor: r.amounts,
  totalMinor: r.total,
});

/**
 * The receivables aging of an organisation as of a date, per customer, per currency and in the base
 * currency. A missing FX rate does not hide the per-currency view: it is reported in `baseError`.
 *
 * @example
 * const r = await getAging(db, { orgId: 'demo', asOf: '2026-03-31', preset: '30-60-90' });
 */
export async function getAging(
  db: Db,
  params: { orgId: string; asOf: string; basis?: AgingBasis; preset?: AgingPreset; customerId?: string },
): Promise<Result<AgingView>> {
  let only: string | undefined;
  if (params.customerId !== undefined) {
    const row = await findCreditCustomer(db, { orgId: params.orgId, customer: params.customerId });
    if (!row) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
    only = row.id;
  }
  // One customer's aging reads that customer's ledger only: its rows are the table and its totals.
  const ctx = await loadReceivablesContext(db, {
    orgId: params.orgId,
    asOf: params.asOf,
    ...(only === undefined ? {} : { customerId: only }),
  });
  if (!ctx.ok) return ctx;
  const { ledger, baseCurrency, fx } = ctx.value;
  const report = computeAging(ledger, {
    asOf: params.asOf,
    basis: params.basis ?? 'due',
    preset: params.preset ?? 'default',
  });
  if (!report.ok) return report;
  const base = computeBaseAging(
    ledger,
    { asOf: params.asOf, basis: params.basis ?? 'due', preset: params.preset ?? 'default' },
    { currency: baseCurrency, fx },
  );
  return ok({
    asOf: report.value.asOf,
    basis: report.value.basis,
    buckets: report.value.buckets,
    byCustomer: report.value.byCustomer.map(view),
    byCurrency: report.value.byCurrency.map(view),
    base: base.ok
      ? {
          currency: base.value.currency,
          rates: base.value.rates,
          byCustomer: base.value.byCustomer.map((r) => view({ ...r, currency: baseCurrency })),
          totals: view({ ...base.value.totals, currency: baseCurrency }),
        }
      : null,
    baseError: base.ok ? null : base.error,
  });
}

/** Each customer's code and name as a person reads it ('KH00001 武汉启航远景科技有限公司'), by id. */
export async function customerLabels(db: Db, orgId: string): Promise<ReadonlyMap<string, string>> {
  const rows = await listCustomerNames(db, { orgId });
  return new Map(rows.map((r) => [r.id, `${r.code} ${r.name}`]));
}

/**
 * The aging with only the `n` customers owing most (by base-currency total, else by own total):
 * a book of thousands of customers answers in a few kilobytes; `customerCount` says how many exist.
 */
export function keepLargestCustomers(view: AgingView, n: number) {
  const rows = view.base?.byCustomer ?? view.byCustomer;
  const keep = new Set(
    [...rows]
      .sort((a, b) => b.totalMinor - a.totalMinor)
      .slice(0, n)
      .map((r) => r.customerId),
  );
  const pick = <T extends { customerId?: string }>(list: readonly T[]) => list.filter((r) => keep.has(r.customerId));
  return {
    ...view,
    customerCount: new Set(view.byCustomer.map((r) => r.customerId)).size,
    byCustomer: pick(view.byCustomer),
    base: view.base ? { ...view.base, byCustomer: pick(view.base.byCustomer) } : null,
  };
}
