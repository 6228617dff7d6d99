import type { CampaignDoc } from '../domain/campaign';
import { parseCampaignValue } from '../domain/serialization';
import type { CampaignRepository } from './campaign-repository';

/** The part of the Web Storage API the backup uses (localStorage in the app, a Map in tests). */
export type BackupStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'campaign-canvas:unsaved:';
const keyOf = (id: string) => `${PREFIX}${id}`;

interface Backup {
  /** When the page was hidden, ISO; compared with the stored document's `updatedAt`. */
  at: string;
  doc: unknown;
}

/**
 * Last-chance copies of unsaved edits. A browser may abort an IndexedDB write still in flight when
 * a tab closes, so when the page is hidden with a change not yet written, the document also goes
 * to synchronous localStorage. Opening the campaign later prefers that copy when it is newer than
 * the stored one.
 */
export class CrashBackup {
  constructor(private readonly store: BackupStore | undefined) {}

  /** Keeps `doc` as the newest copy of its campaign. Never throws (quota, private mode). */
  write(doc: CampaignDoc, at: Date = new Date()): void {
    try {
      this.store?.setItem(keyOf(doc.id), JSON.stringify({ at: at.toISOString(), doc } satisfies Backup));
    } catch {
      // Nothing better to do while the page goes away; the IndexedDB write may still land.
    }
  }

  clear(id: string): void {
    try {
      this.store?.removeItem(keyOf(id));
    } catch {
      // See write().
    }
  }

  /** Ids of campaigns that have a backup. */
  ids(): string[] {
    const ids: string[] = [];
    try {
      for (let i = 0; i < (this.store?.length ?? 0); i++) {
        const key = this.store?.key(i);
        if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
      }
    } catch {
      // Storage unavailable: nothing to recover.
    }
    return ids;
  }

  /** The backup of a campaign, if there is a readable one. */
  read(id: string): Backup | undefined {
    try {
      const text = this.store?.getItem(keyOf(id));
      if (!text) return undefined;
      const value = JSON.parse(text) as Partial<Backup>;
      return typeof value.at === 'string' ? { at: value.at, doc: value.doc } : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Opens a campaign, recovering edits a closed tab did not manage to write: a valid backup newer
 * than the stored document is stored (so the list shows it too) and returned. The backup is
 * removed once the stored document is at least as new.
 */
export async function loadWithRecovery(
  repo: CampaignRepository,
  backup: CrashBackup,
  id: string,
): Promise<CampaignDoc | undefined> {
  const stored = await repo.get(id);
  const copy = backup.read(id);
  if (!copy) return stored;
  const newer = !stored || copy.at > (stored.updatedAt ?? '');
  const parsed = newer ? parseCampaignValue(copy.doc, { wiring: 'keep' }) : undefined;
  if (parsed?.ok && parsed.doc.id === id) {
    await repo.put(parsed.doc);
    backup.clear(id);
    return (await repo.get(id)) ?? parsed.doc;
  }
  backup.clear(id);
  return stored;
}

/** Recovers every campaign with a backup, so that the list shows recovered names and dates. */
export async function recoverAll(repo: CampaignRepository, backup: CrashBackup): Promise<void> {
  for (const id of backup.ids()) await loadWithRecovery(repo, backup, id).catch(() => backup.clear(id));
}

/** The app's backup, in localStorage when the browser offers it. */
export const crashBackup = new CrashBackup(typeof localStorage === 'undefined' ? undefined : localStorage);
