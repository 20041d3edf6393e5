import type { Reason } from '../../core/credit/index.js';
import { formatMoney, formatPercent, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { OrderCheck } from './check-order.js';
import { describeDistressDrivers } from './distress-reasons.js';
import type { CustomerLimitView } from './limits.js';
import type { OnboardingView } from './onboarding.js';
import type { ReviewView } from './reviews.js';
import type { RiskStateRow } from './risk-states.js';
import type { ScoreCustomersResult } from './score-customers.js';

/** Translates a credit code with its data (the 'credit-scoring' catalogue). */
export function t(code: string, data: Readonly<Record<string, unknown>>, locale: Locale): string {
  return translate(code, { ...data }, locale);
}

/** Reason data with every `xMinor` amount also given as formatted `x` text in `currency`; no value reads as '—'. */
function withAmounts(data: Reason['data'], currency: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  const cur = typeof data.currency === 'string' ? data.currency : currency;
  for (const [k, v] of Object.entries(data)) {
    if (v === null) out[k] = '—';
    if (typeof v !== 'number') continue;
    if (k.endsWith('Minor')) out[k.slice(0, -5)] = formatMoney(v, cur);
    // Plain figures read as people write them: one decimal, or three significant digits below 1.
    else if (!Number.isInteger(v)) out[k] = Math.abs(v) >= 1 ? Number(v.toFixed(1)) : Number(v.toPrecision(3));
  }
  if (out.amount === undefined) out.amount = '—';
  return out;
}

/** A text for `code` when the catalogue has one, else null (a value without words stays as it is). */
function known(code: string, data: Record<string, unknown>, locale: Locale): string | null {
  const text = t(code, data, locale);
  return text === code || text.startsWith(`${code} (`) ? null : text;
}

/** A data value that is a code, in words (catalogue key: prefix + value); unknown values stay as they are. */
const word = (prefix: string) => (value: string, locale: Locale) => known(`${prefix}${value}`, {}, locale) ?? value;
const overrideWord = (value: string, locale: Locale) =>
  word('CW_OVERRIDE_')(value.replace(/^CS_OVERRIDE_/, ''), locale);

/** A comma-separated list of codes, each in words. */
const each = (one: (value: string, locale: Locale) => string) => (value: string, locale: Locale) =>
  value
    .split(', ')
    .filter(Boolean)
    .map((v) => one(v, locale))
    .join(locale === 'zh-CN' ? '、' : ', ');

/** An industry code in the reader's words ('retail' → '零售'); an industry without words stays as written. */
export const industryWord = (value: string, locale: Locale): string => word('CW_INDUSTRY_')(value, locale);

/** Data values that are codes themselves, read as words, by reason code and data key. */
const CODED_DATA: Readonly<Record<string, Readonly<Record<string, (value: string, locale: Locale) => string>>>> = {
  CR_NEW_LEGAL_EVENT: { type: word('CR_LEGAL_TYPE_') },
  CR_RATING_DROP: { agency: word('CW_AGENCY_') },
  CS_ALTMAN: { variant: word('CW_ALTMAN_'), zone: word('CW_ZONE_') },
  CS_INDUSTRY_ADJUSTED: { industry: word('CW_INDUSTRY_') },
  CS_WEIGHTS_RENORMALISED: { present: each(word('CW_PILLAR_')) },
  CS_EXTERNAL_RATING: { agency: word('CW_AGENCY_') },
  CS_EXTERNAL_STALE: { agency: word('CW_AGENCY_') },
  CS_EXTERNAL_UNREADABLE: { agency: word('CW_AGENCY_') },
  CS_OVERRIDE_EXTERNAL: { agency: word('CW_AGENCY_') },
  COL_STAGE_LATE: { action: word('COL_ACTION_') },
  COL_STAGE_EARLY: { action: word('COL_ACTION_') },
};

/** One reason in words, e.g. 'pays 38 days late on average' / '平均逾期 38 天付款'. */
export function formatReason(reason: Reason, locale: Locale, currency = 'CNY'): string {
  const nested = reason.data.override;
  // A hold caused by a scorecard override reads as the override itself.
  if (typeof nested === 'string') {
    const { override: _, ...data } = reason.data;
    return formatReason({ code: nested, data }, locale, currency);
  }
  const data = withAmounts(reason.data, currency);
  // The distress model's drivers are tokens of their own (distress-reasons.ts).
  if (reason.code === 'CS_DISTRESS_MODEL' && typeof reason.data.drivers === 'string')
    data.drivers = describeDistressDrivers(reason.data.drivers, locale);
  for (const [key, inWords] of Object.entries(CODED_DATA[reason.code] ?? {})) {
    const value = reason.data[key];
    if (typeof value === 'string') data[key] = inWords(value, locale);
  }
  const text = t(reason.code, data, locale);
  // A record from a credit-data service names it ('…, source Qichacha' / '…，来源：企查查').
  const source = typeof reason.data.source === 'string' ? SOURCE_WORDS.get(reason.data.source) : undefined;
  return source ? `${text}${t('EXT_SOURCE_NOTE', { source: t(source, {}, locale) }, locale)}` : text;
}

/** The credit-data services whose records name their source in a reason, to their catalogue key. */
const SOURCE_WORDS: ReadonlyMap<string, string> = new Map([
  ['企查查', 'EXT_SOURCE_QICHACHA'],
  ['天眼查', 'EXT_SOURCE_TIANYANCHA'],
  ['启信宝', 'EXT_SOURCE_QIXINBAO'],
]);

const pct = (p: number | null) => (p === null ? '—' : `${(p * 100).toFixed(2)}%`);

export function formatScores(r: ScoreCustomersResult, locale: Locale): string {
  const rows = r.customers.map((c) => [
    `${c.code} ${c.name}`,
    c.grade ?? '—',
    pct(c.pd),
    c.score === null ? '—' : c.score.toFixed(1),
    c.drivers.map((d) => formatReason(d, locale)).join('; '),
  ]);
  const head = ['CS_COL_CUSTOMER', 'CS_COL_GRADE', 'CS_COL_PD', 'CS_COL_SCORE', 'CS_COL_REASONS'].map((k) =>
    t(k, {}, locale),
  );
  const lines = [t('CS_TITLE', { asOf: r.asOf }, locale), renderTable([head, ...rows], [2, 3])];
  if (r.calibration.isIndicative) lines.push(formatReason(r.calibration.reason, locale));
  if (r.saved > 0) lines.push(t('CS_SAVED', { count: r.saved }, locale));
  return lines.join('\n');
}

export function formatLimits(
  r: { asOf: string; currency: string; customers: readonly CustomerLimitView[] },
  locale: Locale,
): string {
  const m = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : formatMoney(v, r.currency).replace(` ${r.currency}`, '');
  const rows = r.customers.map((c) => [
    `${c.code} ${c.name}`,
    c.grade ?? '—',
    m(c.recommendation.recommendedMinor),
    m(c.current?.limitMinor),
    t(`CL_BINDING_${c.recommendation.binding.toUpperCase()}`, {}, locale),
    m(c.exposure.totalMinor),
    c.utilisation === null ? '—' : formatPercent(c.utilisation),
  ]);
  const head = [
    'CS_COL_CUSTOMER',
    'CS_COL_GRADE',
    'CL_COL_RECOMMENDED',
    'CL_COL_CURRENT',
    'CL_COL_BINDING',
    'CL_COL_EXPOSURE',
    'CL_COL_UTILISATION',
  ].map((k) => t(k, {}, locale));
  return [
    t('CL_TITLE', { asOf: r.asOf, currency: r.currency }, locale),
    renderTable([head, ...rows], [2, 3, 5, 6]),
  ].join('\n');
}

export function formatReviews(r: { asOf: string; reviews: readonly ReviewView[] }, locale: Locale): string {
  const rows = r.reviews.map((v) => [
    `${v.code} ${v.name}`,
    v.grade ?? '—',
    v.nextDueOn,
    v.lastReviewedOn ?? '—',
    v.isDue ? v.reasons.map((x) => formatReason(x, locale)).join('; ') : t('CR_NOT_DUE', {}, locale),
  ]);
  const head = ['CS_COL_CUSTOMER', 'CS_COL_GRADE', 'CR_COL_DUE_ON', 'CR_COL_LAST', 'CR_COL_WHY'].map((k) =>
    t(k, {}, locale),
  );
  const due = r.reviews.filter((v) => v.isDue).length;
  return [t('CR_TITLE', { asOf: r.asOf, due }, locale), renderTable([head, ...rows])].join('\n');
}

/** What the records or a person showed for a line: its data values, who recorded it by name when known. */
/** What the records or a person showed for a checklist line: dates, names, notes (the user's own words). */
export function lineDetails(line: OnboardingView['lines'][number], locale: Locale): string {
  const { byName, ...data } = line.reason.data;
  return Object.entries(data)
    .map(([k, v]) => {
      if (k === 'by' && typeof byName === 'string') return byName;
      // A rating agency is a code in the data: its name in words.
      return k === 'agency' && typeof v === 'string' ? word('CW_AGENCY_')(v, locale) : v;
    })
    .filter((v) => v !== null && v !== undefined)
    .join(' ');
}

/** One checklist line in words: the item, and what the records or a person showed for it. */
export function formatChecklistLine(line: OnboardingView['lines'][number], locale: Locale): string {
  const details = lineDetails(line, locale);
  return details ? `${t(`CO_ITEM_${line.item}`, {}, locale)} (${details})` : t(`CO_ITEM_${line.item}`, {}, locale);
}

/** The safe first limit and why, with the blocking items named in words. */
export function formatSafeLimit(o: OnboardingView, locale: Locale): string {
  const safe = o.safeLimitReason;
  const items =
    typeof safe.data.items === 'string'
      ? safe.data.items
          .split(', ')
          .map((i) => t(`CO_ITEM_${i}`, {}, locale))
          .join(locale === 'zh-CN' ? '、' : ', ')
      : '';
  return t(safe.code, { ...withAmounts(safe.data, o.currency), items }, locale);
}

export function formatOnboarding(o: OnboardingView, locale: Locale): string {
  const rows = o.lines.map((l) => [
    t(`CO_ITEM_${l.item}`, {}, locale),
    t(`CO_STATUS_${l.status}`, {}, locale),
    lineDetails(l, locale),
  ]);
  const lines = [t('CO_TITLE', { customer: `${o.code} ${o.name}` }, locale), renderTable(rows)];
  if (o.missing.length > 0)
    lines.push(t('CO_MISSING', { items: o.missing.map((i) => t(`CO_ITEM_${i}`, {}, locale)).join(', ') }, locale));
  lines.push(formatSafeLimit(o, locale));
  lines.push(formatReason(o.selfCheck.reason, locale, o.currency));
  return lines.join('\n');
}

export function formatOrderCheck(c: OrderCheck, locale: Locale): string {
  const customer = `${c.code} ${c.name}`;
  const lines = [t(c.decision === 'allow' ? 'CH_ALLOW' : 'CH_HOLD', { customer }, locale)];
  const o = c.override;
  // An overridden hold says who let it through, when, why and until when, then what it overrode.
  if (o !== null)
    lines.push(
      t('CH_OVERRIDDEN', { by: o.overriddenBy, at: o.overriddenAt, reason: o.reason, until: o.validUntil }, locale),
    );
  for (const r of c.reasons) lines.push(`  - ${formatReason(r, locale, c.currency)}`);
  const limit = c.approvedLimitMinor === null ? '—' : formatMoney(c.approvedLimitMinor, c.currency);
  lines.push(t('CH_SUMMARY', { exposureAfter: formatMoney(c.exposureAfterMinor, c.currency), limit }, locale));
  return lines.join('\n');
}

/** The risk list as text: who is the problem and why, most serious first. */
export function formatRiskStates(
  r: { asOf: string; currency: string; customers: readonly RiskStateRow[] },
  locale: Locale,
  all = false,
): string {
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, r.currency).replace(` ${r.currency}`, ''));
  const shown = all ? r.customers : r.customers.filter((c) => c.status !== 'normal');
  const rows = shown.map((c) => [
    `${c.code} ${c.name}`,
    t(`RS_STATUS_${c.status}`, {}, locale),
    c.grade ?? '—',
    money(c.exposure.totalMinor),
    `${money(c.limitMinor)}${c.isOverLimit ? ' !' : ''}`,
    c.reasons.map((x) => formatReason(x, locale, r.currency)).join('; '),
  ]);
  const head = [
    'CS_COL_CUSTOMER',
    'RS_COL_STATUS',
    'CS_COL_GRADE',
    'RS_COL_EXPOSURE',
    'RS_COL_LIMIT',
    'CS_COL_REASONS',
  ].map((k) => t(k, {}, locale));
  const counts = new Map<string, number>();
  for (const c of r.customers) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${t(`RS_STATUS_${s}`, {}, locale)} ${n}`).join(' · ');
  return [t('RS_TITLE', { asOf: r.asOf, summary }, locale), renderTable([head, ...rows], [3, 4])].join('\n');
}
