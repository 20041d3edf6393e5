import type { GetAnswer } from '../api-types.js';
import { Card } from '../components/states.js';
import { formatDate } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { useMoney } from '../use-money.js';

type ExternalData = GetAnswer<'/api/v1/customers/{id}/external-data'>;

/** A customer's external data: registration facts, legal records by type, ratings history (docs/adr/0029). */
export function ExternalDataCard({ data }: { data: ExternalData }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const word = (key: string) => t(key as MessageKey);
  const reg = data.registrations[0];
  const facts: [string, string][] = reg
    ? [
        [t('ext.creditCode'), reg.credit_code ?? '—'],
        [t('ext.legalRep'), reg.legal_representative ?? '—'],
        [t('ext.founded'), reg.founded_on ? formatDate(reg.founded_on, locale) : '—'],
        [
          t('ext.capital'),
          reg.capital_minor !== null && reg.capital_currency ? money(reg.capital_minor, reg.capital_currency) : '—',
        ],
        [t('ext.status'), reg.status ? word(`ext.status.${reg.status}`) : '—'],
        [t('ext.reportedOn'), `${formatDate(reg.reported_on, locale)} · ${reg.source}`],
      ]
    : [];
  return (
    <Card title={t('ext.title')}>
      <div data-testid="external-data" style={{ overflowWrap: 'anywhere' }}>
        {reg && (
          <>
            <h3>{t('ext.registration')}</h3>
            <dl className="facts">
              {facts.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <h3>{t('ext.events')}</h3>
        {data.events.length === 0 ? (
          <p>{t('ext.noEvents')}</p>
        ) : (
          <ul>
            {data.events.map((e) => (
              <li key={e.id}>
                <strong>{word(`ext.type.${e.type}`)}</strong> {formatDate(e.occurredOn, locale)}
                {e.amountMinor !== null && e.currency ? ` · ${money(e.amountMinor, e.currency)}` : ''}
                {e.resolvedOn ? ` · ${t('ext.resolved', { on: formatDate(e.resolvedOn, locale) })}` : ''}
                {e.source ? ` · ${t('ext.source', { source: e.source })}` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('ext.ratings')}</h3>
        {data.ratings.length === 0 ? (
          <p>{t('ext.noRatings')}</p>
        ) : (
          <ul>
            {data.ratings.map((r) => (
              <li key={`${r.agency}-${r.ratedOn}`}>
                {word(`ext.agency.${r.agency}`)} {r.value.replace(/^class:/, '')} · {formatDate(r.ratedOn, locale)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
