import { useMemo } from 'react';
import type { ActivityFormProps } from '../ui-registry';
import { incrementalQueryConfigSchema, type IncrementalQueryConfig } from './definition';
import { findEntity } from '../../domain/data-model';
import { emptyRule } from '../../domain/rule';
import { labelOf } from '../../domain/rule-paths';
import { QueryModeler } from '../../query-modeler/QueryModeler';
import { useRuleServices } from '../../query-modeler/useRuleServices';
import { useSavedFilters } from '../../query-modeler/useSavedFilters';
import { countConditions } from '../../query-modeler/tree-edits';
import { SelectField } from '../../inspector/fields/SelectField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { useEditorStore } from '../../store/useEditorStore';
import { RunHistory } from './RunHistory';
import '../../inspector/fields/fields.css';

/**
 * Settings of Incremental query: the dimension, the rule, the date field that tells records added
 * since the last run, and the campaign's runs (record one, see the history).
 */
export function IncrementalQueryForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = incrementalQueryConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const doc = useEditorStore((s) => s.doc);
  const { filters } = useSavedFilters();
  const { model, services } = useRuleServices(filters);
  const config = parsed.success ? parsed.data : incrementalQueryConfigSchema.parse({});
  const entity = model ? findEntity(model, config.targetDimension) : undefined;
  const dateFields = useMemo(
    () =>
      entity
        ? entity.fields
            .filter((f) => f.type === 'date' || f.type === 'timestamp')
            .map((f) => ({ value: f.name, label: labelOf(f) }))
        : [],
    [entity],
  );
  if (!parsed.success)
    return <UnreadableSettings onReset={() => onConfigChange(incrementalQueryConfigSchema.parse({}))} />;
  const update = (patch: Partial<IncrementalQueryConfig>) => onConfigChange({ ...config, ...patch });
  const dimensions = model?.dimensions ?? [];

  return (
    <div className="ff-form">
      <SelectField
        label="Target dimension"
        value={config.targetDimension}
        options={dimensions.map((d) => ({ value: d.entity, label: d.label || d.entity }))}
        // Conditions and the date field are the old dimension's: a switch starts them afresh (undoable).
        onChange={(d) =>
          d !== config.targetDimension &&
          update({
            targetDimension: d,
            dateField: '',
            rule: countConditions(config.rule) > 0 ? emptyRule(config.rule.id) : config.rule,
          })
        }
        help={
          countConditions(config.rule) > 0 ? 'Changing it clears the rule and the date field.' : undefined
        }
      />
      <SelectField
        label="Date that tells new records"
        value={config.dateField}
        placeholder="Choose a date field…"
        options={dateFields}
        onChange={(dateField) => update({ dateField })}
        problems={data.problemsAt('dateField')}
        help="At each run the latest value among the records returned is remembered; the next run returns only records with a later value."
      />
      <div className="insp-field">
        <span className="insp-field__label">Rule</span>
        {model ? (
          <QueryModeler
            rule={config.rule}
            onChange={(rule) => update({ rule })}
            model={model}
            entity={config.targetDimension}
            {...(services ? { services } : {})}
            savedFilters={filters}
            label={`Rule of ${activity.label}`}
          />
        ) : (
          <p className="ff-hint">Loading the data model…</p>
        )}
      </div>
      <RunHistory doc={doc} activityId={activity.id} />
    </div>
  );
}
