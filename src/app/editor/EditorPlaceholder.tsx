import { getActivityDef } from '../../activities/registry';
import type { CampaignDoc } from '../../domain/campaign';

/** Read-only outline of the campaign, shown where the canvas editor is not available. */
export function EditorPlaceholder({ doc }: { doc: CampaignDoc; onChange: (doc: CampaignDoc) => void }) {
  return (
    <div className="cc-editor-placeholder">
      <h2>Activities</h2>
      {doc.activities.length === 0 ? (
        <p>This campaign has no activities yet.</p>
      ) : (
        <ul>
          {doc.activities.map((a) => (
            <li key={a.id}>
              {a.label} <span className="cc-muted">({getActivityDef(a.type)?.meta.title ?? a.type})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
