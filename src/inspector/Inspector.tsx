import { MousePointer2 } from 'lucide-react';
import { selectInspected } from '../store/selectors';
import { useEditorStore } from '../store/useEditorStore';
import { useShallow } from 'zustand/react/shallow';
import { ActivityInspector } from './ActivityInspector';
import { TransitionInspector } from './TransitionInspector';
import { CampaignSettingsForm } from '../simulation/CampaignSettingsForm';
import { ScheduleSection } from '../lifecycle/ScheduleSection';
import { CampaignVariablesSection } from './CampaignVariablesSection';

/** The side panel showing what is selected: one activity, one transition, several, or nothing. */
export function Inspector() {
  const inspected = useEditorStore(useShallow(selectInspected));
  return (
    <div className="insp-inspector">
      {/* Keyed: no state of one activity's form (open panels, drafts) carries over to the next. */}
      {inspected.kind === 'activity' && <ActivityInspector key={inspected.id} id={inspected.id} />}
      {inspected.kind === 'transition' && <TransitionInspector key={inspected.id} id={inspected.id} />}
      {inspected.kind === 'many' && (
        <div className="insp-empty">
          <h2 className="insp-empty__title">{inspected.count} items selected</h2>
          <p className="insp-muted">
            Move them together by dragging, or use the toolbar to copy, duplicate, disable or delete them all at once.
          </p>
        </div>
      )}
      {inspected.kind === 'none' && (
        <div className="insp-empty">
          <span className="insp-empty__icon" aria-hidden>
            <MousePointer2 size={20} />
          </span>
          <h2 className="insp-empty__title">Nothing selected</h2>
          <p className="insp-muted">Select an activity or a transition on the canvas to see and edit its details here.</p>
          <ul className="insp-tips">
            <li>Connect activities by dragging from an output handle to an input handle.</li>
            <li>Shift-click or drag a box on empty canvas to select several.</li>
            <li>Use the “+” on a transition to insert an activity there.</li>
          </ul>
          <CampaignSettingsForm />
          <CampaignVariablesSection />
          <ScheduleSection />
        </div>
      )}
    </div>
  );
}
