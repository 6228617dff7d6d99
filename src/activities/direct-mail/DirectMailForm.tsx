import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { directMailConfigSchema, type DirectMailConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import '../../inspector/fields/fields.css';

/** Settings of Direct mail: category, message name, and the extraction file sent to the mailing provider. */
export function DirectMailForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = directMailConfigSchema.safeParse(activity.config);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(directMailConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<DirectMailConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="File name" value={config.fileName} onChange={(fileName) => update({ fileName }, 'fileName')} help="The extraction file with the postal addresses, sent to the mailing provider." />
        <TextField label="Format" value={config.format} onChange={(format) => update({ format }, 'format')} suggestions={['A4 letter', 'A5 postcard', 'DL envelope', 'Catalogue']} help="What is printed and posted." />
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
