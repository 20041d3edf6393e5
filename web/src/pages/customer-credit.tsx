import { useState } from 'react';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { type LimitView, type Onboarding, useCustomerCredit } from '../customer-credit-data.js';
import { formatDate, formatShare } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { actorLabel, canWriteCredit } from '../permissions.js';
import { useMe } from '../session.js';
import { useMoney } from '../use-money.js';
import { type ApprovedLimit, ApproveLimit } from './credit-limit-form.js';
import { ReviewCard } from './credit-review.js';
import { CreditScore } from './credit-score.js';
import { type RecordedCheck, RecordItem } from './onboarding-record.js';
import './credit-actions.css';

type Refresh = () => Promise<void>;

/** The limit in force as GET /api/v1/credit/limits answers it: the approver's id and, beside it, name. */
type CurrentLimit = NonNullable<LimitView['current']> & { readonly approvedByName?: string };

/**
 * The customer's credit: score and review, limit and onboarding, read together and read again
 * together after every decision recorded here (a section the server does not have stays out).
 */
export function CreditSections({ customerId }: { customerId: string }) {
  const credit = useCustomerCredit(customerId);
  if (credit.state === 'loading') return <Loading />;
  if (credit.state === 'error') return <ErrorBox error={credit.error} onRetry={credit.retry} />;
  const { score, review, limit, onboarding } = credit.data;
  const { refresh } = credit;
  return (
    <>
      {(score || review) && (
        <div className="grid-2">
          {score && <CreditScore credit={score} />}
          {review && <ReviewCard customerId={customerId} review={review} refresh={refresh} />}
        </div>
      )}
      {(limit || onboarding) && (
        <div className="grid-2">
          {limit && <LimitCard customerId={customerId} view={limit} refresh={refresh} />}
          {onboarding && <OnboardingCard customerId={customerId} onboarding={onboarding} refresh={refresh} />}
        </div>
      )}
    </>
  );
}

/** The credit limit: current and recommended, which constraint binds, exposure and utilisation. */
function LimitCard({ customerId, view: v, refresh }: { customerId: string; view: LimitView; refresh: Refresh }) {
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  const me = useMe();
  const [approved, setApproved] = useState<ApprovedLimit | null>(null);
  const r = v.recommendation;
  const current: CurrentLimit | null = v.current;
  const amount = (minor: number | null) => (minor === null ? '—' : money(minor, r.currency));
  const facts: [string, string][] = [
    [t('credit.currentLimit'), current ? amount(current.limitMinor) : t('credit.noLimit')],
    [
      t('credit.approved'),
      current
        ? `${formatDate(current.effectiveFrom, locale)} · ${actorLabel(current.approvedBy, me, current.approvedByName)}`
        : '—',
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
          <li key={x.code}>{x.message ?? x.code}</li>
        ))}
      </ul>
      {approved && (
        <p className="saved" data-testid="limit-result" role="status">
          {t('credit.limitApproved', {
            amount: money(approved.limitMinor, approved.currency),
            by: actorLabel(approved.approvedBy, me, approved.approvedByName),
            date: formatDate(approved.effectiveFrom, locale),
          })}
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
      <ul className="checklist" data-testid="onboarding-checklist">
        {d.lines.map((l) => (
          <li key={l.item} data-item={l.item} data-status={l.status}>
            <span>
              <strong>{t(`credit.status.${l.status}` as MessageKey)}</strong> {l.reason.message ?? l.reason.code}
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
