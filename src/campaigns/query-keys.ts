/** React Query keys of campaign data, in one place so that invalidations match reads. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  detail: (id: string) => [...campaignKeys.all, 'detail', id] as const,
  /** Every document at once, for what depends on all campaigns (which saved audiences they write). */
  documents: () => [...campaignKeys.all, 'documents'] as const,
};
