import { Card } from '../components/states.js';
import { formatShare } from '../format.js';
import { useT } from '../i18n/index.js';
import type { CreditCustomer } from '../types.js';

/** The customer's credit score, grade and PD with the main reasons in words. */
export function CreditScore({ credit }: { credit: CreditCustomer }) {
  const t = useT();
  const pd = credit.pd == null ? '—' : formatShare(credit.pd);
  return (
    <Card title={t('customer.credit')}>
      <p data-testid="credit-score">
        {t('customer.score', { score: credit.score ?? '—', grade: credit.grade ?? '—', pd })}
      </p>
      {credit.drivers && credit.drivers.length > 0 && (
        <>
          <h3>{t('customer.reasons')}</h3>
          <ul>
            {credit.drivers.map((d) => (
              <li key={d.code}>{d.message ?? d.code}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
