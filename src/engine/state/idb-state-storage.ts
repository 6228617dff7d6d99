import { promisifyRequest } from 'idb-keyval';
import { lazyDatabase } from '../../storage/idb-database';
import type { DatasetStateRecord, StateStorage } from './state-storage';
import { audienceKeysId, withAudience, withoutAudience, withoutRuns, withRun } from './state-storage';

const DB_NAME = 'campaign-canvas-engine-state';
const DB_VERSION = 1;
/** One record per dataset: its saved audiences' entries and its run history. */
const DATASETS = 'datasets';
/** Keys of each saved audience (Arrow IPC bytes), by dataset and name. */
const AUDIENCE_KEYS = 'audience-keys';

/**
 * IndexedDB storage of the engine's state, opened from the engine worker. One database with two
 * object stores, so that an audience's entry and its keys are written in one transaction and a
 * crash between them cannot leave an entry without keys.
 */
export function createIdbStateStorage(): StateStorage {
  const open = lazyDatabase(DB_NAME, DB_VERSION, [DATASETS, AUDIENCE_KEYS]);

  /** Reads a dataset's record and writes back `change(record)`, in one transaction. */
  const update = async (
    datasetId: string,
    change: (r: DatasetStateRecord | undefined) => DatasetStateRecord,
    keys?: { id: string; bytes: Uint8Array },
  ) => {
    const tx = (await open()).transaction([DATASETS, AUDIENCE_KEYS], 'readwrite');
    const datasets = tx.objectStore(DATASETS);
    const current = (await promisifyRequest(datasets.get(datasetId))) as DatasetStateRecord | undefined;
    datasets.put(change(current), datasetId);
    if (keys) tx.objectStore(AUDIENCE_KEYS).put(keys.bytes, keys.id);
    await promisifyRequest(tx);
  };

  /**
   * Takes something out of a dataset's record in one transaction (and the keys `keysId`, when
   * given): the record becomes `change(record)`, or goes when that is undefined. Returns
   * `removed(before, after)`, 0 when there was no record.
   */
  const remove = async (
    datasetId: string,
    change: (r: DatasetStateRecord) => DatasetStateRecord | undefined,
    removed: (before: DatasetStateRecord, after: DatasetStateRecord | undefined) => number,
    keysId?: string,
  ): Promise<number> => {
    const tx = (await open()).transaction([DATASETS, AUDIENCE_KEYS], 'readwrite');
    const datasets = tx.objectStore(DATASETS);
    const current = (await promisifyRequest(datasets.get(datasetId))) as DatasetStateRecord | undefined;
    let n = 0;
    if (current) {
      const next = change(current);
      n = removed(current, next);
      if (next === undefined) datasets.delete(datasetId);
      else if (n > 0) datasets.put(next, datasetId);
    }
    if (keysId !== undefined) tx.objectStore(AUDIENCE_KEYS).delete(keysId);
    await promisifyRequest(tx);
    return n;
  };

  return {
    records: async () =>
      (await promisifyRequest(
        (await open()).transaction(DATASETS).objectStore(DATASETS).getAll(),
      )) as DatasetStateRecord[],
    record: async (id) =>
      (await promisifyRequest((await open()).transaction(DATASETS).objectStore(DATASETS).get(id))) as
        DatasetStateRecord | undefined,
    audienceKeys: async (id, name) => {
      const value: unknown = await promisifyRequest(
        (await open()).transaction(AUDIENCE_KEYS).objectStore(AUDIENCE_KEYS).get(audienceKeysId(id, name)),
      );
      return value instanceof Uint8Array ? value : undefined;
    },
    putAudience: (id, label, audience, bytes) =>
      update(
        id,
        (r) => withAudience(r, id, label, audience, bytes?.length),
        bytes && { id: audienceKeysId(id, audience.name), bytes },
      ),
    putRun: (id, label, run) => update(id, (r) => withRun(r, id, label, run)),
    deleteAudience: (id, name) =>
      remove(
        id,
        (r) => (r.audiences.some((a) => a.name === name) ? withoutAudience(r, name) : r),
        (before, after) => (before.audiences.length === (after?.audiences.length ?? 0) ? 0 : 1),
        audienceKeysId(id, name),
      ).then((n) => n > 0),
    clearRuns: (id, campaignId) =>
      remove(
        id,
        (r) => withoutRuns(r, campaignId),
        (before, after) => before.runs.length - (after?.runs.length ?? 0),
      ),
  };
}
