import { describe, expect, it } from 'vitest';
import { createCampaignRepository } from './campaign-repository';
import { createMemoryStorage } from './campaign-storage';
import { CrashBackup, loadWithRecovery, recoverAll, type BackupStore } from './crash-backup';

function memoryStore(): BackupStore & { size: () => number } {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    size: () => map.size,
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

function setup() {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  const repo = createCampaignRepository(createMemoryStorage(), { now: () => new Date(t) });
  const store = memoryStore();
  return { repo, store, backup: new CrashBackup(store), tick: (ms = 1000) => (t += ms), at: () => new Date(t) };
}

describe('crash backup', () => {
  it('recovers an edit whose IndexedDB write never landed, and stores it', async () => {
    const { repo, backup, store, tick, at } = setup();
    const doc = await repo.create('Before');
    tick();
    backup.write({ ...doc, name: 'After' }, at());
    const loaded = await loadWithRecovery(repo, backup, doc.id);
    expect(loaded?.name).toBe('After');
    expect((await repo.list())[0]?.name).toBe('After');
    expect(store.size()).toBe(0);
  });

  it('ignores a backup older than the stored document (the write landed, or a later edit elsewhere)', async () => {
    const { repo, backup, store, tick, at } = setup();
    const doc = await repo.create('Stored');
    backup.write({ ...doc, name: 'Old backup' }, new Date(Date.parse(doc.updatedAt!) - 5000));
    tick();
    await repo.put({ ...doc, name: 'Newer elsewhere' });
    expect(at()).toBeDefined();
    expect((await loadWithRecovery(repo, backup, doc.id))?.name).toBe('Newer elsewhere');
    expect(store.size()).toBe(0);
  });

  it('ignores and removes a damaged backup', async () => {
    const { repo, backup, store, tick } = setup();
    const doc = await repo.create('Fine');
    tick();
    store.setItem(`campaign-canvas:unsaved:${doc.id}`, '{ broken');
    expect((await loadWithRecovery(repo, backup, doc.id))?.name).toBe('Fine');
    store.setItem(`campaign-canvas:unsaved:${doc.id}`, JSON.stringify({ at: '2999-01-01T00:00:00Z', doc: { nope: 1 } }));
    expect((await loadWithRecovery(repo, backup, doc.id))?.name).toBe('Fine');
    expect(store.size()).toBe(0);
  });

  it('recoverAll recovers every campaign with a backup, so the list is current', async () => {
    const { repo, backup, store, tick, at } = setup();
    const a = await repo.create('A');
    const b = await repo.create('B');
    tick();
    backup.write({ ...a, name: 'A recovered' }, at());
    backup.write({ ...b, name: 'B recovered' }, at());
    await recoverAll(repo, backup);
    expect((await repo.list()).map((s) => s.name).sort()).toEqual(['A recovered', 'B recovered']);
    expect(store.size()).toBe(0);
  });

  it('never throws when storage refuses to write', () => {
    const backup = new CrashBackup({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
      key: () => null,
      length: 0,
    });
    expect(() => backup.write({ id: 'x' } as never)).not.toThrow();
  });
});
