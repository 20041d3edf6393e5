import { type ReactNode, useState } from 'react';
import { ApiError } from '../api.js';
import type { ApprovedLimit, CreditLimitView, Onboarding, RecordedCheck } from '../api-types.js';
import { withNames } from '../components/named.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate, formatShare } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { actorLabel, canWriteCredit } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { useMoney } from '../use-money.js';
import { ApproveLimit } from './credit-limit-form.js';
import { ReviewCard } from './credit-review.js';
import { CreditScore } from './credit-score.js';
import { ExternalDataCard } from './external-data.js';
import { RecordItem } from './onboarding-record.js';
import './credit-actions.css';

type Refresh = () => Promise<void>;

/** A part of the credit a server without the credit module, or an unscored customer, does not have (404). */
const isAbsent = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The customer's credit: score and review, limit and onboarding, each read on its own (one
 * customer's, not the book's) and all read again after every decision recorded here.
 */
/** `aside` sits beside the external data (the collections history, on the customer page). */
export function CreditSections({ customerId, aside }: { customerId: string; aside?: ReactNode }) {
  const path = { id: customerId };
  const score = useGet('/api/v1/credit/customers/{id}/score', { path });
  const review = useGet('/api/v1/credit/customers/{id}/review', { path });
  const limit = useGet('/api/v1/credit/customers/{id}/limit', { path });
  const onboarding = useGet('/api/v1/credit/customers/{id}/onboarding', { path });
  const external = useGet('/api/v1/customers/{id}/external-data', { path });
  const refresh = useRefreshAll();
  const part = <T,>(
    q: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown },
    show: (d: NonNullable<T>) => ReactNode,
  ) => {
    if (q.isPending) return <Loading />;
    if (q.error) return isAbsent(q.error) ? null : <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
    return q.data === undefined || q.data === null ? null : show(q.data);
  };
  return (
    <>
      <div className="grid-2">
        {part(score, (d) => (
          <CreditScore credit={d.customer} />
        ))}
        {part(review, (d) => (
          <ReviewCard customerId={customerId} review={d.customer} refresh={refresh} />
        ))}
      </div>
      <div className="grid-2">
        {part(limit, (d) => (
          <LimitCard customerId={customerId} view={d.customer} refresh={refresh} />
        ))}
        {part(onboarding, (d) => (
          <OnboardingCard customerId={customerId} onboarding={d} refresh={refresh} />
        ))}
      </div>
      <div className="grid-2">
        {part(external, (d) => (
          <ExternalDataCard data={d} />
        ))}
        {aside}
      </div>
    </>
  );
}

/** The credit limit: current and recommended, which constraint binds, exposure and utilisation. */
function LimitCard(props: { customerId: string; view: CreditLimitView; refresh: Refresh }) {
  const { customerId, view: v, refresh } = props;
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  const me = useMe();
  const [approved, setApproved] = useState<ApprovedLimit | null>(null);
  const r = v.recommendation;
  const current = v.current;
  const amount = (minor: number | null) => (minor === null ? '—' : money(minor, r.currency));
  const facts: [string, ReactNode][] = [
    [t('credit.currentLimit'), current ? amount(current.limitMinor) : t('credit.noLimit')],
    [
      t('credit.approved'),
      current ? (
        <>
          {formatDate(current.effectiveFrom, locale)} ·{' '}
          <span translate="no">{actorLabel(current.approvedBy, me, current.approvedByName)}</span>
        </>
      ) : (
        '—'
      ),
    ],
    [t('credit.recommended'), amount(r.recommendedMinor)],
    [t('credit.binding'), t(`credit.binding.${r.binding}` as MessageKey)],
    [t('credit.need'), amount(r.needMinor)],
    [t('credit.capacity'), amount(r.capacityMinor)],
    [t('credit.insurerCap'), amount(r.insurerCapMinor)],
    [t('credit.exposure'), money(v.exposure.totalMinor, v.exposure.currency)],
    [t('credit.utilisation'), v.utilisation === null ? '—' : formatShare(v.utilisation)],
  ];
  return (
    <Card title={t('credit.limitTitle')}>
      <dl className="facts" data-testid="credit-limit">
        {facts.map(([k, val]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      <ul>
        {r.reasons.map((x) => (
          <li key={x.code}>{x.message}</li>
        ))}
      </ul>
      {approved && (
        <p className="saved" data-testid="limit-result" role="status">
          {withNames(
            t,
            'credit.limitApproved',
            { amount: money(approved.limitMinor, approved.currency), date: formatDate(approved.effectiveFrom, locale) },
            { by: actorLabel(approved.approvedBy, me, approved.approvedByName) },
          )}
        </p>
      )}
      {canWriteCredit(me) && (
        <ApproveLimit
          customerId={customerId}
          recommendedMinor={r.recommendedMinor}
          currency={r.currency}
          refresh={refresh}
          onApproved={setApproved}
        />
      )}
    </Card>
  );
}

/** The onboarding checklist: each item's status in words, and the safe limit; a credit writer records items. */
function OnboardingCard(props: { customerId: string; onboarding: Onboarding; refresh: Refresh }) {
  const { customerId, onboarding: d, refresh } = props;
  const t = useT();
  const money = useMoney();
  const canWrite = canWriteCredit(useMe());
  const [recorded, setRecorded] = useState<RecordedCheck | null>(null);
  return (
    <Card title={t('credit.onboardingTitle')}>
      <p data-testid="onboarding-status">
        {d.isComplete ? t('credit.onboardingComplete') : t('credit.onboardingIncomplete')} ·{' '}
        {t('credit.safeLimit', { amount: money(d.safeLimitMinor, d.currency) })}
      </p>
      <p className="muted small">{d.safeLimitReason.message}</p>
      <ul className="checklist" data-testid="onboarding-checklist">
        {d.lines.map((l) => (
          <li key={l.item} data-item={l.item} data-status={l.status}>
            <span>
              <strong>{t(`credit.status.${l.status}` as MessageKey)}</strong> {l.itemText}
              {l.details && <span translate="no"> ({l.details})</span>}
            </span>
            {canWrite && l.recordable && (
              <RecordItem customerId={customerId} line={l} refresh={refresh} onRecorded={setRecorded} />
            )}
          </li>
        ))}
      </ul>
      {recorded && (
        <p className="saved" data-testid="onboarding-result" role="status">
          {t('credit.itemRecorded', {
            item: t(`credit.item.${recorded.item}` as MessageKey),
            status: t(`credit.record.${recorded.status}`),
          })}
        </p>
      )}
    </Card>
  );
}
