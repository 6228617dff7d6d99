import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { campaignTemplates as templates, templateDoc } from '../../templates';
import { decodeSharedCampaign, encodeSharedCampaign, sameData, sharedDataOf, sharedLink, type SharedData } from './share-link';

const sample: SharedData = { kind: 'sample', profiles: 10_000, seed: 7 };

describe('shared campaign links', () => {
  it('round-trips every template with the data it is counted on', async () => {
    for (const template of templates) {
      const doc = templateDoc(template);
      const payload = await encodeSharedCampaign({ doc, data: sample });
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
      const back = await decodeSharedCampaign(payload);
      expect(back).toEqual({ ok: true, shared: { doc, data: sample } });
    }
  });

  it('is compressed: a template link is much shorter than its JSON', async () => {
    const doc = templateDoc(templates[0]!);
    const payload = await encodeSharedCampaign({ doc, data: sample });
    expect(payload.length).toBeLessThan(JSON.stringify(doc).length / 2);
  });

  it('refuses a link cut short, with the reason', async () => {
    const payload = await encodeSharedCampaign({ doc: templateDoc(templates[1]!), data: sample });
    const cut = await decodeSharedCampaign(payload.slice(0, Math.floor(payload.length / 2)));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.errors[0]!.message).toMatch(/damaged or incomplete/);
  });

  it('refuses characters a link never has, and an empty link', async () => {
    expect(await decodeSharedCampaign('abc$def')).toMatchObject({ ok: false, errors: [{ path: '(link)' }] });
    expect(await decodeSharedCampaign('')).toMatchObject({ ok: false, errors: [{ message: 'the link holds no campaign' }] });
  });

  it('validates the campaign like an imported file, with paths inside the campaign', async () => {
    const doc = templateDoc(templates[0]!);
    const broken = { ...doc, transitions: [{ ...doc.transitions[0]!, target: { activityId: 'nowhere', port: 'in' } }] };
    const payload = await encodeSharedCampaign({ doc: broken, data: sample });
    const result = await decodeSharedCampaign(payload);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'campaign.transitions[0].target.activityId', message: 'no activity "nowhere"' }],
    });
  });

  it('never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const result = await decodeSharedCampaign(text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('puts a sample in the query so that the page opening the link loads the same data', () => {
    const link = sharedLink({ origin: 'https://x.test', pathname: '/app/', search: '?profiles=5&campaign=a.json' }, sample, 'PAY');
    expect(link).toBe('https://x.test/app/?profiles=10000&seed=7#/shared/PAY');
    expect(sharedLink({ origin: 'https://x.test', pathname: '/', search: '' }, { kind: 'import', name: 'shop' }, 'P')).toBe(
      'https://x.test/#/shared/P',
    );
  });

  it('names the data of a dataset: a sample by size and seed, imported data by its model name', () => {
    const model = { name: 'shop' } as never;
    expect(sharedDataOf({ id: 'sample-10000-42', model })).toEqual({ kind: 'sample', profiles: 10_000, seed: 42 });
    expect(sharedDataOf({ id: 'import-abc', model })).toEqual({ kind: 'import', name: 'shop' });
    expect(sameData(sample, { ...sample })).toBe(true);
    expect(sameData(sample, { ...sample, seed: 8 })).toBe(false);
  });
});
