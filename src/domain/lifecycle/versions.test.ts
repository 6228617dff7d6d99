import { describe, expect, it } from 'vitest';
import { createCampaign } from '../factory';
import type { Problem } from '../problems';
import { act, draftFrom, isFrozen, latestVersion, lifecycleProblems, NEW_LIFECYCLE, publish, startDraft } from './versions';

const at = '2026-12-02T10:00:00.000Z';
const error: Problem = { severity: 'error', code: 'no-audience', message: '"Email" has no audience.' };
const warning: Problem = { severity: 'warning', code: 'unconnected', message: 'not connected' };

describe('publishing and the versions of a campaign', () => {
  const doc = createCampaign('Welcome');

  it('is refused while any error exists, and nothing changes', () => {
    expect(publish(NEW_LIFECYCLE, doc, { problems: [error, warning], at })).toEqual({
      ok: false,
      reason: 'The campaign has 1 error: correct it before publishing.',
    });
    expect(NEW_LIFECYCLE).toEqual({ status: 'draft', versions: [] });
  });

  it('freezes a numbered copy with its note; warnings do not stop it; a schedule makes it Scheduled', () => {
    const first = publish(NEW_LIFECYCLE, doc, { problems: [warning], note: '  First send ', at });
    if (!first.ok) throw new Error(first.reason);
    expect(first.lifecycle.status).toBe('live');
    expect(latestVersion(first.lifecycle)).toMatchObject({ number: 1, note: 'First send', publishedAt: at });
    // The version is a copy: editing the draft afterwards leaves it as published.
    doc.name = 'Welcome v2';
    expect(latestVersion(first.lifecycle)!.doc.name).toBe('Welcome');

    const scheduled = {
      ...doc,
      settings: { ...doc.settings, schedule: { kind: 'daily', time: '09:00', timeZone: 'UTC' } },
    };
    const second = publish(first.lifecycle, scheduled, { problems: [], at });
    if (!second.ok) throw new Error(second.reason);
    expect(second.lifecycle.status).toBe('scheduled');
    expect(second.lifecycle.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(draftFrom(second.lifecycle, 1)!.name).toBe('Welcome');
    expect(draftFrom(second.lifecycle, 3)).toBeUndefined();
  });

  it('changes of status go through the status machine', () => {
    const live = publish(NEW_LIFECYCLE, doc, { problems: [], at });
    if (!live.ok) throw new Error(live.reason);
    const paused = act(live.lifecycle, 'pause');
    expect(paused.ok && paused.lifecycle.status).toBe('paused');
    expect(act(NEW_LIFECYCLE, 'pause')).toEqual({ ok: false, reason: 'A draft campaign cannot pause.' });
  });

  it('an imported lifecycle whose versions are inconsistent is told where', () => {
    const one = publish(NEW_LIFECYCLE, doc, { problems: [], at });
    if (!one.ok) throw new Error(one.reason);
    const v1 = one.lifecycle.versions[0]!;
    expect(lifecycleProblems(one.lifecycle, doc.id)).toEqual([]);
    const shuffled = {
      status: 'live' as const,
      versions: [
        { ...v1, number: 2 },
        { ...v1, number: 1, doc: { ...v1.doc, id: 'other' } },
      ],
    };
    expect(lifecycleProblems(shuffled, doc.id)).toEqual([
      {
        path: 'versions[0].number',
        message: 'version 2 is where version 1 should be: versions are numbered 1, 2, 3… in order',
      },
      {
        path: 'versions[1].number',
        message: 'version 1 is where version 2 should be: versions are numbered 1, 2, 3… in order',
      },
      { path: 'versions[1].doc.id', message: 'version 1 is a document of another campaign (other)' },
    ]);
    expect(lifecycleProblems({ status: 'live', versions: [] }, doc.id)).toEqual([
      { path: 'status', message: 'a campaign without versions is a draft, not live' },
    ]);
  });

  it('a published campaign is frozen until a draft starts from one of its versions; publishing ends the draft', () => {
    const doc = createCampaign('Welcome');
    expect(isFrozen(NEW_LIFECYCLE)).toBe(false);
    const first = publish(NEW_LIFECYCLE, doc, { problems: [], at });
    if (!first.ok) throw new Error(first.reason);
    expect(isFrozen(first.lifecycle)).toBe(true);
    expect(startDraft(first.lifecycle, 2, at)).toEqual({ ok: false, reason: 'There is no version 2 of this campaign.' });
    const draft = startDraft(first.lifecycle, 1, at);
    if (!draft.ok) throw new Error(draft.reason);
    expect(draft.lifecycle).toEqual({ ...first.lifecycle, draft: { from: 1, startedAt: at } });
    expect(isFrozen(draft.lifecycle)).toBe(false);
    // The draft is a copy: editing it leaves version 1 as published.
    draft.doc.name = 'Changed';
    expect(first.lifecycle.versions[0]!.doc.name).toBe('Welcome');
    // Pausing keeps the draft in progress; publishing it makes version 2 and ends it.
    const paused = act(draft.lifecycle, 'pause');
    expect(paused.ok && paused.lifecycle.draft).toEqual({ from: 1, startedAt: at });
    const second = publish(draft.lifecycle, draft.doc, { problems: [], at });
    expect(second.ok && second.lifecycle.draft).toBeUndefined();
    expect(second.ok && isFrozen(second.lifecycle)).toBe(true);
  });
});
