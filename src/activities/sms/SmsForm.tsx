import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { smsConfigSchema, type SmsConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import '../../inspector/fields/fields.css';

/** Settings of SMS: category, message name and text (with its length in messages). */
export function SmsForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = smsConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(smsConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<SmsConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="Text" multiline value={config.body} onChange={(body) => update({ body }, 'body')} help={smsLength(config.body)} problems={data.problemsAt('body')} />
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}

/**
 * "42 characters · 1 message": a text of up to 160 characters is one message, longer texts are
 * sent in parts of 153 (characters outside the GSM alphabet lower these limits to 70 and 67).
 */
function smsLength(text: string): string {
  const unicode = /[^\n\r -~£¥èéùìòÇØøÅå_ÆæßÉÄÖÑÜ§¿äöñüà€]/.test(text);
  const [single, part] = unicode ? [70, 67] : [160, 153];
  const n = [...text].length;
  const parts = n === 0 ? 0 : n <= single ? 1 : Math.ceil(n / part);
  return `${n} character${n === 1 ? '' : 's'} · ${parts} message${parts === 1 ? '' : 's'}${unicode ? ' (special characters shorten each message)' : ''}`;
}
