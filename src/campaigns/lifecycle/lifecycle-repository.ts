import { get, set, del, type UseStore } from 'idb-keyval';
import { lazyDatabase } from '../../storage/idb-database';
import {
  campaignLifecycleSchema,
  lifecycleProblems,
  NEW_LIFECYCLE,
  type CampaignLifecycle,
} from '../../domain/lifecycle/versions';
import { formatPath } from '../../domain/zod-issues';

/**
 * Where each campaign's status and published versions live (docs/lifecycle.md#versions): apart
 * from the draft documents, keyed by campaign id, so that a version, once written, is never
 * rewritten by the autosave of the draft.
 */
export interface LifecycleStorage {
  get(campaignId: string): Promise<unknown>;
  put(campaignId: string, lifecycle: CampaignLifecycle): Promise<void>;
  delete(campaignId: string): Promise<void>;
}

/** A stored lifecycle that cannot be read: said with the path of what is wrong. */
export class LifecycleReadError extends Error {
  constructor(
    readonly campaignId: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `The versions of this campaign cannot be read: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}.`,
    );
    this.name = 'LifecycleReadError';
  }
}

/**
 * Reads a lifecycle from storage or a file: validated by its schema and checked for consistency
 * (lifecycleProblems). Nothing stored is a campaign never published.
 */
export function readLifecycle(raw: unknown, campaignId: string): CampaignLifecycle {
  if (raw === undefined) return NEW_LIFECYCLE;
  const parsed = campaignLifecycleSchema.safeParse(raw);
  if (!parsed.success)
    throw new LifecycleReadError(
      campaignId,
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  const problems = lifecycleProblems(parsed.data, campaignId);
  if (problems.length > 0) throw new LifecycleReadError(campaignId, problems);
  return parsed.data;
}

export interface LifecycleRepository {
  load(campaignId: string): Promise<CampaignLifecycle>;
  /** Writes a lifecycle after a step (publish, pause…); refuses one that is not consistent. */
  save(campaignId: string, lifecycle: CampaignLifecycle): Promise<void>;
  remove(campaignId: string): Promise<void>;
}

export function createLifecycleRepository(storage: LifecycleStorage): LifecycleRepository {
  return {
    load: async (id) => readLifecycle(await storage.get(id), id),
    save: async (id, lifecycle) => {
      const problems = lifecycleProblems(lifecycle, id);
      if (problems.length > 0) throw new LifecycleReadError(id, problems);
      await storage.put(id, lifecycle);
    },
    remove: (id) => storage.delete(id),
  };
}

/** In memory, for tests and where IndexedDB is unavailable; values cloned as IndexedDB does. */
export function createMemoryLifecycleStorage(): LifecycleStorage {
  const values = new Map<string, unknown>();
  return {
    get: async (id) => structuredClone(values.get(id)),
    put: async (id, lifecycle) => void values.set(id, structuredClone(lifecycle)),
    delete: async (id) => void values.delete(id),
  };
}

/** IndexedDB, a database of its own (one store, keyed by campaign id). */
export function createIdbLifecycleStorage(): LifecycleStorage {
  const open = lazyDatabase('campaign-canvas-lifecycle', 1, ['lifecycle']);
  const store: UseStore = (mode, callback) =>
    open().then((d) => callback(d.transaction('lifecycle', mode).objectStore('lifecycle')));
  return {
    get: (id) => get(id, store),
    put: (id, lifecycle) => set(id, lifecycle, store),
    delete: (id) => del(id, store),
  };
}
