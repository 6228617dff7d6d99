import type { CampaignDoc } from '../../domain/campaign';
import { EditorPlaceholder } from './EditorPlaceholder';

/** The area under the top bar: the canvas editor, which fills it and owns everything inside. */
export function EditorSurface({ doc, onChange }: { doc: CampaignDoc; onChange: (doc: CampaignDoc) => void }) {
  return <EditorPlaceholder doc={doc} onChange={onChange} />;
}
