import { type FormEvent, useState } from 'react';
import { apiPost } from '../api.js';
import type { RecordedReview, CreditReviewStatus as ReviewStatus } from '../api-types.js';
import { FormActions, ReasonField } from '../components/form-parts.js';
import { withNames } from '../components/named.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card } from '../components/states.js';
import { formatDate } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { actorLabel, canWriteCredit } from '../permissions.js';
import { useMe } from '../session.js';

/** When the customer was last reviewed and is due next; a credit writer records a review here. */
export function ReviewCard(props: { customerId: string; review: ReviewStatus; refresh: () => Promise<void> }) {
  const { customerId, review, refresh } = props;
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [result, setResult] = useState<RecordedReview | null>(null);
  const last = review.lastReviewedOn ? formatDate(review.lastReviewedOn, locale) : t('credit.neverReviewed');
  const facts: [string, string, string][] = [
    [t('credit.lastReviewed'), last, ''],
    [t('credit.nextReview'), formatDate(review.nextDueOn, locale), ''],
    [
      t('credit.reviewState'),
      review.isDue ? t('credit.reviewDue') : t('credit.reviewNotDue'),
      review.isDue ? 'tone-warn' : '',
    ],
  ];
  return (
    <Card title={t('credit.reviewTitle')}>
      <dl className="facts" data-testid="review-status">
        {facts.map(([k, v, tone]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className={tone}>{v}</dd>
          </div>
        ))}
      </dl>
      {result && (
        <p className="saved" data-testid="review-result" role="status">
          {withNames(
            t,
            'credit.reviewRecorded',
            {
              before: result.gradeBefore ?? '—',
              after: result.gradeAfter ?? '—',
              next: formatDate(result.nextDueOn, locale),
            },
            { reviewer: actorLabel(result.reviewer, me, result.reviewerName) },
          )}
        </p>
      )}
      {canWriteCredit(me) && <RecordReview customerId={customerId} refresh={refresh} onRecorded={setResult} />}
    </Card>
  );
}

function RecordReview(props: {
  customerId: string;
  refresh: () => Promise<void>;
  onRecorded: (r: RecordedReview) => void;
}) {
  const { customerId, refresh, onRecorded } = props;
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { isBusy, problem, save, retryRefresh, clear } = useSave(refresh);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () => apiPost<RecordedReview>('/api/v1/credit/reviews', { customerId, reason }),
      (answer) => {
        onRecorded(answer);
        setReason('');
        setOpen(false);
      },
    );
  };
  if (!isOpen)
    return (
      <div className="actions">
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('credit.recordReview')}
        </button>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      </div>
    );
  return (
    <form className="action-form" onSubmit={submit} aria-label={t('credit.recordReview')}>
      <ReasonField label={t('credit.reviewReason')} value={reason} onChange={setReason} problem={problem} />
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      <FormActions
        isBusy={isBusy}
        submitLabel={t('credit.recordReview')}
        onCancel={() => {
          clear();
          setOpen(false);
        }}
      />
    </form>
  );
}
