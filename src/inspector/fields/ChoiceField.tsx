import { Label, Radio, RadioGroup } from 'react-aria-components';

/** One option of a ChoiceField, with an optional line explaining it. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * A labelled radio group: `segmented` for two to four short options side by side, otherwise a list
 * with a hint under each option. Arrow keys move between options.
 */
export function ChoiceField<T extends string>({ label, value, onChange, choices, segmented }: { label: string; value: T; onChange: (value: T) => void; choices: readonly Choice<T>[]; segmented?: boolean }) {
  return (
    <RadioGroup className="insp-field" value={value} onChange={(v) => onChange(v as T)} orientation={segmented ? 'horizontal' : 'vertical'}>
      <Label className="insp-field__label">{label}</Label>
      <div className={segmented ? 'ff-segmented' : 'ff-radios'}>
        {choices.map((c) =>
          segmented ? (
            <Radio key={c.value} value={c.value} className="ff-segment">
              {c.label}
            </Radio>
          ) : (
            <Radio key={c.value} value={c.value} className="ff-radio">
              <span className="ff-radio__dot" aria-hidden />
              <span>
                {c.label}
                {c.hint && <span className="ff-radio__hint">{c.hint}</span>}
              </span>
            </Radio>
          ),
        )}
      </div>
      {segmented && choices.find((c) => c.value === value)?.hint && <p className="ff-hint">{choices.find((c) => c.value === value)!.hint}</p>}
    </RadioGroup>
  );
}
