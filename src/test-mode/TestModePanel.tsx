import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Inbox, Siren } from 'lucide-react';
import { useEditorStore } from '../store/useEditorStore';
import { describeRun } from '../domain/lifecycle/test-mode';
import { useTestModeStore, useTestRun } from './test-mode-store';
import { TestSendsDialog } from './TestSendsDialog';
import './test-mode.css';

/**
 * Over the canvas while the draft is tested: where the run is, the alerts it reached (each also
 * told once in a notification) and, after Resume, the test sends.
 */
export function TestModePanel() {
  const campaignId = useEditorStore((s) => s.doc.id);
  const run = useTestRun(campaignId);
  const nodes = useTestModeStore((s) => s.nodes);
  const alerts = useTestModeStore((s) => (s.campaignId === campaignId ? s.alerts : none));
  const [sendsOpen, setSendsOpen] = useState(false);
  if (run.phase === 'idle' || !run.doc) return null;
  return (
    <aside className="tm-panel" aria-label="Test mode">
      <p className="tm-panel__status">{describeRun(run, nodes)}</p>
      <section className="tm-alerts" aria-label="Alerts">
        <h2 className="tm-panel__title">
          <Siren size={14} aria-hidden /> Alerts
        </h2>
        {alerts.length === 0 ? (
          <p className="tm-panel__none">No alert reached.</p>
        ) : (
          <ul className="tm-alerts__list">
            {alerts.map((a) => (
              <li key={a.activityId} className="tm-alert">
                <strong>{a.title}</strong>
                {a.message && <span> {a.message}</span>}
                <span className="tm-alert__records"> · {a.records.toLocaleString('en-US')} records</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Button className="cc-button" isDisabled={!run.resumed} onPress={() => setSendsOpen(true)}>
        <Inbox size={14} aria-hidden /> Test sends
      </Button>
      {!run.resumed && run.phase === 'paused' && <p className="tm-panel__none">Resume to see the test sends.</p>}
      {sendsOpen && <TestSendsDialog doc={run.doc} nodes={nodes} isOpen={sendsOpen} onOpenChange={setSendsOpen} />}
    </aside>
  );
}

const none: never[] = [];
