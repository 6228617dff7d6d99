import { useMemo } from 'react';
import type { ActivityFormProps } from '../ui-registry';
import { combineConfigSchema, type CombineConfig } from './definition';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { SelectField } from '../../inspector/fields/SelectField';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { ValueList } from '../../inspector/fields/ValueList';
import { linkPaths } from '../../inspector/fields/link-paths';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData, useWorkingTableColumns } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { isFileDimension } from '../working-table';
import '../../inspector/fields/fields.css';

const complementHints: Record<CombineConfig['mode'], string> = {
  union: 'A union leaves nothing out: the complement is always empty.',
  intersection: 'Records in some set but not in all of them.',
  exclusion: 'The primary records that were removed.',
};

/** Settings of Combine: union, intersection or exclusion of the inbound sets, on keys or on columns. */
export function CombineForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = combineConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  const config = parsed.success ? parsed.data : combineConfigSchema.parse({});
  const primary = data.inbound.find((s) => s.transition.id === config.primaryTransitionId) ?? data.inbound[0];
  const columns = useWorkingTableColumns(primary?.transition.id);
  const columnOptions = useMemo(() => recordValueOptions(data.model, primary?.dimension, columns), [data.model, primary?.dimension, columns]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(combineConfigSchema.parse({}))} />;
  const update = (patch: Partial<CombineConfig>) => onConfigChange({ ...config, ...patch });
  const dimensionName = (d: string | undefined) => {
    if (!d) return 'unknown records';
    if (isFileDimension(d)) return 'file lines';
    const e = data.model && findEntity(data.model, d);
    return e ? labelOf(e).toLowerCase() : d;
  };
  const others = data.inbound.filter((s) => s !== primary);
  const foreign = config.mode === 'exclusion' ? others.filter((s) => s.dimension && primary?.dimension && s.dimension !== primary.dimension) : [];
  const setRule = (transitionId: string, path: string[] | undefined) =>
    update({ exclusionRules: [...config.exclusionRules.filter((r) => r.transitionId !== transitionId), ...(path ? [{ transitionId, path }] : [])] });

  return (
    <div className="ff-form">
      <section className="ff-section">
        <ChoiceField<CombineConfig['mode']>
          label="Operation"
          value={config.mode}
          onChange={(mode) => update({ mode })}
          choices={[
            { value: 'union', label: 'Union', hint: 'Records in at least one set.' },
            { value: 'intersection', label: 'Intersection', hint: 'Records in every set.' },
            { value: 'exclusion', label: 'Exclusion', hint: 'Records of the primary set that are in none of the others.' },
          ]}
        />
      </section>

      <section className="ff-section" aria-label="Inbound sets">
        <h4 className="ff-section__title">Inbound sets</h4>
        {data.inbound.length === 0 ? (
          <p className="ff-hint">Connect two or more sets to this activity’s input.</p>
        ) : (
          <ul className="ff-list cb-sets">
            {data.inbound.map((s) => (
              <li key={s.transition.id} className="ff-value">
                <span className="ff-value__name">
                  {s.name} <span className="ff-hint">({dimensionName(s.dimension)})</span>
                </span>
                {s === primary && <span className="cb-primary">Primary</span>}
              </li>
            ))}
          </ul>
        )}
        <SelectField
          label="Primary set"
          value={primary?.transition.id ?? ''}
          placeholder="Connect sets first"
          options={data.inbound.map((s) => ({ value: s.transition.id, label: s.name }))}
          onChange={(primaryTransitionId) => update({ primaryTransitionId })}
          help={config.mode === 'exclusion' ? 'The set the others are removed from. The result keeps its columns.' : 'The result keeps the columns of this set.'}
          problems={data.problemsAt('primaryTransitionId')}
          disabled={data.inbound.length === 0}
        />
        <FieldMessages problems={data.problems.filter((p) => p.code === 'missing-input')} />
      </section>

      <section className="ff-section" aria-label="Reconciliation">
        <ChoiceField<CombineConfig['reconcile']>
          label="Records are the same when"
          value={config.reconcile}
          onChange={(reconcile) => update({ reconcile })}
          choices={[
            { value: 'keys', label: 'Their keys are equal', hint: 'The same record of the same dimension.' },
            { value: 'columns', label: 'Chosen values are equal', hint: 'E.g. the same email in a file and in profiles. An empty value never matches.' },
          ]}
        />
        {config.reconcile === 'columns' && (
          <>
            <ValueList label="Values to compare" values={config.columns} options={columnOptions} onChange={(cols) => update({ columns: cols })} addLabel="Add a value" />
            <FieldMessages problems={data.problemsAt('columns')} />
          </>
        )}
      </section>

      {foreign.length > 0 && (
        <section className="ff-section" aria-label="Exclusion rules">
          <h4 className="ff-section__title">Exclusion rules</h4>
          <p className="ff-hint">These sets hold other records than the primary set: choose how a {dimensionName(primary?.dimension).replace(/s$/, '')} is linked to them.</p>
          {foreign.map((s) => {
            const rule = config.exclusionRules.find((r) => r.transitionId === s.transition.id);
            const paths = data.model && primary?.dimension ? linkPaths(data.model, primary.dimension, { to: s.dimension!, depth: 3 }) : [];
            return (
              <SelectField
                key={s.transition.id}
                label={`Remove ${dimensionName(primary?.dimension)} linked to ${s.name}`}
                value={rule?.path.join('.') ?? ''}
                placeholder="Choose the link…"
                options={[{ value: '', label: 'No rule (the set is refused)' }, ...paths.map((p) => ({ value: p.path.join('.'), label: `Through ${p.label}` }))]}
                onChange={(v) => setRule(s.transition.id, v === '' ? undefined : v.split('.'))}
              />
            );
          })}
        </section>
      )}

      <section className="ff-section" aria-label="Complement">
        <SwitchField
          label="Complement"
          isSelected={config.complement}
          onChange={(complement) => guard.apply({ ...config, complement }, 'Turn off the complement')}
          hintOn={complementHints[config.mode]}
          hintOff="No transition for the records left out."
        />
      </section>
      {guard.dialog}
    </div>
  );
}
