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
      industry: p.customer.industry ?? '—',
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
  if (p.openItems.length > 0) {
    const header = [
      t('CUSTOMER_COL_NUMBER'),
      t('CUSTOMER_COL_DUE'),
      t('CUSTOMER_COL_OPEN'),
      t('CUSTOMER_COL_EXPECTED'),
      'P10',
      'P90',
    ];
    const rows = p.openItems.map((i) => [
      i.number,
      i.dueOn,
      `${formatAmount(i.openMinor, i.currency)} ${i.currency}`,
      i.expectedOn,
      i.expectedP10,
      i.expectedP90,
    ]);
    lines.push(renderTable([header, ...rows], [2]));
  }
  return lines.join('\n');
}
