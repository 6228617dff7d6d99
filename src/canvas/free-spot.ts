import type { Position } from '../domain/campaign';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept between a new activity and its neighbours, in flow units. */
const MARGIN = 24;

/**
 * Where a new activity of `size` goes so that it covers no existing activity: `preferred` when it
 * is free, otherwise the nearest free spot on rings of candidates around it (steps of one box plus
 * a margin), preferring spots inside `visible` (the part of the canvas on screen) so that it lands
 * where the user looks. Pure, for unit tests.
 */
export function freeSpot(preferred: Position, size: { width: number; height: number }, taken: readonly Box[], visible?: Box): Position {
  const stepX = size.width + MARGIN;
  const stepY = size.height + MARGIN;
  const covers = (at: Position) =>
    taken.some(
      (b) => at.x < b.x + b.width + MARGIN && b.x < at.x + size.width + MARGIN && at.y < b.y + b.height + MARGIN && b.y < at.y + size.height + MARGIN,
    );
  const inside = (at: Position) =>
    !visible || (at.x >= visible.x && at.y >= visible.y && at.x + size.width <= visible.x + visible.width && at.y + size.height <= visible.y + visible.height);
  let fallback: Position | null = null;
  for (let ring = 0; ring <= 12; ring++) {
    const candidates: Position[] = [];
    for (let dy = -ring; dy <= ring; dy++)
      for (let dx = -ring; dx <= ring; dx++)
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) candidates.push({ x: preferred.x + dx * stepX, y: preferred.y + dy * stepY });
    // Nearest first; ties to the right, then below (the direction campaigns grow in).
    candidates.sort((a, b) => dist(a, preferred) - dist(b, preferred) || b.x - a.x || b.y - a.y);
    for (const at of candidates) {
      if (covers(at)) continue;
      if (inside(at)) return at;
      fallback ??= at;
    }
  }
  return fallback ?? preferred;
}

const dist = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);
