import { useMemo } from 'react';
import type { ActivityFormProps } from '../ui-registry';
import { deduplicationConfigSchema, type DeduplicationConfig } from './definition';
import { PriorityValues } from './PriorityValues';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { NumberField } from '../../inspector/fields/NumberField';
import { SelectField } from '../../inspector/fields/SelectField';
import { ComplementSwitch } from '../../inspector/fields/ComplementSwitch';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { ValueList } from '../../inspector/fields/ValueList';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { identityRuleText } from '../record-identity';
import '../../inspector/fields/fields.css';

/** Settings of Deduplication: what identifies duplicates, how many to keep, which ones, and the complement. */
export function DeduplicationForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = deduplicationConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  const inbound = data.inbound[0];
  const columns = useKnownColumns(activity.id, inbound?.transition.id);
  const options = useMemo(() => recordValueOptions(data.model, inbound?.dimension, columns), [data.model, inbound?.dimension, columns]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(deduplicationConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<DeduplicationConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);

  return (
    <div className="ff-form">
      <section className="ff-section" aria-label="Duplicates">
        <ValueList label="Records are duplicates when these are equal" values={config.fields} options={options} onChange={(fields) => update({ fields })} />
        <p className="ff-hint">{identityRuleText} A record whose values are all empty is never a duplicate.</p>
        <FieldMessages problems={data.problemsAt('fields')} />
      </section>

      <section className="ff-section" aria-label="Records kept">
        <NumberField
          label="Records kept per group of duplicates"
          value={config.keep}
          integer
          min={0}
          onChange={(keep) => update({ keep }, 'keep')}
          help={config.keep === 0 ? '0 keeps every duplicate: nothing is removed.' : `Keeps ${config.keep} record${config.keep === 1 ? '' : 's'} per group; the others are removed.`}
          problems={data.problemsAt('keep')}
        />
        <ChoiceField<DeduplicationConfig['method']>
          label="Which records are kept"
          value={config.method}
          onChange={(method) => update({ method })}
          choices={[
            { value: 'random', label: 'At random', hint: 'Seeded: the same records every time until the campaign’s seed changes.' },
            { value: 'expression', label: 'By a value', hint: 'The highest or lowest value of a field first (empty values last).' },
            { value: 'non-empty', label: 'Non-empty values first', hint: 'Records with a value in a field first.' },
            { value: 'priority', label: 'By a list of values', hint: 'Records whose field holds the first listed value first, then the second…' },
          ]}
        />
        {config.method === 'expression' && (
          <div className="ff-row">
            <SelectField label="Value" value={config.expression.field} placeholder="Choose a field…" options={options} onChange={(field) => update({ expression: { ...config.expression, field } })} problems={data.problemsAt('expression.field')} />
            <SelectField
              label="Keep first"
              value={config.expression.order}
              options={[
                { value: 'highest', label: 'Highest' },
                { value: 'lowest', label: 'Lowest' },
              ]}
              onChange={(order) => update({ expression: { ...config.expression, order: order as 'highest' | 'lowest' } })}
            />
          </div>
        )}
        {config.method === 'non-empty' && (
          <SelectField label="Field whose values are preferred" value={config.nonEmptyField} placeholder="Choose a field…" options={options} onChange={(nonEmptyField) => update({ nonEmptyField })} problems={data.problemsAt('nonEmptyField')} />
        )}
        {config.method === 'priority' && (
          <>
            <SelectField label="Field" value={config.priority.field} placeholder="Choose a field…" options={options} onChange={(field) => update({ priority: { field, values: field === config.priority.field ? config.priority.values : [] } })} />
            {config.priority.field !== '' && (
              <PriorityValues values={config.priority.values} onChange={(values) => update({ priority: { ...config.priority, values } })} model={data.model} dimension={inbound?.dimension} field={config.priority.field} />
            )}
            <FieldMessages problems={data.problemsAt('priority')} />
          </>
        )}
        <p className="ff-hint">Ties go to the lowest key.</p>
      </section>

      <section className="ff-section" aria-label="Complement">
        <ComplementSwitch config={config} guard={guard} hintOn="An extra transition carries the removed duplicates." hintOff="Removed duplicates are left out." />
      </section>
      {guard.dialog}
    </div>
  );
}
