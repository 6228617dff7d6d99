import type { CampaignRepository } from './campaign-repository';

/** A change made by another tab of the app. */
export interface CampaignChange {
  kind: 'saved' | 'deleted';
  id: string;
  /** Identifies the tab that made the change, so a tab ignores its own echoes. */
  tab: string;
}

const CHANNEL = 'campaign-canvas:campaigns';
const tab = Math.random().toString(36).slice(2);

let channel: BroadcastChannel | undefined;
const getChannel = () => {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
};

function announce(kind: CampaignChange['kind'], id: string) {
  getChannel()?.postMessage({ kind, id, tab } satisfies CampaignChange);
}

/** Tells other tabs that a campaign changed outside its document (its status or versions). */
export function announceCampaignSaved(id: string): void {
  announce('saved', id);
}

/** Calls `listener` for every campaign saved or deleted in another tab; returns the unsubscribe. */
export function onCampaignChangedElsewhere(listener: (change: CampaignChange) => void): () => void {
  const c = getChannel();
  if (!c) return () => {};
  const handler = (e: MessageEvent<CampaignChange>) => {
    if (e.data?.tab !== tab) listener(e.data);
  };
  c.addEventListener('message', handler);
  return () => c.removeEventListener('message', handler);
}

/**
 * The repository, telling other tabs about every write: their lists stay current, and an editor
 * open on the same campaign can warn that two tabs are editing it.
 */
export function withChangeAnnouncements(repo: CampaignRepository): CampaignRepository {
  return {
    ...repo,
    put: async (doc) => {
      const summary = await repo.put(doc);
      announce('saved', doc.id);
      return summary;
    },
    delete: async (id) => {
      await repo.delete(id);
      announce('deleted', id);
    },
    create: async (name) => {
      const doc = await repo.create(name);
      announce('saved', doc.id);
      return doc;
    },
    createFrom: async (doc, name) => {
      const created = await repo.createFrom(doc, name);
      announce('saved', created.id);
      return created;
    },
    duplicate: async (id) => {
      const doc = await repo.duplicate(id);
      announce('saved', doc.id);
      return doc;
    },
    rename: async (id, name) => {
      const summary = await repo.rename(id, name);
      announce('saved', id);
      return summary;
    },
  };
}
