import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { Archive, ArchiveRestore, BarChart3, CalendarClock, Copy, Download, ExternalLink, MoreHorizontal, Pause, Pencil, Play, Square, Trash2 } from 'lucide-react';
import type { CampaignSummary } from '../campaign-summary';
import { actionLabels, allowedActions, type CampaignStatus, type LifecycleAction } from '../../domain/lifecycle/status';

/** A change of status a person makes from the list (publishing is done in the editor). */
export type StatusAction = Exclude<LifecycleAction, 'publish' | 'start' | 'complete'>;
export type RowAction = 'open' | 'report' | 'runs' | 'rename' | 'duplicate' | 'export' | 'delete' | `status:${StatusAction}`;

const statusIcons: Record<StatusAction, typeof Pause> = {
  pause: Pause,
  resume: Play,
  stop: Square,
  archive: Archive,
  unarchive: ArchiveRestore,
};

/**
 * The changes of status the menu offers: those the status machine allows, less publishing (in
 * the editor, after validation) and the schedule's own steps (its first and last launch).
 */
export function statusActionsOf(status: CampaignStatus | undefined): StatusAction[] {
  if (status === undefined) return [];
  return allowedActions(status).filter((a): a is StatusAction => a !== 'publish' && a !== 'start' && a !== 'complete');
}

/** The "…" menu of a campaign row. */
export function CampaignRowActions({
  campaign,
  status,
  onAction,
}: {
  campaign: CampaignSummary;
  status?: CampaignStatus | undefined;
  onAction: (action: RowAction, campaign: CampaignSummary) => void;
}) {
  const statusActions = statusActionsOf(status);
  return (
    <MenuTrigger>
      <Button className="cc-button cc-button-quiet cc-button-icon" aria-label={`Actions for ${campaign.name}`}>
        <MoreHorizontal size={18} aria-hidden />
      </Button>
      <Popover className="cc-menu-popover" placement="bottom end">
        <Menu className="cc-menu" onAction={(key) => onAction(key as RowAction, campaign)}>
          <MenuItem id="open" className="cc-menu-item" textValue="Open">
            <ExternalLink size={16} aria-hidden /> Open
          </MenuItem>
          <MenuItem id="rename" className="cc-menu-item" textValue="Rename…">
            <Pencil size={16} aria-hidden /> Rename…
          </MenuItem>
          <MenuItem id="duplicate" className="cc-menu-item" textValue="Duplicate">
            <Copy size={16} aria-hidden /> Duplicate
          </MenuItem>
          <MenuItem id="export" className="cc-menu-item" textValue="Export JSON">
            <Download size={16} aria-hidden /> Export JSON
          </MenuItem>
          <MenuItem id="report" className="cc-menu-item" textValue="Report">
            <BarChart3 size={16} aria-hidden /> Report
          </MenuItem>
          <MenuItem id="runs" className="cc-menu-item" textValue="Runs">
            <CalendarClock size={16} aria-hidden /> Runs
          </MenuItem>
          {statusActions.length > 0 && <Separator className="cc-menu-separator" />}
          {statusActions.map((action) => {
            const Icon = statusIcons[action];
            return (
              <MenuItem key={action} id={`status:${action}`} className="cc-menu-item" textValue={actionLabels[action]}>
                <Icon size={16} aria-hidden /> {actionLabels[action]}
              </MenuItem>
            );
          })}
          <Separator className="cc-menu-separator" />
          <MenuItem id="delete" className="cc-menu-item cc-menu-item-danger" textValue="Delete…">
            <Trash2 size={16} aria-hidden /> Delete…
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
