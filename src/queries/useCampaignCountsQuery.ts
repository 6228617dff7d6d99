import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { useEngineClient } from './EngineClientContext';
import { countsQuery } from './engine-queries';
import { useDataset } from './useDataset';
import { useIsSimulated } from '../simulation/simulation-store';
import { datasetIdOf, keptCounts, keptCountsKey } from './kept-counts';

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
  // Counts kept at an earlier visit for this very data, campaign and build are exact: shown at
  // once, before the engine has opened the data, and not computed again (see kept-counts.ts).
  const keyOfKept = doc && !simulate ? keptCountsKey(dataset.data?.id ?? datasetIdOf(client.dataSource), doc) : undefined;
  const kept = useQuery({
    queryKey: ['kept-counts', keyOfKept ?? ''],
    queryFn: async () => (await keptCounts().get(keyOfKept!)) ?? null,
    enabled: keyOfKept !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  const keptResult = keyOfKept !== undefined ? (kept.data ?? undefined) : undefined;
  const keptSettled = keyOfKept === undefined || kept.isFetched;
  // Until the data is known, the kept counts have a cache entry of their own; once it is, they are
  // the first data of the data's entry, which the engine then does not compute.
  const entryVersion = dataset.data ? version : keptResult ? 'kept' : '';
  const query = useQuery({
    ...countsQuery(client, entryVersion, doc ?? emptyDoc, simulate, keyOfKept === undefined ? undefined : { key: keyOfKept, store: keptCounts() }),
    enabled: doc !== undefined && dataset.data !== undefined && keptSettled,
    ...(keptResult ? { initialData: keptResult } : {}),
    placeholderData: keepPreviousData,
    select,
  });
  /** The counts shown are kept ones of this campaign, while the engine still opens the data. */
  const fromKept = dataset.data === undefined && keptResult !== undefined && !query.isPlaceholderData;
  return { query, dataset, version, fromKept };
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
