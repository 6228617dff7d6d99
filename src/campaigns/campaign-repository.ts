import type { CampaignDoc } from '../domain/campaign';
import { createCampaign } from '../domain/factory';
import { newId } from '../domain/ids';
import { parseCampaignValue } from '../domain/serialization';
import type { PathError } from '../domain/zod-issues';
import type { CampaignStorage } from './campaign-storage';
import { byLastModified, summarize, type CampaignSummary } from './campaign-summary';

/** A stored campaign that no longer reads as a valid document (hand-edited storage, a bug). */
export class CampaignLoadError extends Error {
  constructor(
    readonly campaignId: string,
    readonly errors: PathError[],
  ) {
    super(`Campaign ${campaignId} could not be read: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'CampaignLoadError';
  }
}

/** Name given to campaigns created without one. */
export const UNTITLED_CAMPAIGN = 'Untitled campaign';

/** Campaign persistence as the app uses it: every write keeps the summary in step with the document. */
export interface CampaignRepository {
  /** Summaries, most recently modified first. */
  list(): Promise<CampaignSummary[]>;
  /** The document, validated and migrated; undefined when there is none with this id. */
  get(id: string): Promise<CampaignDoc | undefined>;
  /** Stores the document as it is, stamping `updatedAt`. Returns the stored summary. */
  put(doc: CampaignDoc): Promise<CampaignSummary>;
  delete(id: string): Promise<void>;
  /** A new empty campaign, stored. */
  create(name?: string): Promise<CampaignDoc>;
  /**
   * Stores a copy of `doc` as a new campaign (new id, fresh timestamps): used by import, templates
   * and duplicate, so none of them can overwrite an existing campaign.
   */
  createFrom(doc: CampaignDoc, name?: string): Promise<CampaignDoc>;
  /** A copy named "Copy of …"; throws when the original is gone. */
  duplicate(id: string): Promise<CampaignDoc>;
  /** Renames a stored campaign; blank names are refused. */
  rename(id: string, name: string): Promise<CampaignSummary>;
}

export interface RepositoryOptions {
  /** Clock, injectable so tests control timestamps. */
  now?: () => Date;
  /** Id generator, injectable so tests get predictable ids. */
  newCampaignId?: () => string;
}

/** The repository over a storage (IndexedDB in the app, memory in tests). */
export function createCampaignRepository(storage: CampaignStorage, options: RepositoryOptions = {}): CampaignRepository {
  const now = options.now ?? (() => new Date());
  const newCampaignId = options.newCampaignId ?? (() => newId('cmp'));
  // Equal timestamps would make the list order depend on names; a strictly increasing clock keeps
  // "last modified first" true even for writes within the same millisecond.
  let last = 0;
  const stamp = () => {
    last = Math.max(now().getTime(), last + 1);
    return new Date(last).toISOString();
  };

  async function store(doc: CampaignDoc): Promise<{ stored: CampaignDoc; summary: CampaignSummary }> {
    const updatedAt = stamp();
    const stored: CampaignDoc = { ...doc, createdAt: doc.createdAt ?? updatedAt, updatedAt };
    const summary = summarize(stored, updatedAt);
    await storage.putCampaign(summary, stored);
    return { stored, summary };
  }

  async function get(id: string): Promise<CampaignDoc | undefined> {
    const raw = await storage.getDocument(id);
    if (raw === undefined) return undefined;
    const parsed = parseCampaignValue(raw, { wiring: 'keep' });
    if (!parsed.ok) throw new CampaignLoadError(id, parsed.errors);
    return parsed.doc;
  }

  async function createFrom(doc: CampaignDoc, name?: string): Promise<CampaignDoc> {
    const { createdAt: _c, updatedAt: _u, ...content } = structuredClone(doc);
    const { stored } = await store({ ...content, id: newCampaignId(), name: cleanName(name ?? doc.name) });
    return stored;
  }

  return {
    list: async () => (await storage.listSummaries()).sort(byLastModified),
    get,
    put: async (doc) => (await store(doc)).summary,
    delete: (id) => storage.deleteCampaign(id),
    create: (name = UNTITLED_CAMPAIGN) => createFrom(createCampaign(name)),
    createFrom,
    duplicate: async (id) => {
      const original = await get(id);
      if (!original) throw new Error('This campaign no longer exists.');
      return createFrom(original, `Copy of ${original.name}`);
    },
    rename: async (id, name) => {
      const doc = await get(id);
      if (!doc) throw new Error('This campaign no longer exists.');
      if (name.trim() === '') throw new Error('A campaign needs a name.');
      return (await store({ ...doc, name: cleanName(name) })).summary;
    },
  };
}

/** Trims, and falls back to the untitled name so that a stored document always has one. */
export function cleanName(name: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? UNTITLED_CAMPAIGN : trimmed;
}
