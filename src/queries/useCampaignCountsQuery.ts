import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { useEngineClient } from './EngineClientContext';
import { countsQuery } from './engine-queries';
import { useDataset } from './useDataset';
import { useIsSimulated } from '../simulation/simulation-store';


/**
 * The one counts query of a campaign on the data in use, which `useTransitionCounts` and
 * `useCountOutputs` both read: built in one place so that they always share its key and options
 * (the engine computes once), wait for the data alike and keep the previous counts while an edit is
 * computed. While the campaign is simulated (simulation-store.ts) it is the simulating query.
 * `select` picks what a caller re-renders for (a stable function: `wholeCounts` for all).
 */
export function useCampaignCountsQuery<T>(doc: CampaignDoc | undefined, select: (r: CountsResult) => T) {
  const client = useEngineClient();
  const dataset = useDataset();
  const version = dataset.data?.version ?? '';
  // A simulated campaign's counts come with its simulation: that query replaces the plain one.
  const simulate = useIsSimulated(doc?.id);
  const query = useQuery({
    ...countsQuery(client, version, doc ?? emptyDoc, simulate),
    enabled: doc !== undefined && dataset.data !== undefined,
    placeholderData: keepPreviousData,
    select,
  });
  return { query, dataset, version };
}

/** Selects the whole result of the counts query. */
export const wholeCounts = (r: CountsResult): CountsResult => r;

/** Stands in for the campaign while there is none (the query is then disabled). */
const emptyDoc: CampaignDoc = {
  id: 'none',
  name: 'none',
  description: '',
  schemaVersion: 1,
  activities: [],
  transitions: [],
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
};
