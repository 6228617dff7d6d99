import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { SavedAudienceEntry } from '../engine/protocol';
import { useDeleteSavedAudience, useSavedAudiences } from '../queries/useEngineState';
import { formatBytes } from '../ui/format-bytes';
import { campaignKeys } from './query-keys';
import { useCampaignRepository } from './useCampaignRepository';
import { audiencesLeftBy, orphanAudiences, readersOf } from './orphan-audiences';

export interface CampaignDocuments {
  docs: CampaignDoc[];
  /** Names of stored campaigns that could not be read: what they write is unknown. */
  unreadable: string[];
}

/**
 * Every stored campaign document, read afresh whenever shown: which audiences the campaigns write
 * changes with any edit, in this tab or another.
 */
export function useCampaignDocuments() {
  const repo = useCampaignRepository();
  return useQuery({
    queryKey: campaignKeys.documents(),
    queryFn: async (): Promise<CampaignDocuments> => {
      const docs: CampaignDoc[] = [];
      const unreadable: string[] = [];
      for (const s of await repo.list()) {
        try {
          const doc = await repo.get(s.id);
          if (doc) docs.push(doc);
        } catch {
          unreadable.push(s.name);
        }
      }
      return { docs, unreadable };
    },
    staleTime: 0,
  });
}

export interface OrphanAudiences {
  /** Known once both the saved audiences and the campaigns are read, and every campaign could be. */
  orphans: SavedAudienceEntry[] | undefined;
  /** Why orphans cannot be told, when they cannot. */
  problem?: string;
  /** Names of the campaigns (other than `except`) whose Build audience reads an audience. */
  readers: (name: string, except?: string) => string[];
  /** The saved audiences deleting a campaign would leave without a writer. */
  leftBy: (campaignId: string) => SavedAudienceEntry[] | undefined;
}

/**
 * Saved audiences no campaign writes any more, from the campaign documents and the saved audiences
 * this browser keeps. While a campaign cannot be read none is called an orphan: it may write them.
 */
export function useOrphanAudiences(options: { enabled?: boolean } = {}): OrphanAudiences {
  const saved = useSavedAudiences(options);
  const campaigns = useCampaignDocuments();
  return useMemo(() => {
    const docs = campaigns.data?.docs ?? [];
    const names = new Map(docs.map((d) => [d.id, d.name]));
    const readers = (name: string, except?: string) => readersOf(name, docs, except).map((id) => names.get(id) ?? id);
    const unreadable = campaigns.data?.unreadable ?? [];
    if (!saved.data || !campaigns.data) return { orphans: undefined, readers, leftBy: () => undefined };
    if (unreadable.length > 0)
      return {
        orphans: undefined,
        problem: `Audiences no campaign writes cannot be told while ${unreadable.map((n) => `“${n}”`).join(', ')} cannot be read.`,
        readers,
        leftBy: () => undefined,
      };
    const audiences = saved.data.audiences;
    return { orphans: orphanAudiences(audiences, docs), readers, leftBy: (id: string) => audiencesLeftBy(id, audiences, docs) };
  }, [saved.data, campaigns.data]);
}

/** Total size of some saved audiences, as "1.2 MB" (entries of unknown size count nothing). */
export function totalSize(audiences: readonly SavedAudienceEntry[]): string {
  return formatBytes(audiences.reduce((sum, a) => sum + (a.bytes ?? 0), 0));
}

/** Deletes saved audiences one after the other; answers those that could not be deleted, with why. */
export function useDeleteSavedAudiences() {
  const remove = useDeleteSavedAudience();
  return async (audiences: readonly SavedAudienceEntry[]): Promise<string[]> => {
    const failed: string[] = [];
    for (const a of audiences) {
      try {
        await remove.mutateAsync({ datasetId: a.datasetId, name: a.name });
      } catch (e) {
        failed.push(`“${a.name}”: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return failed;
  };
}
