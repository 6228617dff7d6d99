import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { emailConfigSchema, type EmailConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import '../../inspector/fields/fields.css';

/** Settings of Email: category, message name, sender, subject and body. */
export function EmailForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = emailConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(emailConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<EmailConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="Sender" value={config.sender} onChange={(sender) => update({ sender }, 'sender')} help="Name and address the email comes from." />
        <TextField label="Subject" value={config.subject} onChange={(subject) => update({ subject }, 'subject')} help="Personalise with {{first_name}} or an enrichment column, e.g. {{company}}." problems={data.problemsAt('subject')} />
        <TextField label="Body" multiline value={config.body} onChange={(body) => update({ body }, 'body')} help="Plain text or HTML." problems={data.problemsAt('body')} />
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
