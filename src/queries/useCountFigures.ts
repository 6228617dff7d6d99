import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { useCampaignCountsQuery } from './useCampaignCountsQuery';

export interface CountFigures {
  /** Figures per activity id, by name (a channel's targeted, to-send; sent, delivered... when simulated). */
  figures: Record<string, Record<string, number>>;
  /** Whether the figures come with a delivery simulation. */
  simulated: boolean;
}

const none: CountFigures = { figures: {}, simulated: false };
const figuresOf = (r: CountsResult): CountFigures => ({ figures: r.figures ?? none.figures, simulated: r.simulated === true });

/** Activities' figures, from the same counts query as `useTransitionCounts` (it never computes twice). */
export function useCountFigures(doc: CampaignDoc | undefined): CountFigures {
  const { query } = useCampaignCountsQuery(doc, figuresOf);
  return query.data ?? none;
}
