import type { RunRecord, SavedAudienceInfo } from './engine-store';

/** A saved audience as it is kept between sessions: its catalogue entry, without its keys. */
export interface PersistedAudience extends Omit<SavedAudienceInfo, 'relation'> {
  /** Column of the keys (the dimension's primary key). */
  keyColumn: string;
  /** Content fingerprint: unchanged records are not rewritten. */
  fingerprint: string;
  /** Bytes its keys take in the storage (absent on entries kept before sizes were noted). */
  bytes?: number;
}

/**
 * What is kept for one dataset. Saved audiences and run marks are only valid for the data they
 * were computed on, so everything is filed under the dataset's id (`sample-100000-42`,
 * `import-<hash>`) and restored only when that same data is loaded again.
 */
export interface DatasetStateRecord {
  datasetId: string;
  /** How a person recognises the data, e.g. "Sample data, 100,000 profiles". */
  datasetLabel: string;
  audiences: PersistedAudience[];
  /** Every recorded run on this data, oldest first, all campaigns. */
  runs: RunRecord[];
}

/**
 * Where saved audiences and the run history live between sessions (IndexedDB in the browser,
 * memory in tests). Keys are stored compactly, as Arrow IPC stream bytes of one column.
 */
export interface StateStorage {
  /** Every dataset's record, without audience keys. */
  records(): Promise<DatasetStateRecord[]>;
  record(datasetId: string): Promise<DatasetStateRecord | undefined>;
  /** Keys of a saved audience as Arrow IPC stream bytes, when stored. */
  audienceKeys(datasetId: string, name: string): Promise<Uint8Array | undefined>;
  /** Writes an audience's entry, and its keys when given (unchanged records keep theirs), together. */
  putAudience(
    datasetId: string,
    datasetLabel: string,
    audience: PersistedAudience,
    keys: Uint8Array | undefined,
  ): Promise<void>;
  /** Appends a run to the dataset's history. */
  putRun(datasetId: string, datasetLabel: string, run: RunRecord): Promise<void>;
  /**
   * Removes a saved audience's entry and its keys, together; whether there was one. A dataset left
   * with neither audiences nor runs has its record removed too.
   */
  deleteAudience(datasetId: string, name: string): Promise<boolean>;
  /** Removes every run of a campaign from the dataset's history; how many there were. */
  clearRuns(datasetId: string, campaignId: string): Promise<number>;
}

function emptyRecord(datasetId: string, datasetLabel: string): DatasetStateRecord {
  return { datasetId, datasetLabel, audiences: [], runs: [] };
}

/**
 * Adds or replaces an audience entry in a record (by name), noting the size of its keys when they
 * are written (`keyBytes`); an entry written without keys keeps the size of the keys it keeps.
 */
export function withAudience(
  record: DatasetStateRecord | undefined,
  datasetId: string,
  datasetLabel: string,
  audience: PersistedAudience,
  keyBytes?: number,
): DatasetStateRecord {
  const base = record ?? emptyRecord(datasetId, datasetLabel);
  const bytes = keyBytes ?? base.audiences.find((a) => a.name === audience.name)?.bytes;
  return {
    ...base,
    datasetLabel,
    audiences: [
      ...base.audiences.filter((a) => a.name !== audience.name),
      bytes === undefined ? audience : { ...audience, bytes },
    ],
  };
}

/** Appends a run to a record. */
export function withRun(
  record: DatasetStateRecord | undefined,
  datasetId: string,
  datasetLabel: string,
  run: RunRecord,
): DatasetStateRecord {
  const base = record ?? emptyRecord(datasetId, datasetLabel);
  return { ...base, datasetLabel, runs: [...base.runs, run] };
}

/** A record without the audience `name` (undefined when nothing else is left in it). */
export function withoutAudience(record: DatasetStateRecord, name: string): DatasetStateRecord | undefined {
  return nonEmpty({ ...record, audiences: record.audiences.filter((a) => a.name !== name) });
}

/** A record without the runs of `campaignId` (undefined when nothing else is left in it). */
export function withoutRuns(record: DatasetStateRecord, campaignId: string): DatasetStateRecord | undefined {
  return nonEmpty({ ...record, runs: record.runs.filter((r) => r.campaignId !== campaignId) });
}

function nonEmpty(record: DatasetStateRecord): DatasetStateRecord | undefined {
  return record.audiences.length === 0 && record.runs.length === 0 ? undefined : record;
}

/** Key of an audience's keys: the dataset and the audience name. */
export function audienceKeysId(datasetId: string, name: string): string {
  return `${datasetId}\u0000${name}`;
}

/** Storage in memory (tests, and where IndexedDB is unavailable). Values are copied, as IndexedDB does. */
export function createMemoryStateStorage(): StateStorage {
  const records = new Map<string, DatasetStateRecord>();
  const keys = new Map<string, Uint8Array>();
  return {
    records: async () => [...records.values()].map((r) => structuredClone(r)),
    record: async (id) => structuredClone(records.get(id)),
    audienceKeys: async (id, name) => {
      const k = keys.get(audienceKeysId(id, name));
      return k && k.slice();
    },
    putAudience: async (id, label, audience, bytes) => {
      records.set(id, structuredClone(withAudience(records.get(id), id, label, audience, bytes?.length)));
      if (bytes) keys.set(audienceKeysId(id, audience.name), bytes.slice());
    },
    putRun: async (id, label, run) => {
      records.set(id, structuredClone(withRun(records.get(id), id, label, run)));
    },
    deleteAudience: async (id, name) => {
      const record = records.get(id);
      const had = record?.audiences.some((a) => a.name === name) ?? false;
      keys.delete(audienceKeysId(id, name));
      if (!record || !had) return false;
      const rest = withoutAudience(record, name);
      if (rest) records.set(id, rest);
      else records.delete(id);
      return true;
    },
    clearRuns: async (id, campaignId) => {
      const record = records.get(id);
      const n = record?.runs.filter((r) => r.campaignId === campaignId).length ?? 0;
      if (!record || n === 0) return 0;
      const rest = withoutRuns(record, campaignId);
      if (rest) records.set(id, rest);
      else records.delete(id);
      return n;
    },
  };
}
