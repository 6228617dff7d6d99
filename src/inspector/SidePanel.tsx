import { Inspector } from './Inspector';
import { ProblemsPanel } from './ProblemsPanel';
import './inspector.css';

/** The right-hand panel: the inspector of the selection above, the campaign's problems below. */
export function SidePanel() {
  return (
    <aside className="insp-panel" aria-label="Inspector">
      <div className="insp-panel__scroll">
        <Inspector />
      </div>
      <ProblemsPanel />
    </aside>
  );
}
