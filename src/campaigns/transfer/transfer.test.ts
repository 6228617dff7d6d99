import { describe, expect, it } from 'vitest';
import { exportFileName } from './download-campaign';
import { readCampaignFile } from './read-campaign-file';
import { serializeCampaign } from '../../domain/serialization';
import { createCampaign } from '../../domain/factory';

const blob = (text: string) => new Blob([text], { type: 'application/json' });

describe('exportFileName', () => {
  it.each([
    ['Spring sale', 'Spring sale.json'],
    ['Win-back: Q3/Q4', 'Win-back- Q3-Q4.json'],
    ['   ', 'campaign.json'],
    ['..hidden', 'hidden.json'],
  ])('%s -> %s', (name, file) => expect(exportFileName(name)).toBe(file));
});

describe('readCampaignFile', () => {
  it('reads back what export writes', async () => {
    const doc = createCampaign('Round trip');
    const result = await readCampaignFile(blob(serializeCampaign(doc)));
    expect(result).toEqual({ ok: true, doc });
  });

  it('names the path and the problem of an invalid file', async () => {
    const doc = { ...createCampaign('Bad'), activities: [{ id: 'a', type: 'split', label: 'S', position: { x: 0, y: 0 }, config: { subsets: [{ id: 's', label: 'x', limit: { kind: 'count', value: 'ten' } }] } }] };
    const result = await readCampaignFile(blob(JSON.stringify(doc)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('activities[0].config.subsets[0].limit.value');
  });

  it('refuses text that is not JSON, and empty files', async () => {
    const notJson = await readCampaignFile(blob('{ nope'));
    expect(notJson.ok ? [] : notJson.errors[0]?.message).toMatch(/not valid JSON/);
    const empty = await readCampaignFile(blob(''));
    expect(empty.ok ? [] : empty.errors[0]?.message).toMatch(/empty/);
  });
});
