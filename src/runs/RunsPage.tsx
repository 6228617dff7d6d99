import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { ArrowLeft, CalendarRange, Loader2, Play } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import { useCampaignDoc } from '../campaigns/useCampaigns';
import { useCampaignRepository } from '../campaigns/useCampaignRepository';
import { useSavedFilters } from '../query-modeler/useSavedFilters';
import { inlineSavedFiltersInDoc } from '../query-modeler/inline-doc-filters';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { hrefFor } from '../app/routing/routes';
import { NotFoundPage } from '../app/NotFoundPage';
import { simulatedPresent } from '../domain/schedule/problems';
import { scheduledRunLaunches } from '../domain/schedule/run-launches';
import { DAY_MS, simStamp } from '../domain/sim-time';
import { formatSimTime } from '../simulation/sim-format';
import { RunHistoryTable, type RunView } from './RunHistoryTable';
import { RunLogPanel } from './RunLogPanel';
import { RunReportPanel } from './RunReportPanel';
import { useRuns } from './useRuns';
import '../report/report.css';
import './runs.css';

/**
 * `#/campaigns/<id>/runs`: the campaign run now or over its simulated schedule, the run history,
 * each run's execution log and report, and a report across runs (docs/lifecycle.md#runs).
 */
export default function RunsPage({ campaignId }: { campaignId: string }) {
  const doc = useCampaignDoc(campaignId);
  if (doc.isPending)
    return (
      <main className="cc-center-page">
        <p role="status" className="cc-center-status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening the runs…
        </p>
      </main>
    );
  if (doc.isError)
    return (
      <main className="cc-center-page">
        <div className="cc-center-card" role="alert">
          <h1>The runs could not be opened</h1>
          <p>The campaign could not be read from this browser’s storage: {doc.error.message}</p>
          <a className="cc-button cc-button-primary" href="#/">
            Back to campaigns
          </a>
        </div>
      </main>
    );
  if (doc.data === null) return <NotFoundPage what="campaign" />;
  return <LoadedRuns doc={doc.data} />;
}

/** `YYYY-MM-DD` of a time in ms (simulated time reads as UTC). */
const dayOf = (ms: number) => simStamp(ms).slice(0, 10);

function LoadedRuns({ doc }: { doc: CampaignDoc }) {
  const client = useEngineClient();
  const dataset = useDataset();
  const { filters: savedFilters } = useSavedFilters();
  const engineDoc = useMemo(() => inlineSavedFiltersInDoc(doc, savedFilters), [doc, savedFilters]);
  const referenceDate = dataset.data?.model.referenceDate;
  const present = referenceDate ? simulatedPresent(doc, referenceDate) : undefined;
  const presentLaunch = present !== undefined && Number.isFinite(present) ? simStamp(present).slice(0, 16).replace(' ', 'T') : undefined;
  const [until, setUntil] = useState('');
  useEffect(() => {
    // A month of launches by default.
    if (until === '' && presentLaunch) setUntil(dayOf(Date.parse(`${presentLaunch}:00Z`) + 29 * DAY_MS));
  }, [presentLaunch, until]);
  const repo = useCampaignRepository();
  const loadCampaign = useCallback(async (id: string) => {
    const other = await repo.get(id);
    return other ? inlineSavedFiltersInDoc(other, savedFilters) : null;
  }, [repo, savedFilters]);
  const { runs, progress, error, runLaunches, remove, ensureInEngine } = useRuns(doc.id, client, loadCampaign);
  const [view, setView] = useState<RunView | undefined>(undefined);

  useEffect(() => {
    document.title = `Runs: ${doc.name} – Campaign Canvas`;
  }, [doc.name]);

  const planned = referenceDate && until ? scheduledRunLaunches(doc, referenceDate, `${until} 23:59`) : undefined;
  const busy = progress !== undefined;
  const viewed = view && view.kind !== 'across' ? runs?.find((r) => r.runId === view.runId) : undefined;

  return (
    <div className="report-page">
      <header className="cc-topbar report-topbar">
        <a className="cc-button cc-button-quiet cc-topbar-back" href={hrefFor({ name: 'editor', campaignId: doc.id })}>
          <ArrowLeft size={16} aria-hidden />
          Edit campaign
        </a>
        <span className="cc-topbar-divider" aria-hidden />
        <h1 className="report-topbar__title">
          <span className="report-topbar__kind">Runs</span> {doc.name}
        </h1>
      </header>
      <main className="report-main" aria-label="Runs">
        <div className="report-body">
          <section className="report-section runs-controls" aria-labelledby="runs-run-title">
            <h2 id="runs-run-title" className="report-section-title">
              Run the campaign
            </h2>
            <p className="report-summary">
              Each run computes and simulates the campaign at its launch, in simulated time. Runs carry over what the earlier ones did: an Incremental query sees only
              records newer than the previous run, capping counts earlier sends, the denylist keeps earlier bounces and unsubscribes, Save audience overwrites its audience.
              Runs never change the counts of the draft.
            </p>
            <div className="runs-controls__row">
              <Button className="cc-button" isDisabled={busy || !presentLaunch} onPress={() => presentLaunch && void runLaunches(engineDoc, [presentLaunch])}>
                <Play size={16} aria-hidden />
                Run now
              </Button>
              {presentLaunch && <span className="runs-controls__note">at {formatSimTime(presentLaunch)}, the simulated present</span>}
            </div>
            <div className="runs-controls__row">
              <label className="report-filters__field">
                <span>Simulate the schedule until</span>
                <input
                  type="date"
                  value={until}
                  onChange={(e) => setUntil(e.target.value)}
                  aria-describedby="runs-schedule-note"
                  aria-invalid={planned !== undefined && !planned.ok}
                />
              </label>
              <Button className="cc-button cc-button-primary" isDisabled={busy || !planned?.ok} onPress={() => planned?.ok && void runLaunches(engineDoc, planned.launches)}>
                <CalendarRange size={16} aria-hidden />
                Simulate the schedule
              </Button>
            </div>
            <p id="runs-schedule-note" className={planned && !planned.ok ? 'runs-problem' : 'runs-controls__note'}>
              {planned === undefined ? 'Choose the last day to simulate.' : planned.ok ? `${planned.launches.length} launch${planned.launches.length === 1 ? '' : 'es'} from ${formatSimTime(planned.launches[0]!)} to ${formatSimTime(planned.launches.at(-1)!)}.` : planned.message}
            </p>
            {progress && (
              <div className="runs-progress" role="status">
                <Loader2 size={16} aria-hidden className="cc-spinner" />
                {progress.again ? `Computing the kept runs again: ${progress.done + 1} of ${progress.total}…` : `Simulating run ${progress.done + 1} of ${progress.total}…`}
                <progress max={progress.total} value={progress.done} aria-label="Runs computed" />
              </div>
            )}
            {error && (
              <p className="runs-problem" role="alert">
                {error}
              </p>
            )}
          </section>
          <RunHistoryTable runs={runs} busy={busy} view={view} onView={setView} onRemove={remove} />
          {view?.kind === 'log' && viewed && <RunLogPanel key={viewed.runId} doc={doc} run={viewed} onClose={() => setView(undefined)} />}
          {view && view.kind !== 'log' && runs && (
            <RunReportPanel
              key={view.kind === 'across' ? 'across' : view.runId}
              doc={engineDoc}
              runs={view.kind === 'across' ? runs : viewed ? [viewed] : []}
              ensureInEngine={ensureInEngine}
              onClose={() => setView(undefined)}
            />
          )}
        </div>
      </main>
    </div>
  );
}
