import { describe, expect, it } from 'vitest';
import { readCampaignFile } from './read-campaign-file';
import { serializeCampaign } from '../../domain/serialization';
import { sampleCampaign } from '../../domain/edits/test-fixture';
import { relabelActivity } from '../../domain/edits';
import { publish, startDraft, NEW_LIFECYCLE, type CampaignLifecycle } from '../../domain/lifecycle/versions';
import { lifecycleForCopy, withLifecycle } from '../../domain/lifecycle/transfer';
import { createLifecycleRepository, createMemoryLifecycleStorage } from '../lifecycle/lifecycle-repository';

const blob = (text: string) => new Blob([text], { type: 'application/json' });

/** A campaign published twice (the second time with its first activity renamed), then a draft of version 1. */
function twiceLifecycle() {
  const doc = sampleCampaign();
  const one = publish(NEW_LIFECYCLE, doc, { problems: [], note: 'first', at: '2026-12-01T09:00:00.000Z' });
  if (!one.ok) throw new Error(one.reason);
  const renamed = relabelActivity(doc, doc.activities[0]!.id, 'Everyone');
  const two = publish(one.lifecycle, renamed, { problems: [], note: 'renamed', at: '2026-12-02T09:00:00.000Z' });
  if (!two.ok) throw new Error(two.reason);
  const draft = startDraft(two.lifecycle, 1, '2026-12-03T09:00:00.000Z');
  if (!draft.ok) throw new Error(draft.reason);
  return { doc: draft.doc, lifecycle: draft.lifecycle };
}

describe('versions in campaign files', () => {
  it('export writes the versions, status and draft; import reads them back as they were', async () => {
    const { doc, lifecycle } = twiceLifecycle();
    const result = await readCampaignFile(blob(serializeCampaign(withLifecycle(doc, lifecycle))));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.doc).toEqual(doc);
    expect(result.lifecycle).toEqual(lifecycle);
  });

  it('a campaign never published is exported as its document alone', () => {
    const doc = sampleCampaign();
    expect(withLifecycle(doc, NEW_LIFECYCLE)).toBe(doc);
    expect(JSON.parse(serializeCampaign(withLifecycle(doc, NEW_LIFECYCLE)))).not.toHaveProperty('lifecycle');
  });

  it('refuses inconsistent versions whole, naming what is wrong and where', async () => {
    const { doc, lifecycle } = twiceLifecycle();
    const file = (life: unknown) => blob(JSON.stringify({ ...doc, lifecycle: life }));
    const swapped: CampaignLifecycle = { ...lifecycle, versions: [lifecycle.versions[1]!, lifecycle.versions[0]!] };
    const wrong = await readCampaignFile(file(swapped));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.errors).toContainEqual({
        path: 'lifecycle.versions[0].number',
        message: 'version 2 is where version 1 should be: versions are numbered 1, 2, 3… in order',
      });

    const other = { ...lifecycle, versions: [lifecycle.versions[0]!, { ...lifecycle.versions[1]!, doc: { ...lifecycle.versions[1]!.doc, id: 'cmp_other' } }] };
    const foreign = await readCampaignFile(file(other));
    expect(foreign.ok === false && foreign.errors.map((e) => e.path)).toEqual(['lifecycle.versions[1].doc.id']);

    const draftOfNothing = await readCampaignFile(file({ ...lifecycle, draft: { from: 9, startedAt: 'x' } }));
    expect(draftOfNothing.ok === false && draftOfNothing.errors[0]).toEqual({
      path: 'lifecycle.draft.from',
      message: 'the draft in progress starts from version 9, which does not exist',
    });

    const liveWithout = await readCampaignFile(file({ status: 'live', versions: [] }));
    expect(liveWithout.ok === false && liveWithout.errors[0]!.path).toBe('lifecycle.status');

    // A version whose document is damaged is told at the path inside it.
    const damaged = structuredClone(lifecycle) as unknown as { versions: { doc: { activities: unknown[] } }[] };
    damaged.versions[0]!.doc.activities = 'none' as never;
    const broken = await readCampaignFile(file(damaged));
    expect(broken.ok === false && broken.errors[0]!.path).toBe('lifecycle.versions[0].doc.activities');

    const shapeless = await readCampaignFile(file({ status: 'sleeping', versions: [] }));
    expect(shapeless.ok === false && shapeless.errors[0]!.path).toBe('lifecycle.status');
  });

  it('an imported copy keeps its versions under its new id, stored and read back through the repository', async () => {
    const { lifecycle } = twiceLifecycle();
    const copy = lifecycleForCopy(lifecycle, 'cmp_copy');
    expect(copy.versions.map((v) => v.doc.id)).toEqual(['cmp_copy', 'cmp_copy']);
    expect(lifecycle.versions.every((v) => v.doc.id !== 'cmp_copy')).toBe(true);
    const repo = createLifecycleRepository(createMemoryLifecycleStorage());
    await repo.save('cmp_copy', copy);
    expect(await repo.load('cmp_copy')).toEqual(copy);
    // The original id's versions cannot be stored under the copy's: they belong to another campaign.
    await expect(repo.save('cmp_copy', lifecycle)).rejects.toThrow(/versions\[0\]\.doc\.id/);
  });
});
