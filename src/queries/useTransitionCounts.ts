import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { SkipReason } from '../engine/compile/compile-campaign';
import { engineKeys } from './engine-queries';
import { useCampaignCountsQuery, wholeCounts } from './useCampaignCountsQuery';

export interface TransitionCounts {
  /** Exact count per transition id; absent while unknown or when the transition carries nothing. */
  counts: Record<string, number>;
  /** Why an activity could not compute, per activity id. */
  errors: Record<string, string>;
  /** Why an activity produced nothing without an error (disabled, upstream, not computed yet). */
  skipped: Record<string, SkipReason>;
  /** True until the first counts of this campaign arrive (engine starting, data loading). */
  isLoading: boolean;
  /** True while counts for the latest edit are being computed (the previous ones stay shown). */
  isFetching: boolean;
  /** The counts shown are those of an earlier version of the campaign. */
  isStale: boolean;
  /** The engine itself failed (not an activity's problem). */
  error: Error | null;
  /**
   * The counts are those kept at an earlier visit for this data, campaign and build: exact, shown
   * while the engine still opens the data.
   */
  isKept: boolean;
}

/**
 * Counts of every transition of `doc`, following its edits. While an edit is computed the previous
 * counts stay shown (`isStale`); only activities, configurations and transitions matter, so moving
 * nodes does not recompute.
 */
export function useTransitionCounts(doc: CampaignDoc | undefined): TransitionCounts {
  const { query, dataset, version, fromKept } = useCampaignCountsQuery(doc, wholeCounts);
  const data = query.data;
  // A computation may have written saved audiences: lists of them that are on screen read them again.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (data) void queryClient.invalidateQueries({ queryKey: engineKeys.savedAudiences(version) });
  }, [data, queryClient, version]);
  return {
    counts: data?.counts ?? {},
    errors: data?.errors ?? {},
    skipped: data?.skipped ?? {},
    isLoading: data === undefined && (query.isPending || dataset.isPending),
    isFetching: query.isFetching || (dataset.isPending && !fromKept),
    isStale: query.isPlaceholderData,
    error: (dataset.error ?? (query.error?.name === 'AbortError' ? null : query.error)) || null,
    isKept: fromKept,
  };
}

