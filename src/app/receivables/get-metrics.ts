import {
  type CompanyBalanceSheet,
  computeReceivablesMetrics,
  type DsoMethod,
  evaluateThresholds,
  type MetricsReport,
  type MetricThresholdOverrides,
  type ThresholdFinding,
} from '../../core/receivables/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { loadBalanceSheets } from '../../db/stores/balance-sheets.js';
import { loadPayablesLedger } from '../../db/stores/receivables.js';
import { loadReceivablesContext } from './load.js';

/** Metrics (amounts in minor units of `baseCurrency`) and the thresholds they crossed. */
export interface MetricsView extends MetricsReport {
  readonly findings: readonly ThresholdFinding[];
}

/**
 * Monthly receivables and working-capital metrics for the months ending on `asOf` (default 12),
 * with threshold findings. Balance sheets are the organisation's stored month ends unless given.
 *
 * @example
 * const r = await getMetrics(db, { orgId: 'demo', asOf: '2026-03-31' });
 */
export async function getMetrics(
  db: Db,
  params: {
    orgId: string;
    asOf: string;
    months?: number;
    dsoMethod?: DsoMethod;
    balanceSheets?: readonly CompanyBalanceSheet[];
    thresholds?: MetricThresholdOverrides;
  },
): Promise<Result<MetricsView>> {
  const ctx = await loadReceivablesContext(db, { orgId: params.orgId, asOf: params.asOf });
  if (!ctx.ok) return ctx;
  const [payables, balanceSheets] = await Promise.all([
    loadPayablesLedger(db, { orgId: params.orgId }),
    params.balanceSheets ?? loadBalanceSheets(db, { orgId: params.orgId }),
  ]);
  const report = computeReceivablesMetrics(ctx.value.ledger, {
    asOf: params.asOf,
    base: { currency: ctx.value.baseCurrency, fx: ctx.value.fx },
    payables,
    ...(params.months === undefined ? {} : { months: params.months }),
    ...(params.dsoMethod === undefined ? {} : { dsoMethod: params.dsoMethod }),
    balanceSheets,
    ...(params.thresholds === undefined ? {} : { thresholds: params.thresholds }),
  });
  if (!report.ok) return report;
  return ok({ ...report.value, findings: evaluateThresholds(report.value, params.thresholds) });
}
