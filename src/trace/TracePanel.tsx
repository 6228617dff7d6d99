import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { Route, Search, X } from 'lucide-react';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { useEngineDoc } from '../query-modeler/useEngineDoc';
import { useEditorStore } from '../store/useEditorStore';
import type { ActivityTrace, LinkedRecordTrace, RecordTrace, TraceCondition } from '../engine/trace/trace-types';
import { statusWords, useTraceStore } from './trace-store';
import './trace.css';

/**
 * The Trace panel: find a record of the campaign's targeting dimension by key, email or name,
 * then read, activity by activity, whether it went in or out and why. The canvas highlights the
 * path meanwhile (nodes and transitions it went through; the others dimmed).
 */
export function TracePanel() {
  const campaignId = useEditorStore((s) => s.doc.id);
  const state = useTraceStore();
  if (!state.open || state.campaignId !== campaignId) return null;
  return (
    <section className="trace-panel" aria-labelledby="trace-panel-title">
      <header className="trace-panel__head">
        <h2 id="trace-panel-title" className="trace-panel__title">
          <Route size={16} aria-hidden /> Trace a record
        </h2>
        <Button className="cc-button cc-button-quiet trace-panel__close" aria-label="Close the trace" onPress={state.closePanel}>
          <X size={14} aria-hidden />
        </Button>
      </header>
      <RecordSearch onTrace={(key) => state.traceRecord(campaignId, key)} />
      <div role="status" aria-live="polite" className="trace-panel__status">
        {state.status === 'loading' && `Tracing record ${state.key}…`}
        {state.status === 'failed' && `The trace failed: ${state.error}`}
      </div>
      {state.result && <TraceResult trace={state.result} onClear={state.clear} />}
    </section>
  );
}

function RecordSearch({ onTrace }: { onTrace: (key: string) => void }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  // Once a record is chosen the results give way to its trace.
  const choose = (key: string) => {
    onTrace(key);
    setText('');
    setAsked('');
  };
  // Asks once typing pauses: each search scans the dimension's table.
  useEffect(() => {
    const t = setTimeout(() => setAsked(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const doc = useEngineDoc();
  const client = useEngineClient();
  const version = useDataset().data?.version;
  const found = useQuery({
    queryKey: ['engine', version ?? '', 'search-records', asked, doc.activities.map((a) => (a.type === 'build-audience' ? JSON.stringify((a.config as { targetDimension?: string }).targetDimension) : '')).join()],
    queryFn: ({ signal }) => client.searchRecords(doc, asked, {}, signal),
    enabled: asked !== '' && version !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  return (
    <div className="trace-search">
      <SearchField className="trace-search__field" value={text} onChange={setText} onSubmit={(v) => v.trim() && choose(found.data?.[0]?.key ?? v.trim())}>
        <Label className="trace-search__label">Find a record by key, email or name</Label>
        <div className="trace-search__box">
          <Search size={14} aria-hidden />
          <Input className="trace-search__input" placeholder="e.g. 42 or ann@" />
        </div>
      </SearchField>
      {asked !== '' && found.data && (
        <ul className="trace-search__results" aria-label="Records found">
          {found.data.length === 0 && <li className="trace-search__none">No record found.</li>}
          {found.data.map((m) => (
            <li key={m.key}>
              <Button className="trace-search__result" onPress={() => choose(m.key)} aria-label={`Trace record ${m.key}${m.label ? `, ${m.label}` : ''}`}>
                <span className="trace-search__key">{m.key}</span> <span className="trace-search__name">{m.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {found.error && <p className="trace-panel__status">{found.error.message}</p>}
    </div>
  );
}

function TraceResult({ trace, onClear }: { trace: RecordTrace; onClear: () => void }) {
  return (
    <div className="trace-result">
      <div className="trace-result__record">
        <p>
          <strong>
            {trace.dimension} {trace.key}
          </strong>
          {trace.found ? ` · ${trace.label}` : ' · no such record in the data'}
        </p>
        <Button className="cc-button trace-result__clear" onPress={onClear}>
          Clear trace
        </Button>
      </div>
      <ol className="trace-steps" aria-label="Activities">
        {trace.activities.map((a) => (
          <ActivityStep key={a.activityId} step={a} />
        ))}
      </ol>
    </div>
  );
}

function ActivityStep({ step }: { step: ActivityTrace }) {
  return (
    <li className={`trace-step trace-step--${step.status}`}>
      <div className="trace-step__head">
        <span className="trace-step__label">{step.label || step.type}</span>
        <span className={`trace-chip trace-chip--${step.status}`}>{statusWords[step.status]}</span>
      </div>
      <p className="trace-step__reason">{step.reason}</p>
      <StepDetails step={step} of={step.label} />
      {step.linked && step.linked.records.length > 0 && (
        <ul className="trace-linked" aria-label={`Linked ${step.linked.dimension} at ${step.label}`}>
          {step.linked.records.map((r) => (
            <li key={r.key} className={`trace-linked__record trace-step--${r.status}`}>
              <div className="trace-step__head">
                <span className="trace-linked__name">
                  {step.linked!.dimension} {r.key}
                  {r.name && <span className="trace-linked__display"> · {r.name}</span>}
                </span>
                <span className={`trace-chip trace-chip--${r.status}`}>{statusWords[r.status]}</span>
              </div>
              <p className="trace-step__reason">{r.reason}</p>
              <StepDetails step={r} of={`${step.label}, ${step.linked!.dimension} ${r.key}`} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A rule's conditions, the inbound sets, a channel's verdict and events: for the traced record or a linked one. */
function StepDetails({ step, of }: { step: Omit<LinkedRecordTrace, 'key' | 'name'>; of: string }) {
  return (
    <>
      {step.rules?.map((r) => (
        <table key={r.title} className="trace-rule">
          <caption>
            {r.title} ({r.combinator.toUpperCase()}): {r.value === null ? 'not tested' : r.value ? 'holds' : 'does not hold'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {r.conditions.map((c, i) => (
              <tr key={i} className={c.decided ? 'trace-rule__decided' : undefined}>
                <td>{c.label}</td>
                <td>
                  {valueText(c)}
                  {c.decided && <span className="trace-rule__mark"> · decided</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {step.inputs && (
        <ul className="trace-step__list" aria-label="Inbound sets">
          {step.inputs.map((i) => (
            <li key={i.transitionId}>
              {i.held ? 'Held by' : 'Not in'} {i.from}
            </li>
          ))}
        </ul>
      )}
      {step.eligibility && (
        <p className="trace-step__detail">
          Eligibility: {step.eligibility.label}
          {step.eligibility.address ? ` (${step.eligibility.address})` : ''}
        </p>
      )}
      {step.timeline && (
        <ol className="trace-timeline" aria-label={`Events of ${of}`}>
          {step.timeline.length === 0 && <li>No event.</li>}
          {step.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at ?? undefined}>{e.at ? e.at.replace('T', ' ') : '—'}</time> {eventWords[e.event] ?? e.event}
              {e.detail ? ` ${e.detail}` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const valueText = (c: TraceCondition) => (c.value === null ? 'not tested' : c.value ? 'true' : 'false');

const eventWords: Record<string, string> = {
  sent: 'Sent',
  delivered: 'Delivered',
  open: 'Opened',
  click: 'Clicked',
  bounce: 'Bounced',
  unsubscribe: 'Unsubscribed',
  complaint: 'Complained',
  'opt-out': 'Opted out',
};
