import { useEditorStoreApi } from '../../store/useEditorStore';
import { useViewportCentre } from '../useViewportCentre';
import { ActivityList } from './ActivityList';

/**
 * The side palette: drag an activity onto the canvas, or click it / press Enter on it to add it at
 * the centre of the visible canvas, where it lands on screen and selected.
 */
export function Palette() {
  const store = useEditorStoreApi();
  const freeSpotAtCentre = useViewportCentre();
  return (
    <aside className="cv-palette" aria-label="Activity palette">
      <div className="cv-panel-header">
        <h2 className="cv-panel-title">Activities</h2>
        <p className="cv-panel-hint">Drag onto the canvas, or press Enter to add.</p>
      </div>
      <ActivityList draggable onPick={(type) => store.getState().addActivity(type, freeSpotAtCentre())} />
    </aside>
  );
}
