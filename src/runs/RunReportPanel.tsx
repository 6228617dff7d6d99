import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Loader2, X } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import { useEngineClient } from '../queries/EngineClientContext';
import { formatSimTime } from '../simulation/sim-format';
import { ReportBody } from '../report/ReportBody';
import { parseReportState, reportParams, type ReportViewState } from '../report/report-state';
import type { StoredRun } from '../campaigns/lifecycle/runs-repository';
import { scrollIntoView } from './scroll-into-view';

/**
 * The report of one run, or across runs: the report screen's body over the runs' own event tables
 * (the engine's report, src/engine/report). When the engine no longer holds the runs (after a
 * reload) they are computed again first.
 */
export function RunReportPanel({ doc, runs, ensureInEngine, onClose }: { doc: CampaignDoc; runs: StoredRun[]; ensureInEngine: () => Promise<void>; onClose: () => void }) {
  const client = useEngineClient();
  const [state, setState] = useState<ReportViewState>(() => parseReportState(''));
  const ids = runs.map((r) => r.runId);
  const report = useQuery({
    queryKey: ['run-report', doc.id, ids, state],
    queryFn: async () => {
      await ensureInEngine();
      return client.simulatedRunReport(doc, ids, reportParams(state));
    },
    enabled: ids.length > 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
  // Computing the runs again (after a reload) grows the page above: once the report is there, show it.
  const section = useRef<HTMLElement>(null);
  const ready = report.data !== undefined;
  useEffect(() => {
    if (ready) scrollIntoView(section.current);
  }, [ready]);
  const title = runs.length === 1 ? `Report · run of ${formatSimTime(runs[0]!.launch)}` : `Report across ${runs.length} runs`;
  return (
    <section ref={section} className="report-section" aria-labelledby="runs-report-title">
      <div className="report-section-head">
        <h2 id="runs-report-title" className="report-section-title">
          {title}
        </h2>
        <div className="runs-head-actions">
          <Button className="cc-button cc-button-quiet cc-button-icon" aria-label="Close the report" onPress={onClose}>
            <X size={16} aria-hidden />
          </Button>
        </div>
      </div>
      {report.isError ? (
        <p className="runs-problem" role="alert">
          The report could not be computed: {report.error.message}
        </p>
      ) : !report.data ? (
        <p role="status" className="runs-controls__note">
          <Loader2 size={16} aria-hidden className="cc-spinner" /> Computing the report…
        </p>
      ) : !report.data.simulated ? (
        <p className="report-summary">These runs sent no message.</p>
      ) : (
        <ReportBody doc={doc} result={report.data} state={state} onState={setState} updating={report.isFetching} />
      )}
    </section>
  );
}
