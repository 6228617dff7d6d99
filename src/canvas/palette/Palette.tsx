import { useEditorStoreApi } from '../../store/useEditorStore';
import { useSpotForNewActivity } from '../useViewportCentre';
import { ActivityList } from './ActivityList';

/**
 * The side palette: drag an activity onto the canvas, or click it / press Enter on it to add it
 * after the selected activity or at the centre of the visible canvas, in free space (never on top
 * of another activity), on screen and selected.
 */
export function Palette() {
  const store = useEditorStoreApi();
  const spotForNew = useSpotForNewActivity();
  return (
    <aside className="cv-palette" aria-label="Activity palette">
      <div className="cv-panel-header">
        <h2 className="cv-panel-title">Activities</h2>
        <p className="cv-panel-hint">Drag onto the canvas, or press Enter to add.</p>
      </div>
      <ActivityList
        draggable
        onPick={(type) => {
          const id = store.getState().addActivity(type, spotForNew());
          store.getState().requestFocus([id], 'reveal');
        }}
      />
    </aside>
  );
}
