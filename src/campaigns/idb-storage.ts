import { get, promisifyRequest, values, type UseStore } from 'idb-keyval';
import { lazyDatabase } from '../storage/idb-database';
import type { CampaignStorage } from './campaign-storage';
import type { CampaignSummary } from './campaign-summary';

const DB_NAME = 'campaign-canvas-campaigns';
const DB_VERSION = 1;
const SUMMARIES = 'summaries';
const DOCUMENTS = 'documents';

/**
 * IndexedDB storage: one database with two object stores, so that a summary and its document are
 * written in one transaction (idb-keyval's createStore makes one database per store, which would
 * leave the two out of step after a crash between the writes).
 */
export function createIdbStorage(): CampaignStorage {
  const open = lazyDatabase(DB_NAME, DB_VERSION, [SUMMARIES, DOCUMENTS]);
  const storeOf =
    (name: string): UseStore =>
    (mode, callback) =>
      open().then((d) => callback(d.transaction(name, mode).objectStore(name)));
  const summaries = storeOf(SUMMARIES);
  const documents = storeOf(DOCUMENTS);

  return {
    listSummaries: () => values<CampaignSummary>(summaries),
    getDocument: (id) => get(id, documents),
    putCampaign: async (summary, doc) => {
      const tx = (await open()).transaction([SUMMARIES, DOCUMENTS], 'readwrite');
      tx.objectStore(DOCUMENTS).put(doc, summary.id);
      tx.objectStore(SUMMARIES).put(summary, summary.id);
      await promisifyRequest(tx);
    },
    deleteCampaign: async (id) => {
      const tx = (await open()).transaction([SUMMARIES, DOCUMENTS], 'readwrite');
      tx.objectStore(DOCUMENTS).delete(id);
      tx.objectStore(SUMMARIES).delete(id);
      await promisifyRequest(tx);
    },
  };
}
