import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { Plus, X } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { reconciliationConfigSchema, type ReconciliationConfig } from './definition';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { JoinRuleEditor } from '../../query-modeler/JoinRuleEditor';
import type { JoinComparison, JoinOperand } from '../../domain/rule-join';
import { SelectField } from '../../inspector/fields/SelectField';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { identityRuleText } from '../record-identity';
import '../../inspector/fields/fields.css';

/**
 * Settings of Reconciliation: the dimension to map incoming records onto (typically a loaded file's
 * lines onto profiles), the pairs of values that must match, and what becomes of unmatched records.
 */
export function ReconciliationForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = reconciliationConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  const inbound = data.inbound[0];
  const columns = useKnownColumns(activity.id, inbound?.transition.id);
  const incoming = useMemo(() => recordValueOptions(data.model, inbound?.dimension, columns, { depth: 1 }), [data.model, inbound?.dimension, columns]);
  const [pendingDimension, setPendingDimension] = useState<string>();
  const config = parsed.success ? parsed.data : reconciliationConfigSchema.parse({});
  const target = data.model ? findEntity(data.model, config.targetDimension) : undefined;
  const fields = useMemo(() => (target ? target.fields.map((f) => ({ value: f.name, label: labelOf(f) })) : []), [target]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(reconciliationConfigSchema.parse({}))} />;
  const update = (patch: Partial<ReconciliationConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const dimensions = data.model?.dimensions ?? [];

  return (
    <div className="ff-form">
      <SelectField
        label="Map onto"
        value={config.targetDimension}
        options={dimensions.map((d) => ({ value: d.entity, label: d.label || d.entity }))}
        onChange={(d) => (config.pairs.some((p) => p.field !== '') || config.rule.comparisons.length > 0 ? setPendingDimension(d) : update({ targetDimension: d }))}
        help="The targeting dimension the incoming records become."
      />
      <ChoiceField<ReconciliationConfig['mode']>
        label="Identify records by"
        value={config.mode}
        onChange={(mode) => update({ mode })}
        choices={[
          { value: 'pairs', label: 'Pairs of values', hint: 'Every pair must be equal.' },
          { value: 'rule', label: 'An advanced rule', hint: 'Comparisons combined with all of / any of, e.g. the email without case, or the phone.' },
        ]}
      />
      {config.mode === 'rule' ? (
        <section className="ff-section" aria-label="Matching rule">
          <JoinRuleEditor
            rule={config.rule}
            onChange={(rule, group) => update({ rule }, group)}
            sides={{ records: 'Incoming', other: target ? labelOf(target) : 'Dimension' }}
            recordsOptions={incoming}
            otherOptions={fields}
            problems={data.problemsAt('rule')}
          />
          <p className="ff-hint">An empty value never matches.</p>
        </section>
      ) : (
      <section className="ff-section" aria-label="Matching values">
        <h4 className="ff-section__title">Records match when</h4>
        <p className="ff-hint">Every pair must be equal. {identityRuleText} An empty value never matches.</p>
        <ul className="ff-list">
          {config.pairs.map((p, i) => (
            <li key={i} className="ff-row en-pair">
              <SelectField label={`Incoming value ${i + 1}`} value={p.column} placeholder="Choose…" options={incoming} onChange={(column) => update({ pairs: replaceItem(config.pairs, i, { ...p, column }) })} />
              <span className="en-pair__eq" aria-hidden>
                =
              </span>
              <SelectField label={`Field ${i + 1} of ${target ? labelOf(target).toLowerCase() : 'the dimension'}`} value={p.field} placeholder="Choose…" options={fields} onChange={(field) => update({ pairs: replaceItem(config.pairs, i, { ...p, field }) })} />
              <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove pair ${i + 1}`} onClick={() => update({ pairs: removeItem(config.pairs, i) })}>
                <X size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <Button className="cc-button ff-add" onPress={() => update({ pairs: [...config.pairs, { column: '', field: '' }] })}>
          <Plus size={14} aria-hidden /> Add a pair
        </Button>
        <FieldMessages problems={data.problemsAt('pairs')} />
      </section>
      )}
      <SwitchField
        label="Keep unmatched records"
        isSelected={config.keepUnmatched}
        onChange={(keepUnmatched) => guard.apply({ ...config, keepUnmatched }, 'Drop unmatched records')}
        hintOn="Incoming records that match nothing go out on an “Unmatched” transition."
        hintOff="Incoming records that match nothing are dropped."
      />
      <p className="ff-hint">Each matched record appears once, with the incoming columns of its first matching line.</p>
      <ConfirmDialog
        title="Change the dimension?"
        isOpen={pendingDimension !== undefined}
        onOpenChange={(open) => !open && setPendingDimension(undefined)}
        confirmLabel="Change and clear the fields"
        onConfirm={() => {
          if (pendingDimension) update({ targetDimension: pendingDimension, pairs: config.pairs.map((p) => ({ ...p, field: '' })), rule: { ...config.rule, comparisons: config.rule.comparisons.map(forgetOther) } });
          setPendingDimension(undefined);
        }}
      >
        <p>The chosen fields belong to {target ? labelOf(target).toLowerCase() : config.targetDimension}; they are cleared. You can undo this.</p>
      </ConfirmDialog>
      {guard.dialog}
    </div>
  );
}

/** A comparison with the names of the former dimension's fields cleared. */
function forgetOther(c: JoinComparison): JoinComparison {
  const clear = (o: JoinOperand): JoinOperand => (o.side === 'other' ? { ...o, name: '' } : o);
  return { ...c, left: clear(c.left), right: clear(c.right) };
}
