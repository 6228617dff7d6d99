import { statusLabels, type CampaignStatus } from '../domain/lifecycle/status';
import './versions.css';

/**
 * A campaign's status as a small coloured label (docs/lifecycle.md#statuses). The word is always
 * written: the colour only helps to scan a list.
 */
export function StatusBadge({ status, draftOf }: { status: CampaignStatus; draftOf?: number | undefined }) {
  return (
    <span className={`lc-status lc-status--${status}`} data-status={status}>
      {statusLabels[status]}
      {draftOf !== undefined && <span className="lc-status__draft"> · new draft</span>}
    </span>
  );
}
