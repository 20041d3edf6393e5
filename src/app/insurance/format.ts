import type { Reason } from '../../core/credit/index.js';
import { formatMoney, formatPercent, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { CoverReport, DeadlineReport, ValueReport } from './reports.js';

const t = (code: string, data: Readonly<Record<string, unknown>>, locale: Locale) =>
  translate(code, { ...data }, locale);

/** A cover reason in words: every `xMinor` amount also given as formatted `x`. */
export function describeCoverReason(reason: Reason, currency: string, locale: Locale): string {
  const data: Record<string, unknown> = { ...reason.data };
  for (const [k, v] of Object.entries(reason.data))
    if (typeof v === 'number' && k.endsWith('Minor')) data[k.slice(0, -5)] = formatMoney(v, currency);
  return t(reason.code, data, locale);
}

const policyWords = (p: CoverReport['policy']) => ({
  insurer: p.insurer,
  policyNumber: p.policyNumber,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

/** `insurance cover` in words: the buyers' cover, then every open invoice not fully insured and why. */
export function formatCoverReport(r: CoverReport, locale: Locale): string {
  const m = (x: number) => formatMoney(x, r.currency);
  const lines = [
    t(
      'INS_COVER_TITLE',
      { ...policyWords(r.policy), asOf: r.asOf, insured: m(r.totals.insuredMinor), open: m(r.totals.openMinor) },
      locale,
    ),
    '',
    t('INS_COVER_BUYERS', {}, locale),
  ];
  const head = ['CUSTOMER', 'LIMIT_KIND', 'LIMIT', 'OPEN', 'INSURED', 'OWN_RISK', 'UTILISATION'];
  const buyers = r.buyers.map((b) => [
    `${b.code} ${b.name}`,
    b.cancelledOn === null
      ? t(`INS_LIMIT_KIND_${b.kind ?? 'none'}`, {}, locale)
      : t('INS_CANCELLED_ON', { on: b.cancelledOn }, locale),
    m(b.limitMinor),
    m(b.openMinor),
    m(b.insuredMinor),
    m(b.ownRiskMinor),
    formatPercent(b.utilisation),
  ]);
  lines.push(renderTable([head.map((h) => t(`INS_COL_${h}`, {}, locale)), ...buyers], [2, 3, 4, 5, 6]));
  const partly = r.invoices.filter((i) => !i.covered);
  lines.push('', t('INS_COVER_INVOICES', { count: partly.length, total: r.invoices.length }, locale));
  const rows = partly.map((i) => [
    `${i.code} ${i.name}`,
    i.number,
    i.issuedOn,
    i.dueOn,
    m(i.openMinor),
    m(i.insuredMinor),
    i.reasons.map((x) => describeCoverReason(x, r.currency, locale)).join('; '),
  ]);
  const invHead = ['CUSTOMER', 'INVOICE', 'ISSUED', 'DUE', 'OPEN', 'INSURED', 'WHY'];
  lines.push(renderTable([invHead.map((h) => t(`INS_COL_${h}`, {}, locale)), ...rows], [4, 5]));
  if (r.unconverted.length > 0)
    lines.push(t('INS_UNCONVERTED', { asOf: r.asOf, items: r.unconverted.join(', ') }, locale));
  return lines.join('\n');
}

/** `insurance deadlines` in words: missed and coming deadlines first; later ones only with `all`. */
export function formatDeadlineReport(r: DeadlineReport, locale: Locale, all: boolean): string {
  if (r.deadlines.length === 0) return t('INS_DEADLINES_NONE', {}, locale);
  const missed = r.deadlines.filter((d) => d.isMissed).length;
  const soon = r.deadlines.filter((d) => !d.isMissed && d.daysLeft <= 7).length;
  const shown = all ? r.deadlines : r.deadlines.filter((d) => d.daysLeft <= 30);
  const head = ['ON', 'DEADLINE', 'CUSTOMER', 'INVOICE', 'STATUS'].map((h) => t(`INS_COL_${h}`, {}, locale));
  const rows = shown.map((d) => [
    d.on,
    t(`INS_DEADLINE_${d.kind}`, {}, locale),
    `${d.code} ${d.name}`,
    d.number,
    t(`INS_LEVEL_${d.level}`, {}, locale),
  ]);
  const lines = [
    t('INS_DEADLINES_TITLE', { ...policyWords(r.policy), asOf: r.asOf, missed, soon }, locale),
    renderTable([head, ...rows]),
  ];
  if (shown.length < r.deadlines.length)
    lines.push(t('INS_DEADLINES_MORE', { count: r.deadlines.length - shown.length }, locale));
  return lines.join('\n');
}

/** `insurance value` in words. */
export function formatValueReport(r: ValueReport, locale: Locale): string {
  const m = (x: number) => formatMoney(x, r.currency);
  return [
    t('INS_VALUE_TITLE', { ...policyWords(r.policy), asOf: r.asOf }, locale),
    t('INS_VALUE_EXPECTED', { with: m(r.expectedLossWith), without: m(r.expectedLossWithout) }, locale),
    t('INS_VALUE_TAIL', { with: m(r.lossAt99With), without: m(r.lossAt99Without) }, locale),
    t(
      'INS_VALUE_PREMIUM',
      {
        premium: m(r.premium),
        rate: `${Number((r.policy.terms.premiumRate * 100).toPrecision(6))}%`,
        turnover: m(r.insurableTurnover),
      },
      locale,
    ),
    t(
      r.isPremiumBelowBreakEven ? 'INS_VALUE_BREAK_EVEN_WORTH' : 'INS_VALUE_BREAK_EVEN_NOT',
      { breakEven: m(r.breakEven), tail: m(r.tailReduction) },
      locale,
    ),
  ].join('\n');
}
