import { useEffect } from 'react';
import { launchTimestamp, readSimulationSettings } from '../domain/simulation-settings';
import { useCounts } from '../canvas/counts/counts-store';
import { useEditorStore } from '../store/useEditorStore';
import { useEngineDoc } from '../query-modeler/useEngineDoc';
import { useSimulationStore } from './simulation-store';
import { simulatedLabel } from './sim-format';

export type SimulationView =
  | { state: 'off' }
  | { state: 'computing' }
  | { state: 'failed'; message: string }
  | { state: 'done'; label: string; note?: string };

/**
 * The open campaign's simulation, for the editor: whether it is on, where it stands, and the
 * commands to start and stop it. While on, the document the engine simulates is remembered for the
 * Data screen's event tables.
 */
export function useSimulation() {
  const campaignId = useEditorStore((s) => s.doc.id);
  const seed = useEditorStore((s) => s.doc.settings.seed);
  const launchSetting = useEditorStore((s) => s.doc.settings.simulation);
  const referenceDate = useEditorStore((s) => s.dataModel?.referenceDate);
  const on = useSimulationStore((s) => s.on[campaignId] === true);
  const start = useSimulationStore((s) => s.start);
  const stop = useSimulationStore((s) => s.stop);
  const remember = useSimulationStore((s) => s.remember);
  const phase = useCounts((s) => s.phase);
  const failure = useCounts((s) => s.failure);
  const simulated = useCounts((s) => s.simulated);
  const engineDoc = useEngineDoc();

  useEffect(() => {
    if (on) remember(engineDoc);
  }, [on, engineDoc, remember]);

  let view: SimulationView = { state: 'off' };
  if (on) {
    if (phase === 'failed') view = { state: 'failed', message: failure ?? 'the engine could not compute the campaign' };
    else if (phase !== 'up-to-date' && phase !== 'idle') view = { state: 'computing' };
    else if (!simulated && phase === 'up-to-date') view = { state: 'computing' };
    else {
      const read = launchTimestamp(readSimulationSettings(launchSetting).settings.launch, referenceDate ?? '');
      const fallback = `${referenceDate ?? ''} 09:00:00`;
      view = {
        state: 'done',
        label: simulatedLabel(read.ok ? read.value : fallback, seed),
        ...(read.ok ? {} : { note: 'The launch setting does not parse: simulated from the default launch.' }),
      };
    }
  }
  return {
    on,
    view,
    canSimulate: referenceDate !== undefined,
    start: () => start(campaignId),
    stop: () => stop(campaignId),
  };
}
