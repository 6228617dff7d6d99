import { Button } from 'react-aria-components';
import { Route } from 'lucide-react';
import { useEditorStore } from '../store/useEditorStore';
import { useTraceStore } from './trace-store';

/** "Trace a record", in the bar above the canvas: opens the Trace panel (again: closes it). */
export function TraceButton() {
  const campaignId = useEditorStore((s) => s.doc.id);
  const open = useTraceStore((s) => s.open && s.campaignId === campaignId);
  const openPanel = useTraceStore((s) => s.openPanel);
  const closePanel = useTraceStore((s) => s.closePanel);
  return (
    <Button className="cc-button trace-button" aria-pressed={open} onPress={() => (open ? closePanel() : openPanel(campaignId))}>
      <Route size={15} aria-hidden />
      Trace a record
    </Button>
  );
}
