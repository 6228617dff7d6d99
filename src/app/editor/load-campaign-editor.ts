import type { CampaignEditor } from '../../canvas/CampaignEditor';

let loading: Promise<{ CampaignEditor: typeof CampaignEditor }> | undefined;

/**
 * The canvas editor's code (React Flow, nodes, inspector), loaded once. A page that opens on a
 * canvas asks for it at start-up, so that it downloads and compiles while the campaign is read
 * from the browser's storage, instead of only once the campaign is there.
 */
export function loadCampaignEditor(): Promise<{ CampaignEditor: typeof CampaignEditor }> {
  loading ??= import('../../canvas/CampaignEditor');
  return loading;
}
