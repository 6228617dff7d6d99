import type { ActivityFormProps } from '../ui-registry';
import { endConfigSchema } from './definition';
import { SelectField } from '../../inspector/fields/SelectField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useCampaignList } from '../../campaigns/useCampaigns';
import { useEditorStore } from '../../store/useEditorStore';
import '../../inspector/fields/fields.css';

/** Settings of End: optionally, another campaign to signal when records reach it. */
export function EndForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = endConfigSchema.safeParse(activity.config);
  const ownId = useEditorStore((s) => s.doc.id);
  const list = useCampaignList();
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(endConfigSchema.parse({}))} />;
  const config = parsed.data;
  const campaigns = (list.data ?? []).filter((c) => c.id !== ownId);
  return (
    <div className="ff-form">
      <SelectField
        label="Signal another campaign"
        value={config.signalCampaignId}
        options={[{ value: '', label: 'No signal: the branch just ends' }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
        onChange={(signalCampaignId) => onConfigChange({ ...config, signalCampaignId })}
        help="When records reach this end, the chosen campaign is started (it must wait for a signal)."
        disabled={list.isPending && config.signalCampaignId === ''}
      />
    </div>
  );
}
