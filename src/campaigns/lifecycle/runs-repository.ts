import { get, set, del, type UseStore } from 'idb-keyval';
import { lazyDatabase } from '../../storage/idb-database';
import type { CampaignDoc } from '../../domain/campaign';
import type { SimulatedRunResult } from '../../engine/runs/simulated-run';

/**
 * Where a campaign's runs over a simulated schedule live (docs/lifecycle.md#runs): each run's
 * launch, figures and execution log, and the document it ran, in a database of their own keyed by
 * campaign id. The event rows stay in the engine; after a reload the runs are computed again from
 * their documents, in launch order (they are deterministic), when their report or events are asked.
 */
export interface StoredRun extends SimulatedRunResult {
  /** The campaign as it ran (with saved filters inlined). */
  doc: CampaignDoc;
}

export interface RunsStorage {
  get(campaignId: string): Promise<unknown>;
  put(campaignId: string, runs: StoredRun[]): Promise<void>;
  delete(campaignId: string): Promise<void>;
}

export interface RunsRepository {
  /** The runs of a campaign, in launch order; none when nothing readable is stored. */
  load(campaignId: string): Promise<StoredRun[]>;
  save(campaignId: string, runs: StoredRun[]): Promise<void>;
  remove(campaignId: string): Promise<void>;
}

const byLaunch = (a: StoredRun, b: StoredRun) => a.launch.localeCompare(b.launch);

function isStoredRun(value: unknown): value is StoredRun {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.runId === 'string' && typeof r.launch === 'string' && Array.isArray(r.log) && typeof r.totals === 'object' && typeof r.doc === 'object';
}

export function createRunsRepository(storage: RunsStorage): RunsRepository {
  return {
    load: async (id) => {
      const raw = await storage.get(id);
      return Array.isArray(raw) ? raw.filter(isStoredRun).sort(byLaunch) : [];
    },
    save: (id, runs) => storage.put(id, [...runs].sort(byLaunch)),
    remove: (id) => storage.delete(id),
  };
}

/** In memory, for tests and where IndexedDB is unavailable; values cloned as IndexedDB does. */
export function createMemoryRunsStorage(): RunsStorage {
  const values = new Map<string, unknown>();
  return {
    get: async (id) => structuredClone(values.get(id)),
    put: async (id, runs) => void values.set(id, structuredClone(runs)),
    delete: async (id) => void values.delete(id),
  };
}

/** IndexedDB, a database of its own (one store, keyed by campaign id). */
export function createIdbRunsStorage(): RunsStorage {
  const open = lazyDatabase('campaign-canvas-runs', 1, ['runs']);
  const store: UseStore = (mode, callback) => open().then((d) => callback(d.transaction('runs', mode).objectStore('runs')));
  return {
    get: (id) => get(id, store),
    put: (id, runs) => set(id, runs, store),
    delete: (id) => del(id, store),
  };
}

let shared: RunsRepository | undefined;

/** The app's runs repository: IndexedDB when the browser has it, else memory. */
export function runsRepository(): RunsRepository {
  shared ??= createRunsRepository(typeof indexedDB === 'undefined' ? createMemoryRunsStorage() : createIdbRunsStorage());
  return shared;
}
