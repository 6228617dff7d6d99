import type { CampaignEditor as CampaignEditorComponent } from '../../canvas/CampaignEditor';

type EditorModule = { CampaignEditor: typeof CampaignEditorComponent };

let loading: Promise<EditorModule> | undefined;
let loaded: EditorModule | undefined;

/**
 * The canvas editor's code (React Flow, nodes, inspector), loaded once. A page that opens on a
 * canvas asks for it at start-up, so that it downloads and compiles while the campaign is read
 * from the browser's storage, instead of only once the campaign is there.
 */
export function loadCampaignEditor(): Promise<EditorModule> {
  loading ??= import('../../canvas/CampaignEditor').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/**
 * The editor component once its code is loaded, else undefined. Rendered directly rather than
 * through `React.lazy`: a lazy component suspends on its first render even when its code is
 * there, and React then holds the revealed canvas back for up to 300 ms after its fallback showed.
 */
export function loadedCampaignEditor(): typeof CampaignEditorComponent | undefined {
  return loaded?.CampaignEditor;
}
