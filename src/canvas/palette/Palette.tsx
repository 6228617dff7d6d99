import { useEditorStoreApi } from '../../store/useEditorStore';
import { useSpotForNewActivity } from '../useViewportCentre';
import { ActivityList } from './ActivityList';

/**
 * The side palette: drag an activity onto the canvas, or click it / press Enter on it to add it
 * after the selected activity or at the centre of the visible canvas, in free space (never on top
 * of another activity), on screen and selected.
 */
export function Palette({ lockReason = null }: { lockReason?: string | null }) {
  const store = useEditorStoreApi();
  const spotForNew = useSpotForNewActivity();
  return (
    <aside className="cv-palette" aria-label="Activity palette">
      <div className="cv-panel-header">
        <h2 className="cv-panel-title">Activities</h2>
        {lockReason === null ? (
          <p className="cv-panel-hint">Drag onto the canvas, or press Enter to add.</p>
        ) : (
          <p className="cv-panel-hint cv-locked-reason">{lockReason}</p>
        )}
      </div>
      {/* A published version: the list stays in view, disabled (inert: neither dragged nor picked). */}
      <div className={lockReason === null ? 'cv-contents' : 'cv-locked'} inert={lockReason !== null} aria-disabled={lockReason !== null || undefined}>
        <ActivityList
          draggable={lockReason === null}
          onPick={(type) => {
            const id = store.getState().addActivity(type, spotForNew());
            store.getState().requestFocus([id], 'reveal');
          }}
        />
      </div>
    </aside>
  );
}
