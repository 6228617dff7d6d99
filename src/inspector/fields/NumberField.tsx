import { useId } from 'react';
import type { Problem } from '../../domain/problems';
import { describedByOf, FieldHelp } from './FieldHelp';
import { useDraft } from '../../ui/useDraft';

export interface NumberFieldProps {
  label: string;
  value: number;
  /** Receives each valid number typed; an empty or out-of-range draft is shown as a problem instead. */
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  help?: string;
  /** Text after the field, e.g. "%" or "records". */
  suffix?: string;
  problems?: readonly Pick<Problem, 'severity' | 'message'>[];
}

/**
 * A labelled number field. The draft is kept while it does not make a valid number, so typing "1"
 * then "10" never stores an intermediate invalid value, and the person sees why it is not applied.
 */
export function NumberField({ label, value, onChange, min, max, step, integer, help, suffix, problems = [] }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const parsed = draft.trim() === '' ? NaN : Number(draft);
  const draftProblem =
    draft.trim() === ''
      ? 'Enter a number.'
      : !Number.isFinite(parsed)
        ? 'This is not a number.'
        : integer && !Number.isInteger(parsed)
          ? 'Enter a whole number.'
          : min !== undefined && parsed < min
            ? `At least ${min}.`
            : max !== undefined && parsed > max
              ? `At most ${max}.`
              : undefined;
  const shown = [...(draftProblem ? [{ severity: 'error' as const, message: draftProblem }] : []), ...problems];
  const describedBy = describedByOf(id, help, shown);
  return (
    <div className="insp-field">
      <label className="insp-field__label" htmlFor={id}>
        {label}
      </label>
      <span className="ff-number">
        <input
          id={id}
          className="insp-field__input ff-input"
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={draft}
          min={min}
          max={max}
          step={step ?? (integer ? 1 : 'any')}
          aria-invalid={shown.some((p) => p.severity === 'error') || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            const n = e.target.value.trim() === '' ? NaN : Number(e.target.value);
            const ok = Number.isFinite(n) && (!integer || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
            if (ok && n !== value) onChange(n);
          }}
          onBlur={() => draftProblem && setDraft(String(value))}
        />
        {suffix && <span className="ff-number__suffix">{suffix}</span>}
      </span>
      <FieldHelp id={id} help={help} problems={shown} />
    </div>
  );
}
