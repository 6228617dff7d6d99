import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { useEngineClient } from './EngineClientContext';
import { countsQuery } from './engine-queries';
import { useDataset } from './useDataset';

const none: Record<string, Record<string, number>> = {};

/**
 * Records per output port of each computed activity, from the same counts query as
 * `useTransitionCounts` (same key, so it never computes twice). Outputs without a transition, and
 * the records an activity sends on, are read here.
 */
export function useCountOutputs(doc: CampaignDoc | undefined): Record<string, Record<string, number>> {
  const client = useEngineClient();
  const dataset = useDataset();
  const query = useQuery({
    ...countsQuery(client, dataset.data?.version ?? '', doc ?? emptyDoc),
    enabled: doc !== undefined && dataset.data !== undefined,
    placeholderData: keepPreviousData,
    select: (r) => r.outputs ?? none,
  });
  return query.data ?? none;
}

const emptyDoc: CampaignDoc = {
  id: 'none',
  name: 'none',
  description: '',
  schemaVersion: 1,
  activities: [],
  transitions: [],
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
};
