import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { SelectField, type SelectOption } from '../../inspector/fields/SelectField';
import { moveItem, removeItem } from '../../inspector/fields/list-edits';

/**
 * An ordered list of values by name (columns, fields, to-one paths) with add, remove and reorder:
 * Combine's reconcile columns, Deduplication's identifying fields.
 */
export function ValueList({ label, values, options, onChange, addLabel = 'Add a field' }: { label: string; values: readonly string[]; options: readonly SelectOption[]; onChange: (values: string[]) => void; addLabel?: string }) {
  const labelFor = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  return (
    <div className="insp-field">
      <span className="insp-field__label">{label}</span>
      {values.length > 0 && (
        <ol className="ff-list ff-value-list" aria-label={label}>
          {values.map((v, i) => (
            <li key={`${v}-${i}`} className="ff-value">
              <span className="ff-value__rank" aria-hidden>
                {i + 1}
              </span>
              <span className="ff-value__name" title={v}>
                {labelFor(v)}
              </span>
              <button type="button" className="ff-icon-button" aria-label={`Move ${labelFor(v)} up`} disabled={i === 0} onClick={() => onChange(moveItem(values, i, i - 1))}>
                <ArrowUp size={14} aria-hidden />
              </button>
              <button type="button" className="ff-icon-button" aria-label={`Move ${labelFor(v)} down`} disabled={i === values.length - 1} onClick={() => onChange(moveItem(values, i, i + 1))}>
                <ArrowDown size={14} aria-hidden />
              </button>
              <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove ${labelFor(v)}`} onClick={() => onChange(removeItem(values, i))}>
                <X size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ol>
      )}
      <SelectField label={addLabel} hideLabel value="" placeholder={`${addLabel}…`} options={options.filter((o) => !values.includes(o.value))} onChange={(v) => v !== '' && onChange([...values, v])} />
    </div>
  );
}
