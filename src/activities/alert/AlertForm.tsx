import type { ActivityFormProps } from '../ui-registry';
import { alertConfigSchema, type AlertConfig } from './definition';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import '../../inspector/fields/fields.css';

/** Settings of Alert: the notification's title and message. Records pass through unchanged. */
export function AlertForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = alertConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(alertConfigSchema.parse({ title: 'Alert' }))} />;
  const config = parsed.data;
  const update = (patch: Partial<AlertConfig>, group: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <TextField label="Title" value={config.title} problems={data.problemsAt('title')} onChange={(title) => update({ title }, 'alert-title')} />
      <TextField label="Message" multiline value={config.message} onChange={(message) => update({ message }, 'alert-message')} />
      <p className="ff-hint">When records reach this point (in test mode), the app shows this alert and the log gets a line; the records go on unchanged.</p>
    </div>
  );
}
