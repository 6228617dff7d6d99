import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../domain/factory';
import { publish, NEW_LIFECYCLE } from '../../domain/lifecycle/versions';
import {
  createLifecycleRepository,
  createMemoryLifecycleStorage,
  LifecycleReadError,
} from './lifecycle-repository';

describe('the lifecycle repository', () => {
  const doc = createCampaign('Welcome');

  it('a campaign never published is a draft without versions; a published one reads back as written', async () => {
    const repo = createLifecycleRepository(createMemoryLifecycleStorage());
    expect(await repo.load(doc.id)).toEqual(NEW_LIFECYCLE);
    const step = publish(NEW_LIFECYCLE, doc, { problems: [], note: 'first', at: '2026-12-02T10:00:00.000Z' });
    if (!step.ok) throw new Error(step.reason);
    await repo.save(doc.id, step.lifecycle);
    expect(await repo.load(doc.id)).toEqual(step.lifecycle);
    await repo.remove(doc.id);
    expect(await repo.load(doc.id)).toEqual(NEW_LIFECYCLE);
  });

  it('refuses to write or read versions that are not consistent, saying where', async () => {
    const storage = createMemoryLifecycleStorage();
    const repo = createLifecycleRepository(storage);
    await expect(repo.save(doc.id, { status: 'live', versions: [] })).rejects.toThrow(
      'status: a campaign without versions is a draft, not live',
    );
    await storage.put(doc.id, { status: 'live', versions: [] });
    await expect(repo.load(doc.id)).rejects.toBeInstanceOf(LifecycleReadError);
    await storage.put(doc.id, { status: 'unknown', versions: [] } as never);
    await expect(repo.load(doc.id)).rejects.toThrow(/^The versions of this campaign cannot be read: status:/);
  });
});
