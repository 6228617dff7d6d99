import { Bell, Mail, Mailbox, MessageSquare, type LucideIcon } from 'lucide-react';
import { getActivityDef } from '../../activities/registry';

const icons: Record<string, LucideIcon> = { email: Mail, sms: MessageSquare, push: Bell, 'direct-mail': Mailbox };

/** Small icons of the channels a campaign sends on, each with its name for screen readers. */
export function ChannelIcons({ channels }: { channels: readonly string[] }) {
  if (channels.length === 0) return <span className="cc-muted">None yet</span>;
  return (
    <span className="cc-channel-icons">
      {channels.map((type) => {
        const Icon = icons[type] ?? Mail;
        const title = getActivityDef(type)?.meta.title ?? type;
        return (
          <span key={type} className="cc-channel-icon" title={title}>
            <Icon size={15} aria-hidden />
            <span className="sr-only">{title}</span>
          </span>
        );
      })}
    </span>
  );
}
