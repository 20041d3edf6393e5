import { useT } from '../i18n/index.js';
import { isFieldAtFault, type SaveProblem } from './save-state.js';

/** A required free-text reason (at most 500 characters), marked when the API refused it. */
export function ReasonField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: SaveProblem | null;
}) {
  return (
    <label>
      {props.label}
      <textarea
        name="reason"
        required
        rows={2}
        maxLength={500}
        value={props.value}
        aria-invalid={isFieldAtFault(props.problem, 'reason')}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** Submit and cancel; both wait while saving, and the submit says it is saving. */
export function FormActions(props: { isBusy: boolean; submitLabel: string; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={props.isBusy}>
        {props.isBusy ? t('credit.saving') : props.submitLabel}
      </button>
      <button type="button" disabled={props.isBusy} onClick={props.onCancel}>
        {t('credit.cancel')}
      </button>
    </div>
  );
}
