import { describe, expect, it } from 'vitest';
import { createCampaignRepository, CampaignLoadError, UNTITLED_CAMPAIGN } from './campaign-repository';
import { createMemoryStorage } from './campaign-storage';
import { createActivity } from '../domain/factory';

function setup() {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  let n = 0;
  const storage = createMemoryStorage();
  const repo = createCampaignRepository(storage, {
    now: () => new Date(t),
    newCampaignId: () => `cmp_${++n}`,
  });
  return { repo, storage, tick: (ms = 1000) => (t += ms) };
}

describe('campaign repository', () => {
  it('creates an empty campaign that can be read back and is listed', async () => {
    const { repo } = setup();
    const doc = await repo.create();
    expect(doc.name).toBe(UNTITLED_CAMPAIGN);
    expect(await repo.get(doc.id)).toEqual(doc);
    const list = await repo.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: doc.id, name: UNTITLED_CAMPAIGN, activityCount: 0, channels: [] });
  });

  it('keeps the summary in step with the document on put', async () => {
    const { repo, tick } = setup();
    const doc = await repo.create('Spring sale');
    tick();
    const email = createActivity('email', { x: 0, y: 0 });
    const audience = createActivity('build-audience', { x: -200, y: 0 });
    await repo.put({ ...doc, activities: [audience, email] });
    const [summary] = await repo.list();
    expect(summary).toMatchObject({ activityCount: 2, channels: ['email'], updatedAt: '2026-03-01T09:00:01.000Z' });
    expect(summary?.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect((await repo.get(doc.id))?.activities).toHaveLength(2);
  });

  it('lists the most recently modified first', async () => {
    const { repo, tick } = setup();
    const a = await repo.create('A');
    tick();
    await repo.create('B');
    tick();
    await repo.put({ ...a, description: 'edited' });
    expect((await repo.list()).map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('orders writes within the same millisecond by write order', async () => {
    const { repo } = setup();
    await repo.create('first');
    await repo.create('second');
    expect((await repo.list()).map((s) => s.name)).toEqual(['second', 'first']);
  });

  it('renames, refusing blank names', async () => {
    const { repo } = setup();
    const doc = await repo.create('Old');
    await repo.rename(doc.id, '  New name  ');
    expect((await repo.get(doc.id))?.name).toBe('New name');
    expect((await repo.list())[0]?.name).toBe('New name');
    await expect(repo.rename(doc.id, '   ')).rejects.toThrow(/name/);
  });

  it('duplicates under a new id and name, leaving the original untouched', async () => {
    const { repo } = setup();
    const original = await repo.create('Newsletter');
    await repo.put({ ...original, activities: [createActivity('email', { x: 0, y: 0 })] });
    const copy = await repo.duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe('Copy of Newsletter');
    expect(copy.activities).toHaveLength(1);
    expect((await repo.get(original.id))?.name).toBe('Newsletter');
    expect(await repo.list()).toHaveLength(2);
  });

  it('createFrom never overwrites the campaign whose id the source carries', async () => {
    const { repo } = setup();
    const existing = await repo.create('Mine');
    const imported = await repo.createFrom({ ...existing, name: 'Imported' });
    expect(imported.id).not.toBe(existing.id);
    expect((await repo.get(existing.id))?.name).toBe('Mine');
  });

  it('deletes both the summary and the document', async () => {
    const { repo, storage } = setup();
    const doc = await repo.create('Gone');
    await repo.delete(doc.id);
    expect(await repo.list()).toEqual([]);
    expect(await repo.get(doc.id)).toBeUndefined();
    expect(await storage.getDocument(doc.id)).toBeUndefined();
  });

  it('refuses a stored document that is no longer valid, naming the path', async () => {
    const { repo, storage } = setup();
    const doc = await repo.create('Broken');
    const [summary] = await storage.listSummaries();
    await storage.putCampaign(summary!, { ...doc, activities: [{ id: 'a', type: 'email' }] });
    const error = await repo.get(doc.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignLoadError);
    expect((error as CampaignLoadError).errors.some((e) => e.path.startsWith('activities[0]'))).toBe(true);
  });

  it('returns copies: mutating a read document does not change what is stored', async () => {
    const { repo } = setup();
    const doc = await repo.create('Safe');
    const read = await repo.get(doc.id);
    read!.name = 'mutated';
    expect((await repo.get(doc.id))?.name).toBe('Safe');
  });
});
