import { useContext } from 'react';
import { Button } from 'react-aria-components';
import { FlaskConical } from 'lucide-react';
import { useStore } from 'zustand';
import { EditorStoreContext } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { createCampaign } from '../domain/factory';
import { useSimulationStore } from './simulation-store';
import './simulation.css';

// Outside an editor (a rule shown on its own) there is no campaign to simulate: this stands in.
const noEditor = createEditorStore(createCampaign('none'), { readOnly: true });

/**
 * "Simulate", where something waits for the simulation (a rule on message results): starts the
 * open campaign's simulation. Shows nothing outside an editor or once the campaign is simulated.
 */
export function SimulateAction() {
  const editor = useContext(EditorStoreContext);
  const campaignId = useStore(editor ?? noEditor, (s) => s.doc.id);
  const on = useSimulationStore((s) => s.on[campaignId] === true);
  const start = useSimulationStore((s) => s.start);
  if (!editor || on) return null;
  return (
    <Button className="cc-button sim-action" onPress={() => start(campaignId)}>
      <FlaskConical size={13} aria-hidden />
      Simulate
    </Button>
  );
}
