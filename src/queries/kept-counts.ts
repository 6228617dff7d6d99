import { promisifyRequest } from 'idb-keyval';
import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import type { DataSource } from '../engine/protocol';
import { sampleDatasetId } from '../engine/data/dataset';
import { ENGINE_BUILD } from '../engine/kept/kept-keys';
import { lazyDatabase } from '../storage/idb-database';
import { campaignComputeKey, readsSavedAudiences } from './engine-queries';

/**
 * The last counts of each campaign, kept in the browser (IndexedDB) so that a new visit shows them
 * at once, before the engine has opened its data. A count is a function of the data (its id names
 * its content), of what the campaign computes (campaignComputeKey) and of the code that computes it
 * (the build): those three name the entry, so an entry is read only when all three match, and a
 * changed dataset, campaign or app never shows a kept count as current.
 */

/**
 * The key of a campaign's kept counts on dataset `datasetId`; undefined when its counts follow from
 * more than these (what other campaigns save, or the history of runs), which are then not kept.
 */
export function keptCountsKey(datasetId: string | undefined, doc: CampaignDoc, build: string = ENGINE_BUILD): string | undefined {
  if (datasetId === undefined || readsSavedAudiences(doc) || readsRunHistory(doc)) return undefined;
  return `${build}\u0000${datasetId}\u0000${campaignComputeKey(doc)}`;
}

/** An Incremental query counts the records newer than the campaign's last recorded run. */
function readsRunHistory(doc: Pick<CampaignDoc, 'activities'>): boolean {
  return doc.activities.some((a) => a.type === 'incremental-query');
}

/**
 * Whether a result may be kept: complete (not replaced by a newer request), without a simulation
 * and without errors (an error may be passing, such as a table that failed to load).
 */
export function keepableCounts(result: CountsResult): boolean {
  return !result.superseded && result.simulated !== true && Object.keys(result.errors).length === 0;
}

/**
 * The id of the data a source loads, when it is known before loading (the sample's); none for a
 * server's own data, known once it answers.
 */
export function datasetIdOf(source: DataSource | null): string | undefined {
  return source?.kind === 'sample' ? sampleDatasetId(source.profiles, source.seed) : undefined;
}

/** Where kept counts live. */
export interface KeptCountsStore {
  get(key: string): Promise<CountsResult | undefined>;
  set(key: string, result: CountsResult): Promise<void>;
}

/** Entries kept at most; the oldest written go first. */
const BUDGET = 200;

interface Entry {
  result: CountsResult;
  at: number;
}

/** Kept counts in IndexedDB; a storage that refuses (private mode, full) keeps nothing and says nothing. */
export function idbKeptCounts(): KeptCountsStore {
  const open = lazyDatabase('campaign-canvas-kept-counts', 1, ['counts']);
  const store = async (mode: IDBTransactionMode) => (await open()).transaction('counts', mode).objectStore('counts');
  return {
    async get(key) {
      try {
        const entry = (await promisifyRequest((await store('readonly')).get(key))) as Entry | undefined;
        return entry?.result;
      } catch {
        return undefined;
      }
    },
    async set(key, result) {
      try {
        const counts = await store('readwrite');
        counts.put({ result, at: Date.now() } satisfies Entry, key);
        const keys = (await promisifyRequest(counts.getAllKeys())) as string[];
        if (keys.length <= BUDGET) return;
        const entries = (await promisifyRequest(counts.getAll())) as Entry[];
        const order = keys.map((k, i) => [k, entries[i]!.at] as const).sort((a, b) => a[1] - b[1]);
        const rest = await store('readwrite');
        for (const [k] of order.slice(0, keys.length - BUDGET)) rest.delete(k);
      } catch {
        // Not kept: the next visit computes these counts again.
      }
    },
  };
}

/** Kept counts in memory (tests, and where IndexedDB is missing). */
export function memoryKeptCounts(): KeptCountsStore & { entries: Map<string, CountsResult> } {
  const entries = new Map<string, CountsResult>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, result) => void entries.set(key, result),
  };
}

let shared: KeptCountsStore | undefined;

/** The app's kept counts (IndexedDB where the browser has it). */
export function keptCounts(): KeptCountsStore {
  return (shared ??= typeof indexedDB === 'undefined' ? memoryKeptCounts() : idbKeptCounts());
}
