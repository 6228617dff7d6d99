import type { CampaignDoc } from '../domain/campaign';

/**
 * Which campaigns write and read which saved audience, from the campaign documents alone. A
 * campaign writes an audience when it has a Save audience naming it, enabled or not (enabling it
 * writes the audience again); it reads one when a Build audience starts from it. Names are
 * compared as the engine files them: trimmed, otherwise exact.
 */
export interface AudienceUses {
  /** Campaign ids writing each audience name. */
  writers: Map<string, Set<string>>;
  /** Campaign ids reading each audience name. */
  readers: Map<string, Set<string>>;
}

type Doc = Pick<CampaignDoc, 'id' | 'activities'>;

export function audienceUses(docs: readonly Doc[]): AudienceUses {
  const writers = new Map<string, Set<string>>();
  const readers = new Map<string, Set<string>>();
  const add = (to: Map<string, Set<string>>, name: unknown, campaignId: string) => {
    if (typeof name !== 'string' || name.trim() === '') return;
    const key = name.trim();
    let ids = to.get(key);
    if (!ids) to.set(key, (ids = new Set()));
    ids.add(campaignId);
  };
  for (const doc of docs)
    for (const a of doc.activities) {
      const config = a.config as { audienceName?: unknown; source?: unknown };
      if (a.type === 'save-audience') add(writers, config.audienceName, doc.id);
      else if (a.type === 'build-audience' && config.source === 'audience') add(readers, config.audienceName, doc.id);
    }
  return { writers, readers };
}

/** The part of a saved audience this needs: its name and the campaign that last wrote it. */
export interface AudienceRef {
  name: string;
  campaignId: string;
}

/** Saved audiences that no campaign writes any more (a Save audience renamed or removed, a campaign deleted). */
export function orphanAudiences<A extends AudienceRef>(audiences: readonly A[], docs: readonly Doc[]): A[] {
  const { writers } = audienceUses(docs);
  return audiences.filter((a) => !writers.has(a.name.trim()));
}

/**
 * The saved audiences that deleting campaign `campaignId` leaves without a writer: those it writes
 * or last wrote (under a name it no longer uses) that no other campaign writes. Audiences other
 * campaigns left behind are not its to offer; the Data screen lists them.
 */
export function audiencesLeftBy<A extends AudienceRef>(campaignId: string, audiences: readonly A[], docs: readonly Doc[]): A[] {
  const others = docs.filter((d) => d.id !== campaignId);
  const own = audienceUses(docs.filter((d) => d.id === campaignId)).writers;
  return orphanAudiences(audiences, others).filter((a) => a.campaignId === campaignId || own.has(a.name.trim()));
}

/** The campaigns (other than `except`) that read an audience, by id. */
export function readersOf(name: string, docs: readonly Doc[], except?: string): string[] {
  return [...(audienceUses(docs).readers.get(name.trim()) ?? [])].filter((id) => id !== except);
}
