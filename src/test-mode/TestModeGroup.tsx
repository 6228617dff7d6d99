import { Button, Group } from 'react-aria-components';
import { FlaskConical, Play, RotateCcw, Square, StepForward, X } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { validateCampaign } from '../domain/validate';
import { describeRun } from '../domain/lifecycle/test-mode';
import { useEngineClient } from '../queries/EngineClientContext';
import { countsQuery } from '../queries/engine-queries';
import { useDataset } from '../queries/useDataset';
import { useTestModeStore, useTestRun } from './test-mode-store';
import './test-mode.css';

/**
 * "Test" in the editor's top bar: Start, Stop, Restart and Resume of the draft's test run, and
 * where it is. The run reads the engine's counts of the draft as it is at Start (the same query as
 * the canvas, so nothing is computed twice) and never saves an audience nor sends a message.
 */
export function TestModeGroup({ doc, readOnly }: { doc: CampaignDoc; readOnly: boolean }) {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  const dataset = useDataset();
  const run = useTestRun(doc.id);
  const dispatch = useTestModeStore((s) => s.dispatch);
  const exit = useTestModeStore((s) => s.exit);
  const version = dataset.data?.version;

  const begin = (kind: 'start' | 'restart') => {
    if (version === undefined) return;
    const snapshot = doc;
    dispatch(doc.id, {
      type: kind,
      doc: snapshot,
      problems: validateCampaign(snapshot, dataset.data?.model),
    });
    queryClient
      .fetchQuery(countsQuery(client, version, snapshot))
      .then((result) => {
        // A newer Start or Restart has taken over when the run holds another document.
        if (useTestModeStore.getState().run.doc === snapshot) dispatch(doc.id, { type: 'computed', result });
      })
      .catch((e: unknown) => {
        if (useTestModeStore.getState().run.doc === snapshot)
          dispatch(doc.id, { type: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
  };
  const active = run.phase === 'running' || run.phase === 'paused';
  const nodes = useTestModeStore((s) => s.nodes);
  const status = describeRun(run, nodes);
  return (
    <Group className="tm-group" aria-label="Test">
      {/* While a run is shown the word gives way to the run's buttons; the group keeps its name. */}
      <span className="tm-group__title" title="Test mode">
        <FlaskConical size={15} aria-hidden /> {run.phase === 'idle' && 'Test'}
      </span>
      {run.phase === 'idle' ? (
        <Button
          className="cc-button"
          isDisabled={readOnly || version === undefined}
          onPress={() => begin('start')}
        >
          <Play size={14} aria-hidden /> Start
        </Button>
      ) : (
        <>
          {/* Icons with their names (on hover too): the bar keeps room for the campaign's name. */}
          <Button
            className="cc-button tm-group__icon"
            aria-label="Stop"
            isDisabled={!active}
            onPress={() => dispatch(doc.id, { type: 'stop' })}
          >
            <Square size={14} aria-hidden />
            <span className="tm-group__tip" aria-hidden>
              Stop
            </span>
          </Button>
          <Button
            className="cc-button tm-group__icon"
            aria-label="Restart"
            isDisabled={readOnly || version === undefined}
            onPress={() => begin('restart')}
          >
            <RotateCcw size={14} aria-hidden />
            <span className="tm-group__tip" aria-hidden>
              Restart
            </span>
          </Button>
          <Button
            className="cc-button cc-button-primary"
            isDisabled={run.phase !== 'paused'}
            onPress={() => dispatch(doc.id, { type: 'resume' })}
          >
            <StepForward size={14} aria-hidden /> Resume
          </Button>
          {!active && (
            <Button className="cc-button tm-group__icon" aria-label="Exit" onPress={exit}>
              <X size={14} aria-hidden />
              <span className="tm-group__tip" aria-hidden>
                Exit test mode
              </span>
            </Button>
          )}
        </>
      )}
      {/* Said to screen readers as it changes; shown in the test-mode panel over the canvas. */}
      <span className="sr-only" aria-live="polite">
        {run.phase === 'idle' ? '' : status}
      </span>
    </Group>
  );
}
