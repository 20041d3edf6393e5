import { formatReason, industryWord } from '../../app/credit/index.js';
import { forecastReasonText } from '../../app/forecast/reason-text.js';
import type { CustomerProfile } from '../../app/receivables/index.js';
import { formatAmount, formatPercent, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';

const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** The customer screen as text: behaviour in plain words, then open items with expected dates. */
export function formatCustomerProfile(p: CustomerProfile, locale: Locale): string {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const b = p.behaviour;
  const lines = [
    t('CUSTOMER_TITLE', { name: p.customer.name, code: p.customer.code, asOf: p.asOf }),
    t('CUSTOMER_TERMS', {
      days: p.customer.termsDays,
      country: p.customer.country,
      industry: p.customer.industry ? industryWord(p.customer.industry, locale) : '—',
    }),
    '',
    t('CUSTOMER_BEHAVIOUR', {
      count: b.count,
      dbt: days(b.weightedDbt),
      shrunk: days(b.shrunkWeightedDbt),
      onTime: b.onTimeShare === null ? '—' : formatPercent(b.onTimeShare),
    }),
  ];
  if (b.delay) {
    lines.push(t('CUSTOMER_DELAY', { p10: days(b.delay.p10), median: days(b.delay.median), p90: days(b.delay.p90) }));
  }
  lines.push(
    t('CUSTOMER_OPEN', {
      open: formatAmount(p.openBaseMinor, p.baseCurrency),
      overdue: formatAmount(p.overdueBaseMinor, p.baseCurrency),
      currency: p.baseCurrency,
    }),
    '',
  );
  if (p.risk) lines.push(...riskLines(p, locale), '');
  if (p.openItems.length > 0) {
    const header = [
      t('CUSTOMER_COL_NUMBER'),
      t('CUSTOMER_COL_DUE'),
      t('CUSTOMER_COL_OPEN'),
      t('CUSTOMER_COL_EXPECTED'),
      t('CUSTOMER_COL_EXPECTED_AMOUNT'),
      t('CUSTOMER_COL_RANGE'),
      t('CUSTOMER_COL_WHY'),
    ];
    const rows = p.openItems.map((i) => [
      i.instalment === null ? i.number : `${i.number} (${i.instalment})`,
      i.dueOn,
      `${formatAmount(i.openMinor, i.currency)} ${i.currency}`,
      i.expectedOn,
      formatAmount(i.expectedMinor, i.currency),
      i.expectedP10 === null || i.expectedP90 === null ? '—' : `${i.expectedP10} – ${i.expectedP90}`,
      forecastReasonText(i, locale),
    ]);
    lines.push(renderTable([header, ...rows], [2, 4]));
  }
  return lines.join('\n');
}

/** The customer's risk state in words: its status and why, exposure against the limit. */
function riskLines(p: CustomerProfile, locale: Locale): string[] {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const r = p.risk;
  if (!r) return [];
  const amount = (v: number) => formatAmount(v, p.baseCurrency);
  const out = [
    t('CUSTOMER_RISK', {
      status: t(`RS_STATUS_${r.status}`),
      grade: r.grade ?? '—',
      pd: r.pd === null ? '—' : formatPercent(r.pd),
    }),
    t('CUSTOMER_EXPOSURE', {
      exposure: amount(r.exposure.totalMinor),
      ar: amount(r.exposure.openArMinor),
      unapplied: amount(r.exposure.unappliedMinor),
      bills: amount(r.exposure.acceptanceBillsMinor),
      orders: amount(r.exposure.openOrdersMinor),
      limit: r.limitMinor === null ? '—' : amount(r.limitMinor),
    }),
  ];
  for (const reason of r.reasons) out.push(`  · ${formatReason(reason, locale, p.baseCurrency)}`);
  return out;
}
