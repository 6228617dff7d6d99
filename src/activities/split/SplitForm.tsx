import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { Dices, Plus } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { splitConfigSchema, type SplitConfig, type SplitSubset } from './definition';
import { randomSplitConfig } from './split-presets';
import { RandomSplitDialog } from './RandomSplitDialog';
import { SubsetCard } from './SubsetCard';
import { useRuleServices } from '../../query-modeler/useRuleServices';
import { useSavedFilters } from '../../query-modeler/useSavedFilters';
import { useInboundSchema } from '../../query-modeler/useInboundSchema';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { useEditorStore } from '../../store/useEditorStore';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { ComplementSwitch } from '../../inspector/fields/ComplementSwitch';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { TextField } from '../../inspector/fields/TextField';
import { freshId, freshLabel, moveItem, removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { inboundDimension } from '../../inspector/fields/dimension-of';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { isFileDimension } from '../working-table';
import { useCounts } from '../../canvas/counts/counts-store';
import { eligibleCounts } from './percent-limit';
import '../../inspector/fields/fields.css';
import './split-form.css';

/**
 * Settings of Split: ordered subsets (each a filter, a limit and how the limit picks), overlap,
 * complement and one-table output, plus a random-split preset for A/B tests and holdouts.
 */
export function SplitForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = splitConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const doc = useEditorStore((s) => s.doc);
  const { filters } = useSavedFilters();
  const { services } = useRuleServices(filters);
  const dimension = useMemo(() => inboundDimension(doc, activity.id), [doc, activity.id]);
  const inbound = useInboundSchema(activity.id);
  const columns = useKnownColumns(activity.id, data.inbound[0]?.transition.id);
  const sortOptions = useMemo(() => recordValueOptions(data.model, dimension, columns), [data.model, dimension, columns]);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  const [presetOpen, setPresetOpen] = useState(false);
  // The Split's input count and its outputs', to show what a percentage limit gives.
  const inputId = data.inbound[0]?.transition.id;
  const input = useCounts((s) => (inputId ? s.transitions[inputId]?.count : undefined));
  const outputs = useCounts((s) => s.activities[activity.id]?.outputs);

  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(splitConfigSchema.parse({ subsets: [{ id: 'subset-1', label: 'Subset 1' }] }))} />;
  const config = parsed.data;
  const update = (patch: Partial<SplitConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const setSubset = (i: number, s: SplitSubset, group?: string) => update({ subsets: replaceItem(config.subsets, i, s) }, group);
  const addSubset = () => {
    const id = freshId('subset', config.subsets.map((s) => s.id));
    const label = freshLabel(`Subset ${config.subsets.length + 1}`, config.subsets.map((s) => s.label));
    update({ subsets: [...config.subsets, { id, label, filter: null, limit: null, order: { mode: 'random' }, skipEmpty: false }] });
  };
  const entity = dimension && !isFileDimension(dimension) ? dimension : undefined;
  const eligible = eligibleCounts(config, input, Object.fromEntries((outputs ?? []).map((o) => [o.port, o.count])));

  return (
    <div className="ff-form sp-form">
      <section className="ff-section" aria-labelledby={`sp-subsets-${activity.id}`}>
        <div className="sp-head">
          <h4 className="ff-section__title" id={`sp-subsets-${activity.id}`}>
            Subsets, in order
          </h4>
          <Button className="cc-button ff-add" onPress={() => setPresetOpen(true)}>
            <Dices size={14} aria-hidden /> Random split…
          </Button>
        </div>
        <p className="ff-hint">
          {config.overlap ? 'A record goes to every subset it matches.' : 'A record goes to the first subset it matches; later subsets pick among the records left.'}
        </p>
        {dimension && isFileDimension(dimension) && <FieldMessages problems={[{ severity: 'warning', message: 'The records come from a file: map them onto a dimension with a Reconciliation to filter or sort them by field.' }]} />}
        <ol className="ff-list">
          {config.subsets.map((s, i) => (
            <SubsetCard
              key={s.id}
              subset={s}
              index={i}
              count={config.subsets.length}
              overlap={config.overlap}
              eligible={eligible[i]}
              onChange={(next, group) => setSubset(i, next, group)}
              onMove={(to) => update({ subsets: moveItem(config.subsets, i, to) })}
              onRemove={() => guard.apply({ ...config, subsets: removeItem(config.subsets, i) }, `Remove the subset “${s.label || `Subset ${i + 1}`}”`)}
              model={data.model}
              entity={entity}
              services={services}
              savedFilters={filters}
              sortOptions={sortOptions}
              columns={inbound?.columns}
              problems={data.problemsAt(`subsets[${i}]`)}
            />
          ))}
        </ol>
        <Button className="cc-button ff-add" onPress={addSubset}>
          <Plus size={14} aria-hidden /> Add a subset
        </Button>
      </section>

      <section className="ff-section" aria-label="Split options">
        <h4 className="ff-section__title">Options</h4>
        <SwitchField
          label="Overlap"
          isSelected={config.overlap}
          onChange={(overlap) => update({ overlap })}
          hintOn="A record can be in several subsets."
          hintOff="A record is in one subset at most: the first it matches."
        />
        <ComplementSwitch config={config} guard={guard} hintOn="An extra transition carries the records in no subset." hintOff="Records in no subset are left out." />
        {config.complement && <TextField label="Complement label" value={config.complementLabel} onChange={(complementLabel) => update({ complementLabel }, 'complement-label')} />}
        <SwitchField
          label="All subsets in one table"
          isSelected={config.singleTable}
          onChange={(singleTable) => guard.apply({ ...config, singleTable }, singleTable ? 'Put all subsets in one table' : 'Give each subset its own transition')}
          hintOn="One transition carries every subset, with a segment column holding its label."
          hintOff="Each subset has its own transition."
        />
      </section>

      <RandomSplitDialog
        isOpen={presetOpen}
        onOpenChange={setPresetOpen}
        onApply={(groups) => guard.apply({ ...randomSplitConfig(groups, { complementLabel: config.complementLabel }), singleTable: config.singleTable }, 'Replace the subsets')}
      />
      {guard.dialog}
    </div>
  );
}
