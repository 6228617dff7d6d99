import { describe, expect, it } from 'vitest';
import { sampleCampaign } from '../../domain/edits/test-fixture';
import { computeTidyLayout } from './tidy-up';

const size = () => ({ width: 232, height: 64 });

describe('computeTidyLayout', () => {
  it('lays a campaign out left to right, branches one above the other', async () => {
    const doc = sampleCampaign();
    const [audience, split, email, end] = doc.activities.map((a) => a.id) as [string, string, string, string];
    const p = await computeTidyLayout(doc, size);
    expect(p[audience]!.x).toBeLessThan(p[split]!.x);
    expect(p[split]!.x).toBeLessThan(p[email]!.x);
    expect(p[email]!.x).toBe(p[end]!.x);
    // Subset 1 feeds Email, subset 2 feeds End: port order keeps Email above End.
    expect(p[email]!.y).toBeLessThan(p[end]!.y);
    expect(Math.abs(p[email]!.y - p[end]!.y)).toBeGreaterThanOrEqual(64);
    expect(Math.min(...Object.values(p).map((q) => q.x))).toBe(0);
  });

  it('lays out top to bottom in vertical orientation', async () => {
    const base = sampleCampaign();
    const doc = { ...base, settings: { ...base.settings, orientation: 'vertical' as const } };
    const [audience, split, email, end] = doc.activities.map((a) => a.id) as [string, string, string, string];
    const p = await computeTidyLayout(doc, size);
    expect(p[audience]!.y).toBeLessThan(p[split]!.y);
    expect(p[split]!.y).toBeLessThan(p[email]!.y);
    expect(p[email]!.x).toBeLessThan(p[end]!.x);
  });
});
