import { useMemo } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import { deriveCounts } from '../canvas/counts/derive-counts';
import type { ActivityCount } from '../canvas/counts/count-types';
import { inlineSavedFiltersInDoc } from '../query-modeler/inline-doc-filters';
import { useSavedFilters } from '../query-modeler/useSavedFilters';
import { useCountOutputs } from '../queries/useCountOutputs';
import { useDataset } from '../queries/useDataset';
import { useTransitionCounts } from '../queries/useTransitionCounts';
import { problemsOf } from '../store/selectors';

/**
 * The count of each activity of one version, computed by the same engine query and derived by the
 * same rules as the canvas's badges (deriveCounts), so that a comparison shows the numbers the
 * canvas would show for that version. Undefined until the version's own counts arrive (never the
 * previous version's, kept while computing).
 */
export function useVersionCounts(doc: CampaignDoc | undefined): Record<string, ActivityCount> | undefined {
  const { filters } = useSavedFilters();
  const model = useDataset().data?.model ?? null;
  const engineDoc = useMemo(() => (doc ? inlineSavedFiltersInDoc(doc, filters) : undefined), [doc, filters]);
  const counts = useTransitionCounts(engineDoc);
  const outputs = useCountOutputs(engineDoc);
  return useMemo(() => {
    if (!doc || counts.isLoading || counts.isStale || counts.isFetching) return undefined;
    const byActivity = problemsOf(doc, model).byActivity;
    return deriveCounts(
      doc,
      { counts: counts.counts, errors: counts.errors, skipped: counts.skipped, outputs, stale: false },
      undefined,
      (id) => byActivity.get(id),
    ).activities;
  }, [doc, model, counts.isLoading, counts.isStale, counts.isFetching, counts.counts, counts.errors, counts.skipped, outputs]);
}
