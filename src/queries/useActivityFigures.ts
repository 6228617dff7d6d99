import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { byId } from '../domain/ids';
import { useCampaignCountsQuery } from './useCampaignCountsQuery';

const none: Record<string, Record<string, number>> = {};
const figuresOf = (r: CountsResult) => r.figures ?? none;

/**
 * The figures of one activity (a channel's targeted, excluded by reason, to send), from the same
 * counts query as the transition counts (same key: nothing computes twice). `stale` while an edit
 * is recounted: the figures shown are the previous ones.
 */
export function useActivityFigures(doc: CampaignDoc | undefined, activityId: string): { figures: Record<string, number> | undefined; stale: boolean } {
  const { query } = useCampaignCountsQuery(doc, figuresOf);
  return { figures: query.data ? byId(query.data, activityId) : undefined, stale: query.isPlaceholderData };
}
