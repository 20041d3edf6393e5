import { type FormEvent, useState } from 'react';
import { apiPost } from '../api.js';
import type { ChecklistLine, RecordedCheck } from '../api-types.js';
import { FormActions } from '../components/form-parts.js';
import { isFieldAtFault, SaveProblemBox, useSave } from '../components/save-state.js';
import { type MessageKey, useT } from '../i18n/index.js';

/** The statuses a person may record for a checklist item (POST /api/v1/credit/onboarding-checks). */
const RECORDABLE_STATUSES = ['done', 'failed', 'waived'] as const;
type RecordableStatus = (typeof RECORDABLE_STATUSES)[number];

const isRecordableStatus = (s: string): s is RecordableStatus => (RECORDABLE_STATUSES as readonly string[]).includes(s);

/** Records one checklist item as done, failed or waived, with an optional note (checked today, by the caller). */
export function RecordItem(props: {
  customerId: string;
  line: ChecklistLine;
  refresh: () => Promise<void>;
  onRecorded: (check: RecordedCheck) => void;
}) {
  const { customerId, line, refresh, onRecorded } = props;
  const t = useT();
  const item = t(`credit.item.${line.item}` as MessageKey);
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState<RecordableStatus>(isRecordableStatus(line.status) ? line.status : 'done');
  const [note, setNote] = useState('');
  const { isBusy, problem, save, retryRefresh, clear } = useSave(refresh);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { customerId, item: line.item, status, ...(note.trim() ? { note: note.trim() } : {}) };
    void save(
      () => apiPost<RecordedCheck>('/api/v1/credit/onboarding-checks', body),
      (answer) => {
        onRecorded(answer);
        setNote('');
        setOpen(false);
      },
    );
  };
  const label = t('credit.recordItemLabel', { item });
  if (!isOpen)
    return (
      <>
        <button type="button" className="small-button" aria-label={label} onClick={() => setOpen(true)}>
          {t('credit.recordItem')}
        </button>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      </>
    );
  return (
    <form className="action-form inline" onSubmit={submit} aria-label={label}>
      <label>
        {t('credit.itemStatus')}
        <select
          name="status"
          value={status}
          aria-invalid={isFieldAtFault(problem, 'status')}
          onChange={(e) => isRecordableStatus(e.target.value) && setStatus(e.target.value)}
        >
          {RECORDABLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`credit.record.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('credit.itemNote')}
        <input
          name="note"
          maxLength={500}
          value={note}
          aria-invalid={isFieldAtFault(problem, 'note')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <FormActions
        isBusy={isBusy}
        submitLabel={t('credit.save')}
        onCancel={() => {
          clear();
          setOpen(false);
        }}
      />
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
    </form>
  );
}
