import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { Plus } from 'lucide-react';
import type { DataModel } from '../../domain/data-model';
import { walkPath } from '../../domain/rule-paths';
import { useDistribution } from '../../queries/useDataExplorer';
import { ValueList } from '../../inspector/fields/ValueList';

/**
 * The priority list of Deduplication: values in order, typed or picked from the field's most
 * frequent values in the data (compared as text, so a number or a date is written as it reads).
 */
export function PriorityValues({ values, onChange, model, dimension, field }: { values: readonly string[]; onChange: (values: string[]) => void; model: DataModel | undefined; dimension: string | undefined; field: string }) {
  const walked = model && dimension && field ? walkPath(model, dimension, field.split('.'), 'field') : undefined;
  const target = walked?.ok ? { entity: walked.entity.name, field: walked.field?.name } : undefined;
  const distribution = useDistribution(target?.entity, target?.field);
  const enumLabels = walked?.ok && walked.field?.type === 'enum' ? new Map(walked.field.values.map((v) => [v.value, v.label])) : undefined;
  const suggestions = (distribution.data ?? []).filter((d) => d.value !== null).map((d) => ({ value: String(d.value), label: `${enumLabels?.get(String(d.value)) ?? String(d.value)} (${d.count.toLocaleString('en-US')})` }));
  const id = useId();
  const [typed, setTyped] = useState('');
  const addTyped = () => {
    const v = typed.trim();
    if (v !== '' && !values.includes(v)) onChange([...values, v]);
    setTyped('');
  };
  return (
    <div className="ff-form">
      <ValueList label="Values, most preferred first" values={values} options={suggestions} onChange={onChange} addLabel="Add a frequent value" />
      <div className="ff-row">
        <div className="insp-field">
          <label className="insp-field__label" htmlFor={id}>
            Or type a value
          </label>
          <input id={id} className="insp-field__input ff-input" value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addTyped()} />
        </div>
        <Button className="cc-button ff-add" onPress={addTyped} isDisabled={typed.trim() === ''}>
          <Plus size={14} aria-hidden /> Add
        </Button>
      </div>
      <p className="ff-hint">Records with a value not listed come after the listed ones.</p>
    </div>
  );
}
