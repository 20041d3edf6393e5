import { formatMoney, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { formatReason } from '../credit/index.js';
import type { Worklist } from './worklist.js';

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;

/** The worklist as a table for the terminal: rank, customer, action, invoices, amounts, PD, delay, why. */
export function formatWorklist(w: Worklist, locale: Locale, limit = Number.POSITIVE_INFINITY): string {
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  const lines = [t('COL_WORKLIST_TITLE', { asOf: w.asOf, count: w.items.length, currency: w.currency })];
  if (w.items.length === 0) lines.push(t('COL_WORKLIST_EMPTY'));
  else {
    const head = ['RANK', 'CUSTOMER', 'ACTION', 'INVOICES', 'AMOUNT', 'PD', 'DELAY', 'WHY'].map((k) =>
      t(`COL_COL_${k}`),
    );
    const rows = w.items
      .slice(0, limit)
      .map((i) => [
        String(i.rank),
        `${i.code} ${i.name}`,
        `${i.stage} ${t(`COL_ACTION_${i.action}`)}`,
        String(i.invoices.length),
        formatMoney(i.amountAtRiskMinor, w.currency),
        pct(i.pd),
        pct(i.pFurtherDelay),
        i.reasons.map((r) => formatReason(r, locale, w.currency)).join('; '),
      ]);
    lines.push(renderTable([head, ...rows], [0, 3, 4, 5, 6]));
  }
  if (w.paused.length > 0) {
    lines.push(t('COL_PAUSED_TITLE', { count: w.paused.length }));
    for (const p of w.paused.slice(0, limit))
      lines.push(
        `  ${t(`COL_PAUSED_${p.reason}`, { customer: `${p.code} ${p.name}`, number: p.number, until: p.until ?? '', note: p.note ?? '' })}`,
      );
  }
  return lines.join('\n');
}
