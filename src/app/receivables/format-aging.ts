import type { AgingBucket } from '../../core/receivables/index.js';
import { formatAmount as formatMinor } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { AgingRowView, AgingView } from './get-aging.js';
import { renderTable } from './text-table.js';

/** The label of a bucket in a language: 'Not yet due', '1-30 days', '>365 days'. */
export function bucketLabel(bucket: AgingBucket, locale: Locale): string {
  if (bucket.fromDays === null) return translate('AR_BUCKET_CURRENT', {}, locale);
  if (bucket.toDays === null) return translate('AR_BUCKET_OVER', { from: bucket.fromDays - 1 }, locale);
  return translate('AR_BUCKET_RANGE', { from: bucket.fromDays, to: bucket.toDays }, locale);
}

function amountCells(row: AgingRowView): string[] {
  return [...row.amountsMinor.map((a) => formatMinor(a, row.currency)), formatMinor(row.totalMinor, row.currency)];
}

/**
 * The aging as text tables for the CLI: per customer and currency with currency totals, then the
 * base-currency view (or why there is none).
 *
 * @example
 * console.log(formatAgingTable(view, 'zh-CN'));
 */
export function formatAgingTable(
  report: AgingView,
  locale: Locale,
  labels: ReadonlyMap<string, string> = new Map(),
): string {
  const who = (id: string | undefined) => (id === undefined ? '' : (labels.get(id) ?? id));
  const t = (code: string, details: Record<string, unknown> = {}) => translate(code, details, locale);
  const buckets = report.buckets.map((b) => bucketLabel(b, locale));
  const headers = [t('AR_COL_CUSTOMER'), t('AR_COL_CURRENCY'), ...buckets, t('AR_COL_TOTAL')];
  const rows = [
    ...report.byCustomer.map((r) => [who(r.customerId), r.currency, ...amountCells(r)]),
    ...report.byCurrency.map((r) => [t('AR_ROW_TOTAL'), r.currency, ...amountCells(r)]),
  ];
  const basis = t(report.basis === 'due' ? 'AR_BASIS_DUE' : 'AR_BASIS_ISSUE');
  const parts = [t('AR_AGING_TITLE', { asOf: report.asOf, basis }), renderTable(headers, rows)];
  if (report.base) {
    const base = report.base;
    const baseRows = [
      ...base.byCustomer.map((r) => [who(r.customerId), ...amountCells(r)]),
      [t('AR_ROW_TOTAL'), ...amountCells(base.totals)],
    ];
    parts.push(t('AR_BASE_HEADING', { currency: base.currency, on: report.asOf }));
    parts.push(renderTable([t('AR_COL_CUSTOMER'), ...buckets, t('AR_COL_TOTAL')], baseRows));
  } else if (report.baseError) {
    parts.push(
      t('AR_BASE_UNAVAILABLE', { reason: translate(report.baseError.code, report.baseError.details, locale) }),
    );
  }
  return parts.join('\n\n');
}
