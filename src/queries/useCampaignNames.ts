import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCampaignRepository } from '../campaigns/useCampaignRepository';
import { campaignKeys } from '../campaigns/query-keys';

/**
 * Campaign names by id, to say which campaign saved an audience. Read straight from the repository:
 * the campaign list's query also recovers crash backups, which must not happen while a campaign is
 * being edited.
 */
export function useCampaignNames(): Map<string, string> {
  const repo = useCampaignRepository();
  const query = useQuery({
    queryKey: [...campaignKeys.all, 'names'],
    queryFn: () => repo.list(),
    staleTime: 10_000,
  });
  return useMemo(() => new Map((query.data ?? []).map((c) => [c.id, c.name])), [query.data]);
}
