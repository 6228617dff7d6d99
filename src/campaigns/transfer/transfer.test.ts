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

  it('reads a file saved as UTF-8 with a byte-order mark', async () => {
    const doc = createCampaign('Avec BOM é');
    expect(await readCampaignFile(new Blob([Uint8Array.from([0xef, 0xbb, 0xbf]), serializeCampaign(doc)]))).toEqual({ ok: true, doc });
  });

  it('refuses Latin-1 text at the line and column of its first byte that is not UTF-8', async () => {
    const text = serializeCampaign(createCampaign('Caf_'));
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf('Caf_') + 3;
    bytes[at] = 0xe9; // "Café" in Latin-1
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    expect(await readCampaignFile(new Blob([bytes]))).toEqual({ ok: false, errors: [{ path: '(file)', message: `line ${line}, column ${column}: not UTF-8 text (byte 0xE9): save the file as UTF-8` }] });
  });

  it('refuses text that is not JSON, and empty files', async () => {
    const notJson = await readCampaignFile(blob('{ nope'));
    expect(notJson.ok ? [] : notJson.errors[0]?.message).toMatch(/not valid JSON/);
    const empty = await readCampaignFile(blob(''));
    expect(empty.ok ? [] : empty.errors[0]?.message).toMatch(/empty/);
  });
});
