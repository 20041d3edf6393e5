import { ok } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { readGeneration } from '../db/stores/generations.js';
import type { Locale } from '../i18n/index.js';
import { readOrganisation } from './accounts/index.js';
import { getWorklist } from './collections/worklist.js';
import {
  checkOrder,
  getOnboarding,
  listReviews,
  listRiskStates,
  type OrderParams,
  recommendLimits,
  scoreCustomers,
} from './credit/index.js';
import { exportForecastXlsx, runForecast } from './forecast/index.js';
import { getFxReport } from './fx/index.js';
import { insuranceCover, insuranceDeadlineReport, insuranceValue, valueSummary } from './insurance/index.js';
import {
  getAging,
  getAgingSeries,
  getCustomerProfile,
  getMetrics,
  keepLargestCustomers,
  listCustomerRows,
  loadReceivablesContext,
  paymentHistory,
} from './receivables/index.js';
import { runStress } from './stress/index.js';
import { getSummary } from './summary.js';

/**
 * The reports a server computes off its request thread (docs/adr/0016), by name: each reads
 * through `db` and returns plain data (it crosses to the requesting thread by structured clone).
 * Parameters are plain data too. The HTTP routes ask for them through a `ReportRunner`.
 */
export const REPORTS = {
  summary: async (db: Db, p: { orgId: string; asOf: string }) => {
    const org = await readOrganisation(db, { orgId: p.orgId });
    return org.ok ? ok(await getSummary(db, { organisation: org.value, asOf: p.asOf })) : org;
  },
  aging: async (
    db: Db,
    p: { orgId: string; asOf: string; basis: 'due' | 'issue'; preset: 'default' | '30-60-90'; customers: number },
  ) => {
    const r = await getAging(db, { orgId: p.orgId, asOf: p.asOf, basis: p.basis, preset: p.preset });
    return r.ok ? ok(keepLargestCustomers(r.value, p.customers)) : r;
  },
  agingSeries: (db: Db, p: { orgId: string; asOf: string; months: number }) => getAgingSeries(db, p),
  metrics: (db: Db, p: { orgId: string; asOf: string; months: number }) => getMetrics(db, p),
  customerRows: (db: Db, p: { orgId: string; asOf: string }) => listCustomerRows(db, p.orgId, p.asOf),
  forecast: (db: Db, p: Parameters<typeof runForecast>[1]) => runForecast(db, p),
  fx: (db: Db, p: { orgId: string; asOf: string; shockPct?: number }) => getFxReport(db, p),
  stress: (db: Db, p: Parameters<typeof runStress>[1]) => runStress(db, p),
  creditScores: (db: Db, p: { orgId: string; asOf: string }) => scoreCustomers(db, p),
  creditLimits: (db: Db, p: { orgId: string; asOf: string }) => recommendLimits(db, p),
  creditReviews: (db: Db, p: { orgId: string; asOf: string }) => listReviews(db, p),
  riskStates: (db: Db, p: { orgId: string; asOf: string }) => listRiskStates(db, p),
  collectionsWorklist: (db: Db, p: { orgId: string; asOf: string }) => getWorklist(db, p),
  onboarding: (db: Db, p: { orgId: string; customerId: string; asOf: string }) => getOnboarding(db, p),
  insuranceCover: (db: Db, p: { orgId: string; asOf: string }) => insuranceCover(db, p),
  insuranceDeadlines: (db: Db, p: { orgId: string; asOf: string }) => insuranceDeadlineReport(db, p),
  insuranceValue: async (db: Db, p: { orgId: string; asOf: string }) => {
    const r = await insuranceValue(db, p);
    return r.ok ? ok(valueSummary(r.value)) : r;
  },
  orderCheck: (db: Db, p: OrderParams) => checkOrder(db, p),
  /** One customer's page: the profile, then the payment history from that customer's ledger. */
  customerProfile: async (db: Db, p: { orgId: string; customer: string; asOf: string }) => {
    const profile = await getCustomerProfile(db, p);
    if (!profile.ok) return profile;
    const customerId = profile.value.customer.id;
    const ctx = await loadReceivablesContext(db, { orgId: p.orgId, asOf: p.asOf, customerId });
    if (!ctx.ok) return ctx;
    return ok({ ...profile.value, history: paymentHistory(ctx.value.ledger, customerId, p.asOf) });
  },
  /** The forecast written as an Excel workbook to `path` (the thread that asked reads and sends it). */
  forecastWorkbook: async (
    db: Db,
    p: { orgId: string; asOf: string; granularity: 'week' | 'month'; locale: Locale; path: string },
  ) => {
    const r = await runForecast(db, { orgId: p.orgId, asOf: p.asOf, granularity: p.granularity });
    if (!r.ok) return r;
    await exportForecastXlsx(r.value, p.path, p.locale);
    return ok({ path: p.path });
  },
};

export type ReportKind = keyof typeof REPORTS;
export type ReportParams<K extends ReportKind> = Parameters<(typeof REPORTS)[K]>[1];
export type ReportResult<K extends ReportKind> = Awaited<ReturnType<(typeof REPORTS)[K]>>;

/** Computes reports: on the calling thread (`inlineReports`) or on worker threads (`startReportWorkers`). */
export interface ReportRunner {
  run<K extends ReportKind>(kind: K, params: ReportParams<K>): Promise<ReportResult<K>>;
  close(): Promise<void>;
}

/** Reports computed on the calling thread, on its own connection: the CLI's way, and the tests'. */
export function inlineReports(db: Db): ReportRunner {
  return {
    run: (kind, params) => runReport(db, kind, params),
    close: async () => {},
  };
}

/** One report by name (what a report worker runs for each job). */
export function runReport<K extends ReportKind>(db: Db, kind: K, params: ReportParams<K>): Promise<ReportResult<K>> {
  const report = REPORTS[kind] as (db: Db, params: ReportParams<K>) => Promise<ReportResult<K>>;
  return report(db, params);
}

/** The organisation's data generation as the report cache reads it before serving (docs/adr/0015). */
export function dataGenerationOf(db: Db): (orgId: string) => Promise<number> {
  return async (orgId) => (await readGeneration(db, orgId)).data;
}
