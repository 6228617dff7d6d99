import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeSpot, type Box } from './free-spot';

const size = { width: 232, height: 64 };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('a free spot for a new activity', () => {
  it('is the preferred spot when nothing is there', () => {
    expect(freeSpot({ x: 100, y: 100 }, size, [{ x: 600, y: 600, ...size }])).toEqual({ x: 100, y: 100 });
  });

  it('moves off an activity already at the preferred spot, to the nearest free one', () => {
    const at = freeSpot({ x: 0, y: 0 }, size, [{ x: 0, y: 0, ...size }]);
    expect(overlap({ ...at, ...size }, { x: 0, y: 0, ...size })).toBe(false);
    expect(at).toEqual({ x: 0, y: 88 });
  });

  it('prefers a spot inside the visible part of the canvas', () => {
    const visible = { x: -300, y: -50, width: 600, height: 120 };
    const at = freeSpot({ x: 0, y: 0 }, size, [{ x: 0, y: 0, ...size }], visible);
    expect(at.x).toBeGreaterThanOrEqual(visible.x);
    expect(at.x + size.width).toBeLessThanOrEqual(visible.x + visible.width);
    expect(at).toEqual({ x: -256, y: 0 });
  });

  it('never covers an existing activity when a spot is found', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: -800, max: 800 }), y: fc.integer({ min: -400, max: 400 }) }), { maxLength: 30 }), (points) => {
        const taken = points.map((p) => ({ ...p, ...size }));
        const at = freeSpot({ x: 0, y: 0 }, size, taken);
        for (const b of taken) expect(overlap({ ...at, ...size }, b)).toBe(false);
      }),
    );
  });
});
