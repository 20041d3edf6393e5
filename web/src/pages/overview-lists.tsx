import { Link } from 'wouter';
import type { Summary } from '../api-types.js';
import type { BookCredit } from '../book-credit.js';
import { Card } from '../components/states.js';
import { formatDate, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useMoney } from '../use-money.js';

/** A customer's name linking to its page; the name is a proper name, never translated. */
export function CustomerLink({ id, name }: { id: string; name: string }) {
  return (
    <Link href={`/customers/${encodeURIComponent(id)}`} translate="no">
      {name}
    </Link>
  );
}

/** The largest customer exposures, with the limit and a text flag when it is exceeded. */
export function Exposures({ summary }: { summary: Summary }) {
  const t = useT();
  const money = useMoney();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ar.col.customer')}</th>
            <th scope="col" className="num">
              {t('ar.col.exposure')}
            </th>
            <th scope="col" className="num">
              {t('ar.col.overdue')}
            </th>
            <th scope="col" className="num">
              {t('ar.col.limit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.largestExposures.map((e) => {
            const isOver = e.limitMinor !== null && e.openMinor > e.limitMinor;
            return (
              <tr key={e.customerId}>
                <td>
                  <CustomerLink id={e.customerId} name={e.name} />
                  <span className="muted small"> {formatShare(e.share)}</span>
                </td>
                <td className="num">{money(e.openMinor, summary.currency)}</td>
                <td className={`num ${e.overdueMinor > 0 ? 'tone-warn' : ''}`}>
                  {money(e.overdueMinor, summary.currency)}
                </td>
                <td className="num">
                  {e.limitMinor === null ? t('common.none') : money(e.limitMinor, summary.currency)}
                  {isOver && <span className="badge tone-bad"> {t('overview.overLimit')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Customers the credit scoring flags: due for review, on hold or over limit. Shown only when scores exist. */
export function CreditReview({ credit }: { credit: readonly BookCredit[] }) {
  const t = useT();
  const locale = useLocale();
  // Holds first, then over limit, then reviews by due date; the first ten, and how many more.
  const rank = (c: BookCredit) => (c.isHold ? 0 : c.isOverLimit ? 1 : 2);
  const all = credit
    .filter((c) => c.isReviewDue || c.isOverLimit || c.isHold)
    .sort((a, b) => rank(a) - rank(b) || (a.reviewDueOn ?? '').localeCompare(b.reviewDueOn ?? ''));
  const flagged = all.slice(0, 10);
  return (
    <Card title={t('overview.credit')} className="wide">
      <p className="muted small">{t('overview.creditHint')}</p>
      {flagged.length === 0 ? (
        <p>{t('overview.creditNone')}</p>
      ) : (
        <ul className="flags">
          {flagged.map((c) => (
            <li key={c.customerId}>
              <CustomerLink id={c.customerId} name={c.name} />
              {c.grade && <span className="badge"> {c.grade}</span>}
              {c.isOverLimit && <span className="badge tone-bad"> {t('overview.overLimit')}</span>}
              {c.isHold && <span className="badge tone-bad"> {t('overview.hold')}</span>}
              {c.isReviewDue && c.reviewDueOn && (
                <span className="muted small">
                  {' '}
                  {t('overview.reviewDue', { date: formatDate(c.reviewDueOn, locale) })}
                </span>
              )}
            </li>
          ))}
          {all.length > flagged.length && (
            <li className="muted small">{t('overview.creditMore', { count: all.length - flagged.length })}</li>
          )}
        </ul>
      )}
    </Card>
  );
}
