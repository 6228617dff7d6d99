import { useId, type ReactNode } from 'react';
import type { Problem } from '../../domain/problems';
import { describedByOf, FieldHelp } from './FieldHelp';

/** One choice of a SelectField; `group` puts it under an optgroup of that title. */
export interface SelectOption {
  value: string;
  label: string;
  group?: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Shown (and selectable) when nothing is chosen yet, e.g. "Choose a field…". */
  placeholder?: string;
  help?: ReactNode;
  problems?: readonly Pick<Problem, 'severity' | 'message'>[];
  disabled?: boolean;
  /** Hide the visible label (the accessible name stays), for compact rows. */
  hideLabel?: boolean;
}

/**
 * A labelled native select: keyboard-operable everywhere, and a value that is no longer offered
 * (a field removed from the data) stays visible as "(not available)" rather than silently changing.
 */
export function SelectField({ label, value, onChange, options, placeholder, help, problems = [], disabled, hideLabel }: SelectFieldProps) {
  const id = useId();
  const known = options.some((o) => o.value === value);
  const groups: { title: string | undefined; options: SelectOption[] }[] = [];
  for (const o of options) {
    const last = groups[groups.length - 1];
    if (last && last.title === o.group) last.options.push(o);
    else groups.push({ title: o.group, options: [o] });
  }
  const describedBy = describedByOf(id, help, problems);
  const render = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="insp-field">
      <label className={hideLabel ? 'insp-visually-hidden' : 'insp-field__label'} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="insp-field__input ff-select"
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={problems.some((p) => p.severity === 'error') || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {(value === '' || placeholder !== undefined) && !known && value === '' && <option value="">{placeholder ?? 'Choose…'}</option>}
        {!known && value !== '' && <option value={value}>{value} (not available)</option>}
        {groups.map((g, i) =>
          g.title ? (
            <optgroup key={`${g.title}-${i}`} label={g.title}>
              {g.options.map(render)}
            </optgroup>
          ) : (
            g.options.map(render)
          ),
        )}
      </select>
      <FieldHelp id={id} help={help} problems={problems} />
    </div>
  );
}
