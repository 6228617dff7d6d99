import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConditionGroup } from '../domain/rule';
import { idbSavedFilterStore, saveFilter, usableSavedFilters, type SavedFilter, type SavedFilterStore } from './saved-filters';

const store: SavedFilterStore = idbSavedFilterStore();
const key = ['saved-filters'] as const;
const none: SavedFilter[] = [];
const noProblems: string[] = [];

/**
 * Saved filters (all entities) that can be used, why any stored one is left out, and mutations to
 * save and delete them.
 */
export function useSavedFilters() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: async () => usableSavedFilters(await store.list()), staleTime: 30_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: (input: { name: string; entity: string; rule: ConditionGroup }) => saveFilter(store, input.name, input.entity, input.rule),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => store.remove(id), onSuccess: refresh });
  return { filters: query.data?.filters ?? none, problems: query.data?.problems ?? noProblems, isLoading: query.isPending, save, remove };
}
