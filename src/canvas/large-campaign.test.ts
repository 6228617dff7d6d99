import { describe, expect, it } from 'vitest';
import type { Activity } from '../domain/campaign';
import { estimatedHandles, estimatedNodeSize, isLargeCampaign, LARGE_OPEN_ZOOM, openingViewport } from './large-campaign';

const activity = (type: string, config: Record<string, unknown> = {}): Activity => ({
  id: `a_${type}`,
  type,
  label: type,
  position: { x: 0, y: 0 },
  config,
  configVersion: 1,
  disabled: false,
});

describe('large campaigns', () => {
  it('are the campaigns of more than 100 activities', () => {
    expect(isLargeCampaign(100)).toBe(false);
    expect(isLargeCampaign(101)).toBe(true);
  });

  it('open fitted whole when that keeps the opening zoom or closer', () => {
    // Two boxes spanning 1000 × 200 in a 1200 × 800 canvas; the margins (40/128 top/bottom,
    // 56/56 sides) leave 1088 × 632: fit = min(1.088, 3.16, maxZoom 1.1) = 1.088.
    const view = openingViewport(
      [
        { x: 100, y: 50, width: 232, height: 64 },
        { x: 868, y: 186, width: 232, height: 64 },
      ],
      { width: 1200, height: 800 },
    );
    expect(view.zoom).toBeCloseTo(1.088, 6);
    // Centred: x = 56 + (1088 − 1000 × 1.088) / 2 − 100 × 1.088 = 56 − 108.8.
    expect(view.x).toBeCloseTo(56 - 108.8, 6);
    // y = 40 + (632 − 200 × 1.088) / 2 − 50 × 1.088 = 40 + 207.2 − 54.4.
    expect(view.y).toBeCloseTo(40 + 207.2 - 54.4, 6);
  });

  it('open at the opening zoom on their start when fitting whole would go below it', () => {
    // 63 rows 140 apart: 8,744 high, far too tall for 632 px at 0.6.
    const boxes = Array.from({ length: 63 }, (_, row) => ({ x: 20, y: 30 + row * 140, width: 232, height: 64 }));
    const view = openingViewport(boxes, { width: 1200, height: 800 });
    expect(view).toEqual({ x: 56 - 20 * LARGE_OPEN_ZOOM, y: 40 - 30 * LARGE_OPEN_ZOOM, zoom: LARGE_OPEN_ZOOM });
  });

  it('estimate an activity box and its handles as the node draws them', () => {
    // One input, one output: 232 × 64; handles centred on the edges (4 px category border on the left).
    const wait = activity('wait');
    expect(estimatedNodeSize(wait, false)).toEqual({ width: 232, height: 64 });
    expect(estimatedHandles(wait, false, { width: 232, height: 64 })).toEqual([
      { id: 'in', type: 'target', position: 'left', x: -2, y: 26, width: 12, height: 12 },
      { id: 'out', type: 'source', position: 'right', x: 225, y: 26, width: 12, height: 12 },
    ]);
    // Down the page: the category border is on top.
    expect(estimatedHandles(wait, true, { width: 232, height: 64 })).toEqual([
      { id: 'in', type: 'target', position: 'top', x: 110, y: -2, width: 12, height: 12 },
      { id: 'out', type: 'source', position: 'bottom', x: 110, y: 57, width: 12, height: 12 },
    ]);
  });

  it('estimate taller boxes for several labelled outputs, handles spread along the side', () => {
    const split = activity('split', {
      subsets: [
        { id: 's1', label: 'A', filter: null, limit: null },
        { id: 's2', label: 'B', filter: null, limit: null },
      ],
    });
    const size = estimatedNodeSize(split, false);
    const outs = estimatedHandles(split, false, size).filter((h) => h.type === 'source');
    // 28 + 22 per output, at least 64; outputs at 1/(n+1), 2/(n+1)… of the padding box.
    expect(size.height).toBe(Math.max(64, 28 + outs.length * 22));
    outs.forEach((h, i) => expect(h.y).toBeCloseTo(1 + (size.height - 2) * ((i + 1) / (outs.length + 1)) - 6, 6));
  });
});
