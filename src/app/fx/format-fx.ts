import { formatAmount, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { FxReport } from './get-fx-report.js';

/**
 * The currency report as text for the command line: exposure per currency now (cash, receivables,
 * payables, forwards, net, revaluation, the ± shock, limit and hedge needed), the forwards
 * outstanding, and the net exposure week by week.
 *
 * @example
 * console.log(formatFxReport(report, 'en'));
 */
export function formatFxReport(report: FxReport, locale: Locale): string {
  const t = (code: string, details: Record<string, unknown> = {}) => translate(code, details, locale);
  const e = report.exposure;
  const base = e.currency;
  const amt = (minor: number, currency = base) => formatAmount(minor, currency);
  const lines = [t('FX_TITLE', { asOf: e.asOf, currency: base, pct: e.shockPct }), ''];
  if (e.currencies.length === 0) lines.push(t('FX_NONE', { asOf: e.asOf }));
  else {
    const header = [
      t('FX_COL_CURRENCY'),
      t('FX_COL_RATE'),
      t('FX_COL_CASH'),
      t('FX_COL_AR'),
      t('FX_COL_AP'),
      t('FX_COL_FORWARDS'),
      t('FX_COL_NET'),
      t('FX_COL_NET_BASE', { currency: base }),
      t('FX_COL_REVALUATION', { currency: base }),
      t('FX_COL_SHOCK_UP', { pct: e.shockPct, currency: base }),
      t('FX_COL_SHOCK_DOWN', { pct: e.shockPct, currency: base }),
      t('FX_COL_LIMIT', { currency: base }),
      t('FX_COL_HEDGE'),
    ];
    const rows = e.currencies.map((c) => [
      c.currency,
      String(c.rate),
      amt(c.amounts.cashMinor, c.currency),
      amt(c.amounts.receivablesMinor, c.currency),
      amt(-c.amounts.payablesMinor, c.currency),
      amt(c.amounts.forwardsMinor, c.currency),
      amt(c.amounts.netMinor, c.currency),
      amt(c.base.netMinor),
      amt(c.revaluation.totalMinor),
      amt(c.shock.up.netMinor),
      amt(c.shock.down.netMinor),
      c.limitMinor === null ? t('FX_NO_LIMIT') : amt(c.limitMinor),
      c.hedge === null
        ? c.limitMinor === null
          ? '—'
          : t('FX_WITHIN_LIMIT')
        : t(c.hedge.direction === 'sell' ? 'FX_HEDGE_SELL' : 'FX_HEDGE_BUY', {
            amount: amt(c.hedge.amountMinor, c.currency),
            currency: c.currency,
          }),
    ]);
    rows.push([
      t('FX_TOTAL'),
      '',
      '',
      '',
      '',
      '',
      '',
      amt(e.total.base.netMinor),
      amt(e.total.revaluationMinor),
      amt(e.total.shockUp.netMinor),
      amt(e.total.shockDown.netMinor),
      '',
      '',
    ]);
    lines.push(renderTable([header, ...rows], [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
  }
  if (report.forwards.length > 0) {
    lines.push('', t('FX_FORWARDS_TITLE'));
    for (const f of report.forwards)
      lines.push(
        `  ${t('FX_FORWARD_LINE', {
          valueOn: f.valueOn,
          direction: t(`FX_DIRECTION_${f.direction}`),
          amount: `${amt(f.amountMinor, f.currency)} ${f.currency}`,
          currency: f.currency,
          rate: f.rate,
          counterCurrency: f.counterCurrency,
          counterparty: f.counterparty,
        })}`,
      );
  }
  const first = report.byWeek[0];
  if (first && first.weeks.length > 0) {
    lines.push('', t('FX_BY_WEEK', { currency: base }));
    const header = [t('FX_COL_WEEK'), ...report.byWeek.map((c) => c.currency)];
    const rows = first.weeks.map((w, i) => [
      w.startOn,
      ...report.byWeek.map((c) => {
        const week = c.weeks[i];
        if (!week) return '';
        return `${amt(week.netBaseMinor)}${week.isOverLimit ? ` (${t('FX_OVER_LIMIT_MARK')})` : ''}`;
      }),
    ]);
    lines.push(
      renderTable(
        [header, ...rows],
        report.byWeek.map((_, i) => i + 1),
      ),
    );
  }
  if (e.missingRates.length > 0)
    lines.push('', t('FX_MISSING_RATES', { asOf: e.asOf, currencies: e.missingRates.join(', ') }));
  if (e.missingBookedRates.length > 0)
    lines.push(t('FX_MISSING_BOOKED_RATES', { currencies: e.missingBookedRates.join(', ') }));
  lines.push('', t('FX_NOTE'));
  return lines.join('\n');
}
