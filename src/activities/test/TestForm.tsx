import { Button } from 'react-aria-components';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { testConfigSchema, testOperatorLabels, testOperators, describeCondition, type TestCondition, type TestConfig } from './definition';
import { TextField } from '../../inspector/fields/TextField';
import { SelectField } from '../../inspector/fields/SelectField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { freshId, moveItem, removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { useEditorStore } from '../../store/useEditorStore';
import { test } from './definition';
import '../../inspector/fields/fields.css';
import './test-form.css';

const operatorOptions = testOperators.map((o) => ({ value: o, label: testOperatorLabels[o] }));

/**
 * Settings of Test: ordered conditions, each an output; the first that holds takes every record,
 * the default takes them when none does. Reordering changes which one wins.
 */
export function TestForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = testConfigSchema.safeParse(activity.config);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  const data = useActivityFormData(activity);
  const variables = useEditorStore((s) => s.doc.settings.variables);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(test.defaults())} />;
  const config = parsed.data;
  const update = (patch: Partial<TestConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const set = (i: number, patch: Partial<TestCondition>, group?: string) => update({ conditions: replaceItem(config.conditions, i, { ...config.conditions[i]!, ...patch }) }, group);
  const variableOptions = (variables ?? []).filter((v) => v.name !== '').map((v) => ({ value: v.name, label: `${v.name} (${v.value})` }));
  const add = () =>
    update({ conditions: [...config.conditions, { id: freshId('branch', config.conditions.map((c) => c.id)), label: '', on: 'count', variable: '', operator: 'gte', value: '100' }] });
  return (
    <div className="ff-form">
      <p className="ff-hint">Conditions are tried in order; the first that holds sends every record down its branch, the others get none.</p>
      <ol className="ff-list ts-list" aria-label="Conditions">
        {config.conditions.map((c, i) => {
          const name = c.label || `Condition ${i + 1}`;
          return (
            <li key={c.id} className="ts-condition" aria-label={name}>
              <div className="ff-row ts-head">
                <TextField label={`Condition ${i + 1} label`} value={c.label} placeholder={describeCondition(c)} onChange={(label) => set(i, { label }, `test-label-${c.id}`)} />
                <span className="ff-row fk-actions">
                  <button type="button" className="ff-icon-button" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => update({ conditions: moveItem(config.conditions, i, i - 1) })}>
                    <ArrowUp size={15} aria-hidden />
                  </button>
                  <button type="button" className="ff-icon-button" aria-label={`Move ${name} down`} disabled={i === config.conditions.length - 1} onClick={() => update({ conditions: moveItem(config.conditions, i, i + 1) })}>
                    <ArrowDown size={15} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="ff-icon-button ff-icon-button--danger"
                    aria-label={`Remove ${name}`}
                    disabled={config.conditions.length <= 1}
                    title={config.conditions.length <= 1 ? 'A test has at least one condition.' : undefined}
                    onClick={() => guard.apply({ ...config, conditions: removeItem(config.conditions, i) }, `Remove the condition “${name}”`)}
                  >
                    <Trash2 size={15} aria-hidden />
                  </button>
                </span>
              </div>
              <div className="ff-row ts-rule">
                <SelectField
                  label={`Condition ${i + 1} compares`}
                  value={c.on}
                  options={[
                    { value: 'count', label: 'Record count' },
                    { value: 'variable', label: 'A campaign variable' },
                  ]}
                  onChange={(on) => set(i, { on: on as TestCondition['on'] })}
                />
                {c.on === 'variable' && (
                  <SelectField
                    label={`Condition ${i + 1} variable`}
                    value={c.variable}
                    placeholder={variableOptions.length ? 'Choose…' : 'No variables: add them in the campaign settings'}
                    options={variableOptions}
                    problems={data.problemsAt(`conditions[${i}].variable`)}
                    onChange={(variable) => set(i, { variable })}
                  />
                )}
                <SelectField label={`Condition ${i + 1} operator`} value={c.operator} options={operatorOptions} onChange={(operator) => set(i, { operator: operator as TestCondition['operator'] })} />
                <TextField label={`Condition ${i + 1} value`} value={c.value} problems={data.problemsAt(`conditions[${i}].value`)} onChange={(value) => set(i, { value }, `test-value-${c.id}`)} />
              </div>
            </li>
          );
        })}
      </ol>
      <Button className="cc-button ff-add" onPress={add}>
        <Plus size={14} aria-hidden /> Add a condition
      </Button>
      <TextField label="Default branch label" value={config.defaultLabel} help="Takes the records when no condition holds." onChange={(defaultLabel) => update({ defaultLabel }, 'test-default-label')} />
      {guard.dialog}
    </div>
  );
}
