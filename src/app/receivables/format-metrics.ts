import type { ConcentrationView, ThresholdFinding } from '../../core/receivables/index.js';
import { formatAmount as formatMinor } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { MetricsView } from './get-metrics.js';
import { formatNumber, renderTable } from './text-table.js';

/**
 * The metrics as text for the CLI: one row per month, the concentration lines and the findings.
 *
 * @example
 * console.log(formatMetrics(view, 'en'));
 */
export function formatMetrics(report: MetricsView, locale: Locale): string {
  const t = (code: string, details: Record<string, unknown> = {}) => translate(code, details, locale);
  const money = (minor: number) => formatMinor(minor, report.baseCurrency);
  const headers = [
    'AR_COL_MONTH',
    'AR_COL_AR',
    'AR_COL_SALES',
    'AR_COL_DSO',
    'AR_COL_BPDSO',
    'AR_COL_ADD',
    'AR_COL_CEI',
    'AR_COL_CEI_T12',
  ]
    .concat(['AR_COL_BAD_DEBT', 'AR_COL_DPO', 'AR_COL_CCC', 'AR_COL_CURRENT_RATIO', 'AR_COL_QUICK_RATIO'])
    .map((c) => t(c));
  const rows = report.months.map((m) => [
    m.isComplete ? m.monthEnd : t('AR_RUNNING_MONTH', { date: m.monthEnd }),
    money(m.arTotal),
    money(m.sales),
    formatNumber(m.dso.inUse),
    formatNumber(m.bpdso),
    formatNumber(m.add),
    formatNumber(m.cei.monthly),
    formatNumber(m.cei.trailing12),
    formatNumber(m.badDebtRatio.monthly, 2),
    formatNumber(m.dpo),
    formatNumber(m.ccc),
    formatNumber(m.currentRatio, 2),
    formatNumber(m.quickRatio, 2),
  ]);
  const method = t(`AR_DSO_METHOD_${report.dsoMethod}`);
  const l = report.liquidity;
  const notes = [
    ...(report.months.some((m) => !m.isComplete) ? [t('AR_RUNNING_NOTE')] : []),
    t('AR_SALES_T12_LINE', { ...report.salesTrailing12, amount: money(report.salesTrailing12.totalMinor) }),
    l
      ? t('AR_LIQUIDITY_LINE', {
          monthEnd: l.monthEnd,
          wc: money(l.workingCapital),
          current: formatNumber(l.currentRatio, 2),
          quick: formatNumber(l.quickRatio, 2),
        })
      : t('AR_LIQUIDITY_NONE', { asOf: report.asOf }),
  ];
  return [
    t('AR_METRICS_TITLE', { asOf: report.asOf, currency: report.baseCurrency, method }),
    renderTable(headers, rows),
    notes.join('\n'),
    [
      concentrationLine(report.concentration.openAr, 'AR_BASIS_OPEN_AR', locale),
      concentrationLine(report.concentration.salesTrailing12, 'AR_BASIS_SALES_T12', locale),
    ].join('\n'),
    findingLines(report.findings, locale),
  ].join('\n\n');
}

function concentrationLine(c: ConcentrationView, basisCode: string, locale: Locale): string {
  return translate(
    'AR_CONCENTRATION_LINE',
    {
      basis: translate(basisCode, {}, locale),
      top1: formatNumber(c.top1Share),
      top5: formatNumber(c.top5Share),
      hhi: formatNumber(c.hhi, 0),
      level: translate(`AR_LEVEL_${c.level}`, {}, locale),
    },
    locale,
  );
}

function findingLines(findings: readonly ThresholdFinding[], locale: Locale): string {
  const heading = translate('AR_FINDINGS_HEADING', {}, locale);
  if (findings.length === 0) return `${heading}\n${translate('AR_FINDINGS_NONE', {}, locale)}`;
  const lines = findings.map((f) => {
    const basis = f.basis
      ? translate(f.basis === 'openAr' ? 'AR_BASIS_OPEN_AR' : 'AR_BASIS_SALES_T12', {}, locale)
      : '';
    const details = {
      monthEnd: f.monthEnd,
      value: formatNumber(f.value, f.code === 'METRIC_HHI_HIGH' ? 0 : 2),
      threshold: f.threshold,
      previous: formatNumber(f.previous ?? null),
      basis,
      ceiBasis: f.ceiBasis ? translate(`AR_CEI_BASIS_${f.ceiBasis}`, {}, locale) : '',
    };
    return `[${translate(`AR_LEVEL_${f.level}`, {}, locale)}] ${translate(f.code, details, locale)}`;
  });
  return [heading, ...lines].join('\n');
}
