import { useMemo, useState } from 'react';
import { Label, Radio, RadioGroup, Switch } from 'react-aria-components';
import { Loader2 } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { buildAudienceConfigSchema, type BuildAudienceConfig } from './definition';
import { earlierChannelActivities } from '../earlier-channels';
import { emptyRule, type ConditionGroup } from '../../domain/rule';
import { labelOf } from '../../domain/rule-paths';
import { findEntity } from '../../domain/data-model';
import { countConditions } from '../../query-modeler/tree-edits';
import { QueryModeler } from '../../query-modeler/QueryModeler';
import { useRuleServices } from '../../query-modeler/useRuleServices';
import { useSavedFilters } from '../../query-modeler/useSavedFilters';
import { useEditorStore } from '../../store/useEditorStore';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SavedAudiencePicker } from './SavedAudiencePicker';
import './build-audience-form.css';

/**
 * Settings of Build audience: the targeting dimension, where the records come from (a rule or a
 * saved audience), the rule itself, and whether an empty audience still emits its transition.
 */
export function BuildAudienceForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = buildAudienceConfigSchema.safeParse(activity.config);
  const doc = useEditorStore((s) => s.doc);
  const { filters } = useSavedFilters();
  const { model, services, error } = useRuleServices(filters);
  const channelsKey = JSON.stringify(earlierChannelActivities(doc, activity.id));
  const earlierChannels = useMemo(
    () => JSON.parse(channelsKey) as { id: string; label: string }[],
    [channelsKey],
  );
  const savedAudienceNames = useMemo(
    () => [
      ...new Set(
        doc.activities
          .filter((a) => a.type === 'save-audience')
          .map((a) => String((a.config as { audienceName?: unknown }).audienceName ?? '').trim())
          .filter((n) => n !== ''),
      ),
    ],
    [doc.activities],
  );
  const [pendingDimension, setPendingDimension] = useState<string>();

  if (!parsed.success)
    return (
      <div className="ba-form">
        <p className="insp-muted">These settings cannot be read.</p>
        <button
          type="button"
          className="insp-button"
          onClick={() => onConfigChange(buildAudienceConfigSchema.parse({}))}
        >
          Reset the settings
        </button>
      </div>
    );
  const config = parsed.data;
  const update = (patch: Partial<BuildAudienceConfig>) => onConfigChange({ ...config, ...patch });
  const setDimension = (entity: string) => {
    if (entity === config.targetDimension) return;
    if (countConditions(config.rule) > 0) setPendingDimension(entity);
    else update({ targetDimension: entity });
  };
  const dimensions = model?.dimensions ?? [];
  const dimensionKnown = dimensions.some((d) => d.entity === config.targetDimension);
  const entityLabel = (name: string) => {
    const e = model && findEntity(model, name);
    return e ? labelOf(e) : name;
  };

  return (
    <div className="ba-form">
      <div className="insp-field">
        <label className="insp-field__label" htmlFor={`ba-dim-${activity.id}`}>
          Target dimension
        </label>
        <select
          id={`ba-dim-${activity.id}`}
          className="insp-field__input ba-select"
          value={config.targetDimension}
          onChange={(e) => setDimension(e.target.value)}
          disabled={!model}
        >
          {!dimensionKnown && (
            <option value={config.targetDimension}>{entityLabel(config.targetDimension)}</option>
          )}
          {dimensions.map((d) => (
            <option key={d.entity} value={d.entity}>
              {d.label || entityLabel(d.entity)}
            </option>
          ))}
        </select>
      </div>

      <RadioGroup
        className="ba-radios"
        value={config.source}
        onChange={(v) => update({ source: v as BuildAudienceConfig['source'] })}
      >
        <Label className="insp-field__label">Records</Label>
        <Radio value="rule" className="ba-radio">
          <span className="ba-radio__dot" aria-hidden />
          Matching a rule
        </Radio>
        <Radio value="audience" className="ba-radio">
          <span className="ba-radio__dot" aria-hidden />
          From a saved audience
        </Radio>
      </RadioGroup>

      {config.source === 'audience' && (
        <SavedAudiencePicker
          value={config.audienceName}
          namesInCampaign={savedAudienceNames}
          dimensionLabel={entityLabel}
          // The audience's dimension becomes the target, unless that would strand conditions of the rule.
          onChange={({ name, dimension }) =>
            update({
              audienceName: name,
              ...(dimension && countConditions(config.rule) === 0 ? { targetDimension: dimension } : {}),
            })
          }
        />
      )}

      {config.source === 'rule' && (
        <div className="ba-rule">
          <span className="insp-field__label" id={`ba-rule-${activity.id}`}>
            Rule
          </span>
          {model ? (
            <QueryModeler
              rule={config.rule}
              onChange={(rule: ConditionGroup) => update({ rule })}
              model={model}
              entity={config.targetDimension}
              {...(services ? { services } : {})}
              earlierChannels={earlierChannels}
              savedFilters={filters}
              label={`Rule of ${activity.label}`}
            />
          ) : error ? (
            <p className="insp-muted">The data could not be loaded: {error.message}</p>
          ) : (
            <p className="insp-muted ba-loading">
              <Loader2 size={14} className="cc-spinner" aria-hidden /> Loading the data model…
            </p>
          )}
        </div>
      )}

      <Switch
        className="insp-switch"
        isSelected={config.emitWhenEmpty}
        onChange={(emitWhenEmpty) => update({ emitWhenEmpty })}
      >
        <span className="insp-switch__track" aria-hidden>
          <span className="insp-switch__thumb" />
        </span>
        <span>
          Continue when empty
          <span className="insp-switch__hint">
            {config.emitWhenEmpty
              ? 'The transition is emitted even with no records.'
              : 'With no records, what follows does not run.'}
          </span>
        </span>
      </Switch>

      <ConfirmDialog
        title="Change the target dimension?"
        isOpen={pendingDimension !== undefined}
        onOpenChange={(open) => !open && setPendingDimension(undefined)}
        confirmLabel="Change and clear the rule"
        destructive
        onConfirm={() => {
          if (pendingDimension)
            update({ targetDimension: pendingDimension, rule: emptyRule(config.rule.id) });
          setPendingDimension(undefined);
        }}
      >
        <p>
          The rule’s conditions are on {entityLabel(config.targetDimension).toLowerCase()}; they do not apply
          to {pendingDimension ? entityLabel(pendingDimension).toLowerCase() : ''} and will be cleared. You
          can undo this.
        </p>
      </ConfirmDialog>
    </div>
  );
}
