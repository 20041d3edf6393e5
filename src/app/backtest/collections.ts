import {
  type BehaviourSettings,
  type CollectionsBacktestReport,
  runCollectionsBacktest,
} from '../../core/receivables/behaviour/index.js';
import type { DomainError, Result } from '../../core/shared/index.js';
import { ok } from '../../core/shared/index.js';
import { readPaymentHistory } from './read-payment-history.js';

/** The back-test report plus where its data came from. */
export interface CollectionsBacktestRun {
  readonly file: string;
  readonly layout: 'ibm' | 'project';
  /** Open rows (no settled date) are skipped: there is nothing to score them against. */
  readonly skippedOpenRows: number;
  readonly report: CollectionsBacktestReport;
}

/** Use case 'backtest.collections': read a payment history and replay it forward in time. */
export async function backtestCollectionsFromFile(
  file: string,
  settings: Partial<BehaviourSettings> = {},
): Promise<Result<CollectionsBacktestRun>> {
  const history = await readPaymentHistory(file);
  if (!history.ok) return history;
  const report = runCollectionsBacktest(history.value.invoices, settings);
  return ok({ file, layout: history.value.layout, skippedOpenRows: history.value.openRows, report });
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The report as JSON-ready data (without the per-invoice predictions, which go to CSV). */
export function backtestSummary(run: CollectionsBacktestRun): Record<string, unknown> {
  const { report } = run;
  return {
    file: run.file,
    layout: run.layout,
    invoices: report.invoices,
    customers: report.customers,
    skippedOpenRows: run.skippedOpenRows,
    firstIssuedOn: report.firstIssuedOn,
    lastIssuedOn: report.lastIssuedOn,
    methods: report.methods.map((m) => ({
      method: m.method,
      count: m.count,
      mae: round2(m.mae),
      medianAbsError: round2(m.medianAbsError),
      bias: round2(m.bias),
      coverage: m.coverage === null ? null : round2(m.coverage),
    })),
  };
}

/** A small fixed-width table: method, MAE, median AE, bias, P10–P90 coverage. */
export function formatBacktestTable(run: CollectionsBacktestRun): string {
  const { report } = run;
  const head = ['method', 'MAE', 'median AE', 'bias', 'coverage P10-P90'];
  const body = report.methods.map((m) => [
    m.method,
    m.mae.toFixed(2),
    m.medianAbsError.toFixed(2),
    (m.bias >= 0 ? '+' : '') + m.bias.toFixed(2),
    m.coverage === null ? '-' : `${(m.coverage * 100).toFixed(1)}%`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => (r[j] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0))).join('  ');
  const title =
    `${report.invoices} invoices, ${report.customers} customers, issued ${report.firstIssuedOn ?? '-'}..` +
    `${report.lastIssuedOn ?? '-'} (days to settle, walk-forward)`;
  return [title, line(head), ...body.map(line)].join('\n');
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per scored invoice, in input order; invoice numbers kept verbatim (leading zeros). */
export function formatPredictionsCsv(report: CollectionsBacktestReport): string {
  const lines = ['invoiceNumber,customerId,predictedDaysToSettle,p10,p90,actualDaysToSettle'];
  for (const p of report.predictions) {
    lines.push(
      [
        csvCell(p.invoiceNumber),
        csvCell(p.customerId),
        round2(p.predicted),
        round2(p.p10),
        round2(p.p90),
        p.actual,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A one-line English message naming file, row and field (the i18n catalogues key on `code`). */
export function describeBacktestError(error: DomainError): string {
  const d = error.details;
  const at = [
    d.file,
    d.row === undefined ? undefined : `row ${d.row}`,
    d.field === undefined ? undefined : `field ${d.field}`,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
  const what: Record<string, string> = {
    HISTORY_FILE_NOT_FOUND: 'file not found',
    HISTORY_FILE_UNREADABLE: `cannot read file (${String(d.reason)})`,
    HISTORY_MALFORMED_CSV: `malformed CSV (${String(d.reason)})`,
    HISTORY_EMPTY_FILE: 'the file is empty',
    HISTORY_UNKNOWN_LAYOUT: `unknown layout: expected a header ${String(d.expected)}`,
    HISTORY_BAD_DATE: `bad date '${String(d.value)}' (expected ${String(d.expected)})`,
    HISTORY_BAD_AMOUNT: `bad amount '${String(d.value)}' (expected ${String(d.expected)})`,
    HISTORY_BAD_FLAG: `bad value '${String(d.value)}' (expected ${String(d.expected)})`,
    HISTORY_MISSING_VALUE: 'missing value',
    HISTORY_SETTLED_BEFORE_ISSUE: `settled ${String(d.value)} before issue ${String(d.issuedOn)}`,
  };
  return `${at}: ${what[error.code] ?? error.code}`;
}
