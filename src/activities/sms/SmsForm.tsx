import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { smsConfigSchema, type SmsConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { ContentField } from '../channel-content/ContentField';
import { RecordPreview } from '../channel-content/RecordPreview';
import { useTokenSources } from '../channel-content/useChannelContent';
import { renderTokens, tokenPaths, withFallbacks } from '../channel-content/tokens';
import { describeSmsLength, smsLength } from '../channel-content/sms-segments';
import '../../inspector/fields/fields.css';

/** Settings of SMS: category, message name, sender and text, with its length in messages and its preview. */
export function SmsForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = smsConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const sources = useTokenSources(activity.id, 'sms');
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(smsConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<SmsConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const hasTokens = tokenPaths(config.body).length > 0;
  const length = describeSmsLength(smsLength(withFallbacks(config.body)));
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="Sender" value={config.sender} onChange={(sender) => update({ sender }, 'sender')} placeholder="e.g. Northwind" help="A sender name of up to 11 letters and digits, or a number; the platform's number when empty." problems={data.problemsAt('sender')} />
        <ContentField
          label="Text"
          multiline
          value={config.body}
          onChange={(body) => update({ body }, 'body')}
          sources={sources}
          help={`${hasTokens ? 'With each token as its fallback: ' : ''}${length}.${config.category === 'marketing' ? ' A marketing SMS must say how to opt out (“Reply STOP to opt out”).' : ''}`}
          problems={data.problemsAt('body')}
        />
        <RecordPreview activity={activity} paths={tokenPaths(config.body)}>
          {(record) => {
            const text = renderTokens(config.body, record.valueOf);
            return (
              <>
                <p className="cc-bubble" data-testid="sms-preview-text">
                  {text}
                </p>
                <p className="ff-hint">For this record: {describeSmsLength(smsLength(text))}.</p>
              </>
            );
          }}
        </RecordPreview>
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
