import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { emailConfigSchema, emailContentFields, type EmailConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { ContentField } from '../channel-content/ContentField';
import { RecordPreview } from '../channel-content/RecordPreview';
import { EmailPreview } from '../channel-content/EmailPreview';
import { TrackedLinks } from '../channel-content/TrackedLinks';
import { useTokenSources } from '../channel-content/useChannelContent';
import { tokenPaths } from '../channel-content/tokens';
import '../../inspector/fields/fields.css';

/** Settings of Email: category, message name, sender, reply-to, subject, preheader, HTML body, its links and its preview. */
export function EmailForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = emailConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const sources = useTokenSources(activity.id, 'email');
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(emailConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<EmailConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const field = (path: 'sender' | 'replyTo' | 'subject' | 'preheader' | 'body') => ({
    label: emailContentFields.find((f) => f.path === path)!.label,
    value: config[path],
    onChange: (v: string) => update({ [path]: v }, path),
    sources,
    problems: data.problemsAt(path),
  });
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <ContentField {...field('sender')} help="Name and address the email comes from: Shop <news@shop.example>." />
        <ContentField {...field('replyTo')} help="Where replies go; the sender's address when empty." placeholder="help@shop.example" />
        <ContentField {...field('subject')} help='Personalise with tokens, each with a fallback for records without a value: {{first_name | "there"}}.' />
        <ContentField {...field('preheader')} help="The line mail apps show after the subject." />
        <ContentField
          {...field('body')}
          multiline
          source
          help={`HTML source. Tokens: {{field}}, {{link.field}}, an inbound column; {{unsubscribe_url}} is each recipient's unsubscribe address.${config.category === 'marketing' ? ' A marketing email needs an unsubscribe link.' : ''}`}
        />
        <TrackedLinks body={config.body} />
        <RecordPreview activity={activity} paths={tokenPaths(config.sender, config.replyTo, config.subject, config.preheader, config.body)}>
          {(record) => <EmailPreview config={config} valueOf={record.valueOf} />}
        </RecordPreview>
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
