import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { RecordedRun, SavedAudiences } from '../engine/protocol';
import { useEngineClient } from './EngineClientContext';
import { dependsOnEngineState, runsQuery, savedAudiencesQuery } from './engine-queries';
import { useDataset } from './useDataset';

/** The recorded runs of a campaign on the data in use, oldest first. */
export function useRuns(campaignId: string) {
  const client = useEngineClient();
  const dataset = useDataset();
  const version = dataset.data?.version ?? '';
  return useQuery({ ...runsQuery(client, version, campaignId), enabled: dataset.data !== undefined });
}

/**
 * Every saved audience kept in this browser, with the data it belongs to. `enabled: false` leaves
 * the engine alone until it is wanted (it starts with its first request).
 */
export function useSavedAudiences(options: { enabled?: boolean } = {}) {
  const client = useEngineClient();
  const dataset = useDataset(options);
  const version = dataset.data?.version ?? '';
  return useQuery({ ...savedAudiencesQuery(client, version), enabled: options.enabled !== false && dataset.data !== undefined });
}

/**
 * Records a run of the campaign as of now. Afterwards counts, previews and code views are
 * recomputed (an Incremental query now returns only newer records), and the run history and saved
 * audiences are read again.
 */
export function useRecordRun() {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  return useMutation<RecordedRun, Error, CampaignDoc>({
    mutationFn: (doc) => client.recordRun(doc),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => dependsOnEngineState(q.queryKey) }),
  });
}

/**
 * Deletes a saved audience (of any data the list shows). Afterwards the list and everything that
 * may read the audience (counts of a Build audience, previews, code views) are read again.
 */
export function useDeleteSavedAudience() {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  return useMutation<SavedAudiences, Error, { datasetId: string; name: string }>({
    mutationFn: ({ datasetId, name }) => client.deleteSavedAudience(datasetId, name),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => dependsOnEngineState(q.queryKey) }),
  });
}

/**
 * Clears the run history of a campaign on the data in use. Afterwards its incremental queries count
 * every matching record again: counts, previews and the run history are read again.
 */
export function useClearRuns() {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  return useMutation<{ removed: number }, Error, string>({
    mutationFn: (campaignId) => client.clearRuns(campaignId),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => dependsOnEngineState(q.queryKey) }),
  });
}
