import { Button } from 'react-aria-components';
import { CircleAlert, FlaskConical, LoaderCircle, Square } from 'lucide-react';
import { useEffect } from 'react';
import { useSimulation } from './useSimulation';
import { preloadReportPage } from '../report/load-report-page';
import './simulation.css';

/**
 * Simulate, in the bar above the canvas: runs the campaign's delivery simulation and keeps it on
 * (edits re-simulate what is downstream), says where it stands, and stops it (counts only again).
 */
export function SimulateControl() {
  const sim = useSimulation();
  // A simulated campaign has a report to show: its screen's code is loaded ahead, while idle.
  const simulated = sim.on && sim.view.state === 'done';
  useEffect(() => (simulated ? preloadReportPage() : undefined), [simulated]);
  if (!sim.on)
    return (
      <div className="sim-control">
        <Button className="cc-button sim-control__start" onPress={sim.start} isDisabled={!sim.canSimulate}>
          <FlaskConical size={15} aria-hidden />
          Simulate
        </Button>
      </div>
    );
  const { view } = sim;
  return (
    <div className="sim-control sim-control--on">
      <div className={`sim-control__state sim-control__state--${view.state}`} role="status" aria-label="Simulation status" aria-live="polite">
        {view.state === 'computing' && (
          <>
            <LoaderCircle size={13} aria-hidden className="sim-control__spin" />
            <span>Simulating…</span>
          </>
        )}
        {view.state === 'failed' && (
          <>
            <CircleAlert size={13} aria-hidden />
            <span>Simulation failed: {view.message}</span>
          </>
        )}
        {view.state === 'done' && (
          <>
            <FlaskConical size={13} aria-hidden />
            <span>{view.label}</span>
            {view.note && <span className="sim-control__note">{view.note}</span>}
          </>
        )}
      </div>
      <Button className="cc-button cc-button-quiet sim-control__stop" onPress={sim.stop}>
        <Square size={13} aria-hidden />
        Stop simulating
      </Button>
    </div>
  );
}
