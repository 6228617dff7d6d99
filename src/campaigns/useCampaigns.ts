import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { onCampaignChangedElsewhere } from './campaign-events';
import type { CampaignDoc } from '../domain/campaign';
import { crashBackup, loadWithRecovery, recoverAll } from './crash-backup';
import { campaignKeys } from './query-keys';
import { useCampaignRepository } from './useCampaignRepository';
import { useLifecycleRepository } from './lifecycle/lifecycle-context';

/** Summaries of every campaign, most recently modified first (after recovering unsaved edits). */
export function useCampaignList() {
  const repo = useCampaignRepository();
  const client = useQueryClient();
  // Another tab saved or deleted a campaign: refresh, so that two open lists agree.
  useEffect(
    () => onCampaignChangedElsewhere(() => void client.invalidateQueries({ queryKey: campaignKeys.list() })),
    [client],
  );
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: async () => {
      await recoverAll(repo, crashBackup);
      return repo.list();
    },
  });
}

/**
 * One campaign document, with edits recovered from a tab closed mid-save. Never refetched in the
 * background: the editor owns the document once it is open, and a refetch would replace edits
 * with the stored copy.
 */
export function useCampaignDoc(id: string) {
  const repo = useCampaignRepository();
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: async () => (await loadWithRecovery(repo, crashBackup, id)) ?? null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Mutations of the campaign list; each refreshes the list when done. */
export function useCampaignMutations() {
  const repo = useCampaignRepository();
  const lifecycles = useLifecycleRepository();
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: campaignKeys.all });
  return {
    create: useMutation({ mutationFn: (name?: string) => repo.create(name), onSettled }),
    createFrom: useMutation({
      mutationFn: ({ doc, name }: { doc: CampaignDoc; name?: string }) => repo.createFrom(doc, name),
      onSettled,
    }),
    rename: useMutation({ mutationFn: ({ id, name }: { id: string; name: string }) => repo.rename(id, name), onSettled }),
    duplicate: useMutation({ mutationFn: (id: string) => repo.duplicate(id), onSettled }),
    // A deleted campaign's versions go with it.
    remove: useMutation({
      mutationFn: async (id: string) => {
        await repo.delete(id);
        await lifecycles.remove(id);
      },
      onSettled,
    }),
  };
}
