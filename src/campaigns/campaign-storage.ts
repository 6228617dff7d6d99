import type { CampaignSummary } from './campaign-summary';

/**
 * Where campaigns live. Two key spaces keyed by campaign id: summaries (read by the list) and
 * documents (read when a campaign opens). Writes touch both together.
 */
export interface CampaignStorage {
  listSummaries(): Promise<CampaignSummary[]>;
  /** The raw stored document; the repository validates it before anyone uses it. */
  getDocument(id: string): Promise<unknown>;
  putCampaign(summary: CampaignSummary, doc: unknown): Promise<void>;
  deleteCampaign(id: string): Promise<void>;
}

/**
 * Storage in memory, for tests and as a fallback where IndexedDB is unavailable. Values are
 * cloned on the way in and out, as IndexedDB does, so callers cannot mutate what is stored.
 */
export function createMemoryStorage(): CampaignStorage {
  const summaries = new Map<string, CampaignSummary>();
  const documents = new Map<string, unknown>();
  return {
    listSummaries: async () => [...summaries.values()].map((s) => structuredClone(s)),
    getDocument: async (id) => structuredClone(documents.get(id)),
    putCampaign: async (summary, doc) => {
      documents.set(summary.id, structuredClone(doc));
      summaries.set(summary.id, structuredClone(summary));
    },
    deleteCampaign: async (id) => {
      documents.delete(id);
      summaries.delete(id);
    },
  };
}
