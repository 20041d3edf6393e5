import { type FormEvent, useState } from 'react';
import { apiPost } from '../api.js';
import type { ApprovedLimit } from '../api-types.js';
import { FormActions, ReasonField } from '../components/form-parts.js';
import { isFieldAtFault, SaveProblemBox, useSave } from '../components/save-state.js';
import { amountFromInput, amountToInput, currencyDigits } from '../format.js';
import { useT } from '../i18n/index.js';

/**
 * Approves a limit for the customer through POST /api/v1/credit/limits: the recommended amount
 * prefilled (in the base currency, the limits' currency), editable, and a reason.
 */
export function ApproveLimit(props: {
  customerId: string;
  recommendedMinor: number;
  currency: string;
  refresh: () => Promise<void>;
  onApproved: (limit: ApprovedLimit) => void;
}) {
  const { customerId, recommendedMinor, currency, refresh, onApproved } = props;
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [isAmountBad, setAmountBad] = useState(false);
  const { isBusy, problem, save, retryRefresh, clear } = useSave(refresh);
  const open = () => {
    setAmount(amountToInput(recommendedMinor, currency));
    setAmountBad(false);
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const limitMinor = amountFromInput(amount, currency);
    setAmountBad(limitMinor === null);
    if (limitMinor === null) return;
    void save(
      () => apiPost<ApprovedLimit>('/api/v1/credit/limits', { customerId, limitMinor, reason }),
      (answer) => {
        onApproved(answer);
        setReason('');
        setOpen(false);
      },
    );
  };
  if (!isOpen)
    return (
      <div className="actions">
        <button type="button" className="primary" onClick={open}>
          {t('credit.approveLimit')}
        </button>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      </div>
    );
  const amountHint = t('credit.amountInvalid', { currency, digits: currencyDigits(currency) });
  return (
    <form className="action-form" onSubmit={submit} aria-label={t('credit.approveLimit')}>
      <label>
        {t('credit.approveAmount', { currency })}
        <input
          name="limit"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          aria-invalid={isAmountBad || isFieldAtFault(problem, 'limitMinor')}
          aria-describedby={isAmountBad ? 'limit-amount-hint' : undefined}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      {isAmountBad && (
        <p id="limit-amount-hint" className="tone-bad small" role="alert">
          {amountHint}
        </p>
      )}
      <ReasonField label={t('credit.approveReason')} value={reason} onChange={setReason} problem={problem} />
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      <FormActions
        isBusy={isBusy}
        submitLabel={t('credit.approveLimit')}
        onCancel={() => {
          clear();
          setOpen(false);
        }}
      />
    </form>
  );
}
