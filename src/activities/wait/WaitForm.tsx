import type { ActivityFormProps } from '../ui-registry';
import { waitConfigSchema, type WaitConfig } from './definition';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { NumberField } from '../../inspector/fields/NumberField';
import { SelectField } from '../../inspector/fields/SelectField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import '../../inspector/fields/fields.css';

/** `2026-05-01T09:30` for a datetime-local input, from the stored ISO text (seconds dropped). */
function toLocalInput(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? iso.slice(0, 16) : '';
}

/** Settings of Wait: a duration, or a date and time to wait until. Counts are not affected. */
export function WaitForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = waitConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(waitConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<WaitConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <ChoiceField<WaitConfig['mode']>
        label="Wait"
        segmented
        value={config.mode}
        onChange={(mode) => update({ mode })}
        choices={[
          { value: 'duration', label: 'For a duration', hint: 'Records move on this long after they arrive.' },
          { value: 'until', label: 'Until a date', hint: 'Records move on at this date and time (the campaign’s time zone).' },
        ]}
      />
      {config.mode === 'duration' ? (
        <div className="ff-row">
          <NumberField label="Duration" value={config.amount} min={0} integer onChange={(amount) => update({ amount }, 'amount')} />
          <SelectField
            label="Unit"
            value={config.unit}
            options={[
              { value: 'minutes', label: 'Minutes' },
              { value: 'hours', label: 'Hours' },
              { value: 'days', label: 'Days' },
            ]}
            onChange={(unit) => update({ unit: unit as WaitConfig['unit'] })}
          />
        </div>
      ) : (
        <div className="insp-field">
          <label className="insp-field__label" htmlFor={`wait-until-${activity.id}`}>
            Date and time
          </label>
          <input
            id={`wait-until-${activity.id}`}
            className="insp-field__input ff-input"
            type="datetime-local"
            value={toLocalInput(config.until)}
            aria-invalid={config.until === '' || undefined}
            onChange={(e) => update({ until: e.target.value === '' ? '' : `${e.target.value}:00` }, 'until')}
          />
          <FieldMessages problems={data.problemsAt('until')} />
        </div>
      )}
      <p className="ff-hint">Waiting changes when records move on, not which ones: the count after the wait is the count before it.</p>
    </div>
  );
}
