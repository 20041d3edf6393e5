import {
  type AgingBasis,
  type AgingBucket,
  type AgingPreset,
  computeAgingSeries,
  computeBaseAgingSeries,
  type RateUsed,
} from '../../core/receivables/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import type { AgingRowView } from './get-aging.js';
import { loadReceivablesContext, type ReportError } from './load.js';

export interface AgingSeriesView {
  readonly asOf: string;
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  readonly baseCurrency: string;
  readonly points: readonly {
    readonly on: string;
    readonly byCurrency: readonly AgingRowView[];
    /** Null when `baseError` is set. */
    readonly base: {
      readonly rates: readonly RateUsed[];
      readonly amountsMinor: readonly number[];
      readonly totalMinor: number;
    } | null;
  }[];
  readonly baseError: ReportError | null;
}

/**
 * The aging at each month end of the last `months` months (default 24), the last point being `asOf`.
 *
 * @example
 * const r = await getAgingSeries(db, { orgId: 'demo', asOf: '2026-03-31', months: 12 });
 */
export async function getAgingSeries(
  db: Db,
  params: { orgId: string; asOf: string; months?: number; basis?: AgingBasis; preset?: AgingPreset },
): Promise<Result<AgingSeriesView>> {
  const ctx = await loadReceivablesContext(db, { orgId: params.orgId, asOf: params.asOf });
  if (!ctx.ok) return ctx;
  const { ledger, baseCurrency, fx } = ctx.value;
  const series = computeAgingSeries(ledger, {
    asOf: params.asOf,
    months: params.months ?? 24,
    basis: params.basis ?? 'due',
    preset: params.preset ?? 'default',
  });
  if (!series.ok) return series;
  const base = computeBaseAgingSeries(
    ledger,
    {
      asOf: params.asOf,
      months: params.months ?? 24,
      basis: params.basis ?? 'due',
      preset: params.preset ?? 'default',
    },
    { currency: baseCurrency, fx },
  );
  return ok({
    asOf: series.value.asOf,
    basis: series.value.basis,
    buckets: series.value.buckets,
    baseCurrency,
    points: series.value.points.map((p, i) => {
      const b = base.ok ? base.value[i] : undefined;
      return {
        on: p.on,
        byCurrency: p.byCurrency.map((r) => ({ currency: r.currency, amountsMinor: r.amounts, totalMinor: r.total })),
        base: b ? { rates: b.rates, amountsMinor: b.amounts, totalMinor: b.total } : null,
      };
    }),
    baseError: base.ok ? null : base.error,
  });
}
