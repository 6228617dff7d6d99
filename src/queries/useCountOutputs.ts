import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { useCampaignCountsQuery } from './useCampaignCountsQuery';

const none: Record<string, Record<string, number>> = {};
const outputsOf = (r: CountsResult) => r.outputs ?? none;

/**
 * Records per output port of each computed activity, from the same counts query as
 * `useTransitionCounts` (same key, so it never computes twice). Outputs without a transition, and
 * the records an activity sends on, are read here.
 */
export function useCountOutputs(doc: CampaignDoc | undefined): Record<string, Record<string, number>> {
  const { query } = useCampaignCountsQuery(doc, outputsOf);
  return query.data ?? none;
}
