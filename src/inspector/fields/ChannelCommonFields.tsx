import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { channelBaseSchema } from '../../activities/channel-common';
import { ChoiceField } from './ChoiceField';
import { SwitchField } from './SwitchField';
import { TextField } from './TextField';

type ChannelBase = z.infer<typeof channelBaseSchema>;

/**
 * Settings every channel shares: the category (which decides whether consent and business rules
 * apply), the message name for reports, and whether an outbound transition follows the send.
 */
export function ChannelCommonFields({ config, onChange, onOutboundChange, children }: { config: ChannelBase; onChange: (patch: Partial<ChannelBase>, group?: string) => void; onOutboundChange: (emitOutbound: boolean) => void; children?: ReactNode }) {
  return (
    <>
      <ChoiceField<ChannelBase['category']>
        label="Category"
        value={config.category}
        onChange={(category) => onChange({ category })}
        choices={[
          { value: 'marketing', label: 'Marketing', hint: 'Promotional messages: only people who consented receive them, and the denylist and capping apply.' },
          { value: 'transactional', label: 'Transactional', hint: 'Messages people expect from an action (an order, a booking): consent, the denylist and capping do not apply.' },
        ]}
      />
      <TextField label="Message name" value={config.messageName} onChange={(messageName) => onChange({ messageName }, 'messageName')} help="Names the message in reports; recipients do not see it." placeholder="e.g. Spring sale – first wave" />
      {children}
      <SwitchField
        label="Emit outbound transition"
        isSelected={config.emitOutbound}
        onChange={onOutboundChange}
        hintOn="A transition carries the targeted records, for follow-ups (a reminder after a wait)."
        hintOff="The branch ends with the send."
      />
    </>
  );
}
