import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { SendReport } from './send.js';

/** The send report for the terminal: one line per message, sent (or to be sent) or why not. */
export function formatSendReport(r: SendReport, locale: Locale): string {
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  const out = [t('COL_SEND_TITLE', { asOf: r.asOf, dry: r.isDryRun ? t('COL_SEND_DRY') : '' })];
  if (r.lines.length === 0) out.push(t('COL_SEND_NONE'));
  for (const { message: m, outcome, error } of r.lines) {
    const who = { code: m.code, name: m.name, stage: m.stage };
    if (outcome === 'sent' || outcome === 'would_send')
      out.push(
        t('COL_SEND_LINE', {
          ...who,
          what: t(outcome === 'sent' ? 'COL_SEND_SENT' : 'COL_SEND_WOULD_SEND'),
          action: t(`COL_ACTION_${m.action}`),
          count: m.figures.lines.length,
          amount: m.figures.totals.map((x) => formatMoney(x.openMinor, x.currency)).join(' + '),
          to: m.email ?? '',
          language: m.language,
        }),
      );
    else out.push(t(`COL_SEND_SKIP_${outcome}`, { ...who, error: error ?? '' }));
  }
  return out.join('\n');
}
