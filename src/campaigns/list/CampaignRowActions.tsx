import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { BarChart3, CalendarClock, Copy, Download, ExternalLink, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import type { CampaignSummary } from '../campaign-summary';

export type RowAction = 'open' | 'report' | 'runs' | 'rename' | 'duplicate' | 'export' | 'delete';

/** The "…" menu of a campaign row. */
export function CampaignRowActions({
  campaign,
  onAction,
}: {
  campaign: CampaignSummary;
  onAction: (action: RowAction, campaign: CampaignSummary) => void;
}) {
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
          <Separator className="cc-menu-separator" />
          <MenuItem id="delete" className="cc-menu-item cc-menu-item-danger" textValue="Delete…">
            <Trash2 size={16} aria-hidden /> Delete…
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
