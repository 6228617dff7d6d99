import { describe, expect, it } from 'vitest';
import { createCampaignRepository } from './campaign-repository';
import { createMemoryStorage } from './campaign-storage';
import { onCampaignChangedElsewhere, withChangeAnnouncements, type CampaignChange } from './campaign-events';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('change announcements', () => {
  it('another tab hears every write; the writing tab ignores its own', async () => {
    const repo = withChangeAnnouncements(createCampaignRepository(createMemoryStorage()));
    const own: CampaignChange[] = [];
    const stop = onCampaignChangedElsewhere((c) => own.push(c));
    const other = new BroadcastChannel('campaign-canvas:campaigns');
    const heard: CampaignChange[] = [];
    other.onmessage = (e: MessageEvent<CampaignChange>) => heard.push(e.data);

    const doc = await repo.create('A');
    await repo.rename(doc.id, 'B');
    await repo.delete(doc.id);
    await tick();
    expect(heard.map((c) => [c.kind, c.id])).toEqual([
      ['saved', doc.id],
      ['saved', doc.id],
      ['deleted', doc.id],
    ]);
    expect(own).toEqual([]);
    stop();
    other.close();
  });
});
