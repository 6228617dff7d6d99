import { lazy, Suspense, useState } from 'react';
import { Loader2 } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { loadCampaignEditor, loadedCampaignEditor } from './load-campaign-editor';

// Loaded on demand: the canvas (React Flow, layout) is not needed to show the campaign list. A page
// that opens on a canvas starts loading it at start-up (app/main.tsx).
const CampaignEditor = lazy(() => loadCampaignEditor().then((m) => ({ default: m.CampaignEditor })));

/** The area under the top bar: the canvas editor, which fills it and owns everything inside. */
export function EditorSurface({
  doc,
  onChange,
  readOnly,
  shared,
  lockReason = null,
}: {
  doc: CampaignDoc;
  onChange: (doc: CampaignDoc) => void;
  readOnly: boolean;
  /** A campaign opened from a link: see CampaignEditor. */
  shared?: boolean;
  /** A published version: why nothing can be edited (see CampaignEditor). */
  lockReason?: string | null;
}) {
  const props = { doc, onChange, readOnly, lockReason, ...(shared ? { shared: true } : {}) };
  // Already loaded (app/main.tsx starts loading it on a page that opens on a canvas): drawn in this
  // very render, with no fallback in between. Decided once: a surface that switched from one to
  // the other would start a fresh editor, its history lost.
  const [Loaded] = useState(loadedCampaignEditor);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense
      fallback={
        <div className="cc-editor-loading" role="status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Loading the editor…
        </div>
      }
    >
      <CampaignEditor {...props} />
    </Suspense>
  );
}
