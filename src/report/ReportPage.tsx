import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { ArrowLeft, CircleAlert, FlaskConical, Link2, Loader2, Printer, RotateCw } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import { useCampaignDoc } from '../campaigns/useCampaigns';
import { useSavedFilters } from '../query-modeler/useSavedFilters';
import { inlineSavedFiltersInDoc } from '../query-modeler/inline-doc-filters';
import { useIsSimulated, useSimulationStore } from '../simulation/simulation-store';
import { wasSimulated } from '../simulation/simulated-before';
import { navigate } from '../app/routing/navigation';
import { hrefFor } from '../app/routing/routes';
import { showToast } from '../ui/Toast';
import { NotFoundPage } from '../app/NotFoundPage';
import { ReportBody } from './ReportBody';
import { formatReportState, parseReportState, reportParams, type ReportViewState } from './report-state';
import { useReport } from './useReport';
import './report.css';

/**
 * `#/campaigns/<id>/report`: what the campaign's simulation sent and what came back (docs/reports.md).
 * Loaded on its own (React.lazy), with its charting library, only when a report is opened.
 */
export default function ReportPage({ campaignId, query }: { campaignId: string; query: string }) {
  const doc = useCampaignDoc(campaignId);
  if (doc.isPending)
    return (
      <main className="cc-center-page">
        <p role="status" className="cc-center-status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening the report…
        </p>
      </main>
    );
  if (doc.isError)
    return (
      <main className="cc-center-page">
        <div className="cc-center-card" role="alert">
          <h1>This report could not be opened</h1>
          <p>The campaign could not be read from this browser’s storage: {doc.error.message}</p>
          <a className="cc-button cc-button-primary" href="#/">
            Back to campaigns
          </a>
        </div>
      </main>
    );
  if (doc.data === null) return <NotFoundPage what="campaign" />;
  return <LoadedReport doc={doc.data} query={query} />;
}

function LoadedReport({ doc, query }: { doc: CampaignDoc; query: string }) {
  const state = useMemo(() => parseReportState(query), [query]);
  const params = useMemo(() => reportParams(state), [state]);
  const { filters: savedFilters } = useSavedFilters();
  const engineDoc = useMemo(() => inlineSavedFiltersInDoc(doc, savedFilters), [doc, savedFilters]);
  const on = useIsSimulated(doc.id);
  const start = useSimulationStore((s) => s.start);
  // Simulated here, or before in this browser: the simulation is deterministic, so it is redone.
  const simulated = on || wasSimulated(doc.id);
  useEffect(() => {
    // Back in the editor, the campaign is still simulated.
    if (simulated && !on) start(doc.id);
  }, [simulated, on, start, doc.id]);
  const report = useReport(engineDoc, params, simulated);

  useEffect(() => {
    document.title = `Report: ${doc.name} – Campaign Canvas`;
  }, [doc.name]);

  const setState = useCallback(
    (next: ReportViewState) => navigate({ name: 'report', campaignId: doc.id, query: formatReportState(next) }, { replace: true }),
    [doc.id],
  );

  return (
    <div className="report-page">
      <header className="cc-topbar report-topbar">
        <a className="cc-button cc-button-quiet cc-topbar-back" href={hrefFor({ name: 'editor', campaignId: doc.id })}>
          <ArrowLeft size={16} aria-hidden />
          Edit campaign
        </a>
        <span className="cc-topbar-divider" aria-hidden />
        <h1 className="report-topbar__title">
          <span className="report-topbar__kind">Report</span> {doc.name}
        </h1>
        <div className="cc-topbar-actions">
          <Button className="cc-button" onPress={() => void copyLink()}>
            <Link2 size={16} aria-hidden />
            Copy link
          </Button>
          <Button className="cc-button" onPress={() => window.print()} isDisabled={!report.data?.simulated}>
            <Printer size={16} aria-hidden />
            Print
          </Button>
        </div>
      </header>
      <main className="report-main" aria-label="Report">
        {!simulated ? (
          <NotSimulated doc={doc} onSimulate={() => start(doc.id)} />
        ) : report.isError && !report.data ? (
          <Failure message={report.error.message} onRetry={() => void report.refetch()} />
        ) : !report.data ? (
          <Computing />
        ) : !report.data.simulated ? (
          <NothingToReport doc={doc} />
        ) : (
          <>
            {report.isError && <Failure message={report.error.message} onRetry={() => void report.refetch()} />}
            <ReportBody doc={doc} result={report.data} state={state} onState={setState} updating={report.isFetching} />
          </>
        )}
      </main>
    </div>
  );
}

async function copyLink() {
  try {
    await navigator.clipboard.writeText(window.location.href);
    showToast({ title: 'Link to this view copied', tone: 'success' });
  } catch {
    showToast({ title: 'The link could not be copied', description: 'Copy the address from the browser’s address bar.', tone: 'error' });
  }
}

function NotSimulated({ doc, onSimulate }: { doc: CampaignDoc; onSimulate: () => void }) {
  return (
    <section className="report-state" aria-labelledby="report-empty-title">
      <FlaskConical size={28} aria-hidden className="report-state__icon" />
      <h2 id="report-empty-title">This campaign has not been simulated yet</h2>
      <p>
        A report shows what a simulation of the campaign sent and what came back: deliveries, opens, clicks, bounces. Simulate it here, or in the
        editor with <strong>Simulate</strong> above the canvas.
      </p>
      <div className="report-state__actions">
        <Button className="cc-button cc-button-primary" onPress={onSimulate}>
          <FlaskConical size={16} aria-hidden />
          Simulate
        </Button>
        <a className="cc-button" href={hrefFor({ name: 'editor', campaignId: doc.id })}>
          Open in the editor
        </a>
      </div>
    </section>
  );
}

function NothingToReport({ doc }: { doc: CampaignDoc }) {
  return (
    <section className="report-state" aria-labelledby="report-nothing-title">
      <h2 id="report-nothing-title">Nothing to report</h2>
      <p>This campaign sends no message: add an Email, SMS, Push or Direct mail activity in the editor, then simulate it.</p>
      <div className="report-state__actions">
        <a className="cc-button cc-button-primary" href={hrefFor({ name: 'editor', campaignId: doc.id })}>
          Open in the editor
        </a>
      </div>
    </section>
  );
}

function Computing() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <section className="report-state" aria-labelledby="report-computing-title">
      <Loader2 size={28} aria-hidden className="cc-spinner report-state__icon" />
      <h2 id="report-computing-title">Computing the report…</h2>
      <p role="status">
        Simulating the campaign’s messages and counting their events{seconds >= 2 ? ` (${seconds} s)` : ''}. A large audience takes a few seconds.
      </p>
      <progress className="report-state__progress" aria-label="Computing the report" />
    </section>
  );
}

function Failure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section className="report-state report-state--failed" role="alert">
      <CircleAlert size={24} aria-hidden className="report-state__icon" />
      <h2>The report could not be computed</h2>
      <p>The engine said: {message}</p>
      <div className="report-state__actions">
        <Button className="cc-button cc-button-primary" onPress={onRetry}>
          <RotateCw size={16} aria-hidden />
          Retry
        </Button>
      </div>
    </section>
  );
}

