import { useEffect, useRef } from 'react';
import type { CampaignSummary } from '../campaign-summary';
import { ChannelIcons } from './ChannelIcons';
import { CampaignRowActions, type RowAction } from './CampaignRowActions';
import { formatModified, formatModifiedFull } from './format-modified';
import { useNow } from './useNow';
import type { CampaignStatus } from '../../domain/lifecycle/status';
import { StatusBadge } from '../../lifecycle/StatusBadge';

/**
 * The campaigns as a table: name (a link into the editor), status, size, channels, last change, actions.
 * The `selectedId` row (a campaign just imported) is marked as the current one and its link
 * focused, so that it is found at once among the others.
 */
export function CampaignTable({
  campaigns,
  campaignHref,
  onAction,
  selectedId,
  statuses,
}: {
  campaigns: readonly CampaignSummary[];
  /** Each campaign's status; one missing (not read yet, or unreadable) shows no badge. */
  statuses?: ReadonlyMap<string, CampaignStatus> | undefined;
  campaignHref: (id: string) => string;
  onAction: (action: RowAction, campaign: CampaignSummary) => void;
  selectedId?: string | undefined;
}) {
  const now = useNow();
  const selectedLink = useRef<HTMLAnchorElement>(null);
  const present = campaigns.some((c) => c.id === selectedId);
  useEffect(() => {
    if (!present) return;
    selectedLink.current?.focus();
    selectedLink.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, present]);
  return (
    <table className="cc-campaign-table" aria-label="Campaigns">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col" className="cc-col-count">
            Activities
          </th>
          <th scope="col">Channels</th>
          <th scope="col">Last modified</th>
          <th scope="col" className="cc-col-actions">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((c) => (
          <tr
            key={c.id}
            className={c.id === selectedId ? 'cc-row-selected' : undefined}
            aria-current={c.id === selectedId ? 'true' : undefined}
          >
            <td className="cc-col-name">
              <a
                ref={c.id === selectedId ? selectedLink : undefined}
                href={campaignHref(c.id)}
                className="cc-campaign-link"
                title={c.name}
              >
                {c.name}
              </a>
              {c.description && <span className="cc-campaign-description">{c.description}</span>}
            </td>
            <td>{statuses?.get(c.id) && <StatusBadge status={statuses.get(c.id)!} />}</td>
            <td className="cc-col-count">
              {c.activityCount} <span className="cc-muted">{c.activityCount === 1 ? 'activity' : 'activities'}</span>
            </td>
            <td>
              <ChannelIcons channels={c.channels} />
            </td>
            <td>
              <time dateTime={c.updatedAt} title={formatModifiedFull(c.updatedAt)}>
                {formatModified(c.updatedAt, now)}
              </time>
            </td>
            <td className="cc-col-actions">
              <CampaignRowActions campaign={c} status={statuses?.get(c.id)} onAction={onAction} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
