import { useEffect, useRef } from 'react';
import { useCountOutputs } from '../../queries/useCountOutputs';
import { useCountFigures } from '../../queries/useCountFigures';
import { useDataset } from '../../queries/useDataset';
import { useTransitionCounts } from '../../queries/useTransitionCounts';
import { useEngineHealth } from '../../queries/useEngineHealth';
import { problemsOf } from '../../store/selectors';
import { useEditorStore } from '../../store/useEditorStore';
import { useEngineDoc } from '../../query-modeler/useEngineDoc';
import type { CountsPhase } from './count-types';
import type { CountsStore } from './counts-store';
import { deriveCounts, type CountsSnapshot, type DerivedCounts } from './derive-counts';
import { engineProblems } from './engine-messages';
import type { Problem } from '../../domain/problems';

/**
 * Runs the campaign's counts query (once per open campaign) on the editor's document and writes
 * the results into `store`, one entry per id. Moving nodes changes the document but not the counts
 * query's key, so it recomputes nothing and every entry keeps its identity.
 */
export function useCountsSync(store: CountsStore): void {
  const doc = useEditorStore((s) => s.doc);
  const model = useEditorStore((s) => s.dataModel);
  // The engine sees linked saved filters as the rules they name.
  const engineDoc = useEngineDoc();
  const counts = useTransitionCounts(engineDoc);
  const outputs = useCountOutputs(engineDoc);
  const { figures, simulated } = useCountFigures(engineDoc);
  const dataset = useDataset();
  const health = useEngineHealth();
  const derived = useRef<DerivedCounts | undefined>(undefined);

  // A stopped engine is said first: until it is back, nothing else about counts is true.
  const phase: CountsPhase =
    health.state === 'restarting'
      ? health.retrying
        ? 'reconnecting'
        : 'restarting'
      : health.state === 'failed'
        ? 'failed'
        : dataset.isPending && !counts.isKept
          ? 'loading-data'
          : counts.error
            ? 'failed'
            : counts.isLoading || counts.isFetching
              ? 'computing'
              : doc.activities.length === 0
                ? 'idle'
                : 'up-to-date';

  useEffect(() => {
    const snapshot: CountsSnapshot | undefined = counts.isLoading
      ? undefined
      : { counts: counts.counts, errors: counts.errors, skipped: counts.skipped, outputs, stale: counts.isStale };
    // An engine error the activity's own problems explain is told by them, not again by the engine.
    const validation = problemsOf(doc, model).byActivity;
    const problemsOfActivity = (id: string) => validation.get(id);
    derived.current = deriveCounts(doc, snapshot, derived.current, problemsOfActivity);
    const previous = store.getState();
    store.setState({
      ...derived.current,
      phase,
      figures,
      simulated,
      failure: health.state === 'running' ? counts.error?.message : health.reason,
      problems: sameProblems(previous.problems, engineProblems(counts.errors, problemsOfActivity)),
    });
  }, [store, doc, model, counts.counts, counts.errors, counts.skipped, counts.isLoading, counts.isStale, counts.error, outputs, figures, simulated, phase, health]);

  useMilestones(phase, dataset.data !== undefined);
}

function sameProblems(previous: readonly Problem[], next: Problem[]): readonly Problem[] {
  const same = previous.length === next.length && previous.every((p, i) => p.activityId === next[i]!.activityId && p.message === next[i]!.message);
  return same ? previous : next;
}

/**
 * Performance marks at the first engine-ready and first counts-ready moments of the page, read by
 * the benchmark (`cc:engine-ready`, `cc:counts-ready`). Marks cost nothing and change no behaviour.
 */
function useMilestones(phase: CountsPhase, dataLoaded: boolean): void {
  useEffect(() => {
    // Counts kept from an earlier visit show before the engine has the data: it is ready once it has.
    if (phase !== 'loading-data' && dataLoaded) markOnce('cc:engine-ready');
    if (phase === 'up-to-date') markOnce('cc:counts-ready');
  }, [phase, dataLoaded]);
}

function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
