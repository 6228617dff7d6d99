import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';

/** A walk through links of any cardinality from one entity to another. */
export interface LinkPathChoice {
  path: string[];
  /** Entity reached. */
  target: string;
  /** "Purchases › Product", for people. */
  label: string;
  /** True when some link on the way leads to many records (one record becomes several). */
  toMany: boolean;
}

/**
 * Every link path from `from` up to `depth` links long that never comes back to an entity already
 * on the way (profile -> account -> profile is not offered; Change dimension to profiles is the
 * empty walk). Optionally only the paths reaching `to`. Shortest paths first.
 */
export function linkPaths(model: DataModel, from: string, options: { to?: string; depth?: number } = {}): LinkPathChoice[] {
  const depth = options.depth ?? 2;
  const out: LinkPathChoice[] = [];
  let frontier: { entity: string; path: string[]; labels: string[]; seen: Set<string>; toMany: boolean }[] = [{ entity: from, path: [], labels: [], seen: new Set([from]), toMany: false }];
  for (let d = 0; d < depth; d++) {
    const next: typeof frontier = [];
    for (const f of frontier) {
      const entity = findEntity(model, f.entity);
      if (!entity) continue;
      for (const link of entity.links) {
        if (f.seen.has(link.target) || !findEntity(model, link.target)) continue;
        const step = { entity: link.target, path: [...f.path, link.name], labels: [...f.labels, labelOf(link)], seen: new Set([...f.seen, link.target]), toMany: f.toMany || link.cardinality === 'one-to-many' };
        next.push(step);
        if (options.to === undefined || options.to === link.target) out.push({ path: step.path, target: link.target, label: step.labels.join(' › '), toMany: step.toMany });
      }
    }
    frontier = next;
  }
  return out;
}
