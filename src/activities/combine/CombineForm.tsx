import { useMemo } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { combineConfigSchema, type CombineConfig } from './definition';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { SelectField } from '../../inspector/fields/SelectField';
import { ComplementSwitch } from '../../inspector/fields/ComplementSwitch';
import { PrimaryNote } from '../../inspector/fields/PrimaryNote';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { ValueList } from '../../inspector/fields/ValueList';
import { linkPaths } from '../../inspector/fields/link-paths';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { isFileDimension } from '../working-table';
import { identityRuleText } from '../record-identity';
import '../../inspector/fields/fields.css';
import './combine-form.css';

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
  // Absent `sets`: every inbound set takes part.
  const taking = data.inbound.filter((s) => !config.sets || config.sets.includes(s.transition.id));
  const primary = taking.find((s) => s.transition.id === config.primaryTransitionId) ?? taking[0];
  const columns = useKnownColumns(activity.id, primary?.transition.id);
  const columnOptions = useMemo(() => recordValueOptions(data.model, primary?.dimension, columns), [data.model, primary?.dimension, columns]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(combineConfigSchema.parse({}))} />;
  const update = (patch: Partial<CombineConfig>) => onConfigChange({ ...config, ...patch });
  const dimensionName = (d: string | undefined) => {
    if (!d) return 'unknown records';
    if (isFileDimension(d)) return 'file lines';
    const e = data.model && findEntity(data.model, d);
    return e ? labelOf(e).toLowerCase() : d;
  };
  const others = taking.filter((s) => s !== primary);
  const disconnected = (config.sets ?? []).filter((id) => !data.inbound.some((s) => s.transition.id === id));
  const setTaking = (transitionId: string, on: boolean) => {
    const ids = config.sets ?? data.inbound.map((s) => s.transition.id);
    const sets = on ? data.inbound.map((s) => s.transition.id).filter((id) => id === transitionId || ids.includes(id)) : ids.filter((id) => id !== transitionId);
    // The primary set follows the sets taking part: leaving it out makes the first remaining set primary.
    const keepsPrimary = sets.includes(config.primaryTransitionId);
    update({ sets, ...(keepsPrimary ? {} : { primaryTransitionId: sets[0] ?? '' }) });
  };
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
            {data.inbound.map((s) => {
              const on = taking.includes(s);
              return (
                <li key={s.transition.id} className={`ff-value${on ? '' : ' cb-set--out'}`}>
                  <Checkbox className="cb-check" isSelected={on} onChange={(v) => setTaking(s.transition.id, v)} aria-label={`${s.name} takes part`}>
                    <span className="cb-check__box" aria-hidden>
                      <Check size={12} />
                    </span>
                    <span className="ff-value__name">
                      {s.name} <span className="ff-hint">({dimensionName(s.dimension)})</span>
                    </span>
                  </Checkbox>
                  {s === primary && <span className="cb-primary">Primary</span>}
                </li>
              );
            })}
          </ul>
        )}
        <p className="ff-hint">Ticked sets take part; the others are connected but ignored.</p>
        <FieldMessages problems={data.problemsAt('sets')} />
        {disconnected.length > 0 && (
          <Button className="cc-button ff-add" onPress={() => update({ sets: (config.sets ?? []).filter((id) => !disconnected.includes(id)) })}>
            Forget the sets no longer connected
          </Button>
        )}
        <SelectField
          label="Primary set"
          value={primary?.transition.id ?? ''}
          placeholder="Connect sets first"
          options={taking.map((s) => ({ value: s.transition.id, label: s.name }))}
          onChange={(primaryTransitionId) => update({ primaryTransitionId })}
          help={config.mode === 'exclusion' ? 'The set the others are removed from. The result keeps its columns.' : 'The result keeps the columns of this set.'}
          problems={data.problemsAt('primaryTransitionId')}
          disabled={data.inbound.length === 0}
        />
        <PrimaryNote what="set" name={primary?.name} chosen={taking.some((s) => s.transition.id === config.primaryTransitionId)} />
        <FieldMessages problems={data.problems.filter((p) => p.code === 'missing-input')} />
      </section>

      <section className="ff-section" aria-label="Reconciliation">
        <ChoiceField<CombineConfig['reconcile']>
          label="Records are the same when"
          value={config.reconcile}
          onChange={(reconcile) => update({ reconcile })}
          choices={[
            { value: 'keys', label: 'Their keys are equal', hint: 'The same record of the same dimension.' },
            { value: 'columns', label: 'Chosen values are equal', hint: `E.g. the same email in a file and in profiles. ${identityRuleText} An empty value never matches.` },
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
        <ComplementSwitch config={config} guard={guard} hintOn={complementHints[config.mode]} hintOff="No transition for the records left out." />
      </section>
      {guard.dialog}
    </div>
  );
}
