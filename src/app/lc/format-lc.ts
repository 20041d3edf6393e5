import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { LetterOfCreditView } from './get-letters-of-credit.js';

const t = (code: string, data: Record<string, unknown>, locale: Locale) => translate(code, data, locale);

/** One line per credit: number, amount, deadline, expected cash and whether it secures its receivable. */
export function formatLettersOfCredit(views: readonly LetterOfCreditView[], locale: Locale): string {
  if (views.length === 0) return t('LC_CLI_NONE', {}, locale);
  return views
    .map((v) =>
      t(
        'LC_CLI_LINE',
        {
          number: v.lc.number,
          amount: formatMoney(v.lc.amountMinor, v.lc.currency),
          status: t(`LC_STATUS_${v.lc.status}`, {}, locale),
          deadline: v.presentationDeadline,
          expectedOn: v.timeline.expectedOn,
          secured: t(v.isSecured ? 'LC_SECURED' : 'LC_NOT_SECURED', {}, locale),
        },
        locale,
      ),
    )
    .join('\n');
}

/** One credit in full: its dates, the examination window, the checklist and why it is or is not secured. */
export function formatLetterOfCredit(v: LetterOfCreditView, locale: Locale): string {
  const lines = [formatLettersOfCredit([v], locale)];
  lines.push(
    t(
      'LC_CLI_TIMELINE',
      {
        presentedOn: v.timeline.presentedOn,
        examinationEndsOn: v.timeline.examinationEndsOn,
        maturesOn: v.timeline.maturesOn ?? '—',
        expectedOn: v.timeline.expectedOn,
      },
      locale,
    ),
  );
  for (const c of v.checklist)
    lines.push(`  [${t(`LC_CHECK_STATE_${c.state}`, {}, locale)}] ${t(`LC_CHECK_${c.code}`, {}, locale)}`);
  if (!v.isSecured)
    lines.push(
      t(
        'LC_CLI_WHY_NOT_SECURED',
        { reasons: v.unsecuredReasons.map((r) => t(`LC_UNSECURED_${r}`, {}, locale)).join('; ') },
        locale,
      ),
    );
  return lines.join('\n');
}
