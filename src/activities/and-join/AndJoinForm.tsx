import type { ActivityFormProps } from '../ui-registry';
import { andJoinConfigSchema } from './definition';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { PrimaryNote } from '../../inspector/fields/PrimaryNote';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import '../../inspector/fields/fields.css';

/** Settings of And-join: which inbound branch's records continue once every branch has arrived. */
export function AndJoinForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = andJoinConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(andJoinConfigSchema.parse({}))} />;
  const config = parsed.data;
  return (
    <div className="ff-form">
      <p className="ff-hint">
        Waits until every inbound branch has arrived, then continues with the records of the primary one. An activity with several inputs runs only when every input
        has records to carry: when a branch is not emitted, nothing continues.
      </p>
      {data.inbound.length > 0 ? (
        <>
          <ChoiceField
            label="Primary branch"
            value={config.primaryTransitionId}
            onChange={(primaryTransitionId) => onConfigChange({ ...config, primaryTransitionId })}
            choices={data.inbound.map((s) => ({ value: s.transition.id, label: s.name }))}
          />
          <PrimaryNote what="branch" name={data.inbound[0]?.name} chosen={data.inbound.some((s) => s.transition.id === config.primaryTransitionId)} />
        </>
      ) : (
        <p className="ff-hint">Connect two or more branches to its input.</p>
      )}
      <FieldMessages problems={data.problems.filter((p) => p.path === 'primaryTransitionId' || p.code === 'missing-input')} />
    </div>
  );
}
