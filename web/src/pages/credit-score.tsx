import type { CreditScore as Score } from '../api-types.js';
import { Card } from '../components/states.js';
import { formatShare } from '../format.js';
import { useT } from '../i18n/index.js';

/** The customer's credit score, grade and PD with the main reasons in words. */
export function CreditScore({ credit }: { credit: Score }) {
  const t = useT();
  const pd = credit.pd == null ? '—' : formatShare(credit.pd);
  return (
    <Card title={t('customer.credit')}>
      <p data-testid="credit-score">
        {t('customer.score', { score: credit.score ?? '—', grade: credit.grade ?? '—', pd })}
      </p>
      {credit.overrides.length > 0 && (
        <ul className="tone-bad" data-testid="credit-overrides">
          {credit.overrides.map((d) => (
            <li key={d.code}>{d.message}</li>
          ))}
        </ul>
      )}
      {credit.drivers.length > 0 && (
        <>
          <h3>{t('customer.reasons')}</h3>
          <ul data-testid="credit-reasons">
            {credit.drivers.map((d) => (
              <li key={`${d.code}:${d.message}`}>{d.message}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
