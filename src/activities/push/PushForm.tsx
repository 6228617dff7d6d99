import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { pushConfigSchema, type PushConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import '../../inspector/fields/fields.css';

/** Settings of Push notification: category, message name, title and text. */
export function PushForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = pushConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(pushConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<PushConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="Title" value={config.title} onChange={(title) => update({ title }, 'title')} help="Shown in bold on the notification; keep it short." />
        <TextField label="Text" multiline value={config.body} onChange={(body) => update({ body }, 'body')} problems={data.problemsAt('body')} />
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
