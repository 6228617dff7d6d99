import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignLifecycle } from '../../domain/lifecycle/versions';
import type { CampaignStatus } from '../../domain/lifecycle/status';
import { announceCampaignSaved, onCampaignChangedElsewhere } from '../campaign-events';
import { campaignKeys } from '../query-keys';
import { useLifecycleRepository } from './lifecycle-context';

export const lifecycleKeys = {
  one: (id: string) => [...campaignKeys.all, 'lifecycle', id] as const,
  /** Under the list's key: whatever refreshes the list refreshes the statuses it shows. */
  statuses: () => [...campaignKeys.list(), 'statuses'] as const,
};

/** One campaign's status and versions; refreshed when another tab changes them. */
export function useLifecycle(campaignId: string) {
  const repo = useLifecycleRepository();
  const client = useQueryClient();
  useEffect(
    () =>
      onCampaignChangedElsewhere((change) => {
        if (change.id === campaignId) void client.invalidateQueries({ queryKey: lifecycleKeys.one(campaignId) });
      }),
    [client, campaignId],
  );
  return useQuery({
    queryKey: lifecycleKeys.one(campaignId),
    queryFn: () => repo.load(campaignId),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * The status of each listed campaign. A lifecycle that cannot be read is left out (the campaign
 * shows no badge) rather than hiding the whole list: opening the campaign says what is wrong.
 */
export function useCampaignStatuses(ids: readonly string[] | undefined) {
  const repo = useLifecycleRepository();
  return useQuery({
    queryKey: [...lifecycleKeys.statuses(), ...(ids ?? [])],
    enabled: ids !== undefined,
    queryFn: async () => {
      const statuses = new Map<string, CampaignStatus>();
      await Promise.all(
        (ids ?? []).map(async (id) => {
          try {
            statuses.set(id, (await repo.load(id)).status);
          } catch {
            // Unreadable: no badge; the editor tells what is wrong.
          }
        }),
      );
      return statuses;
    },
  });
}

/** Writes a campaign's lifecycle after a step (publish, pause, a new draft…) and tells other tabs. */
export function useSaveLifecycle() {
  const repo = useLifecycleRepository();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, lifecycle }: { id: string; lifecycle: CampaignLifecycle }) => {
      await repo.save(id, lifecycle);
      return lifecycle;
    },
    onSuccess: (lifecycle, { id }) => {
      client.setQueryData(lifecycleKeys.one(id), lifecycle);
      announceCampaignSaved(id);
    },
    onSettled: () => client.invalidateQueries({ queryKey: lifecycleKeys.statuses() }),
  });
}
