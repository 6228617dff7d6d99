import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { Condition, ConditionGroup } from '../domain/rule';
import { newId } from '../domain/ids';
import { cloneWithNewIds } from './tree-edits';
import { findNestingProblem, MAX_RULE_DEPTH } from '../domain/nesting';
import { describeChain, savedFilterDepths, type FilterDepth } from '../domain/saved-filter-depth';

/** A rule saved under a name, to be applied in other rules and campaigns. */
export interface SavedFilter {
  id: string;
  name: string;
  /** Entity the rule applies to, e.g. `profiles`. */
  entity: string;
  rule: ConditionGroup;
  savedAt: string;
}

/** Where saved filters are kept; IndexedDB in the browser, a map in tests. */
export interface SavedFilterStore {
  list(): Promise<SavedFilter[]>;
  get(id: string): Promise<SavedFilter | undefined>;
  put(filter: SavedFilter): Promise<void>;
  remove(id: string): Promise<void>;
}

let idbStore: UseStore | undefined;

/** Saved filters in their own IndexedDB database, apart from campaigns. */
export function idbSavedFilterStore(): SavedFilterStore {
  const store = () => (idbStore ??= createStore('campaign-canvas-filters', 'filters'));
  return {
    list: async () => (await values<SavedFilter>(store())).sort((a, b) => a.name.localeCompare(b.name)),
    get: (id) => get<SavedFilter>(id, store()),
    put: (filter) => set(filter.id, filter, store()),
    remove: (id) => del(id, store()),
  };
}

/** An in-memory store, for tests. */
export function memorySavedFilterStore(): SavedFilterStore {
  const map = new Map<string, SavedFilter>();
  return {
    list: async () => [...map.values()].sort((a, b) => a.name.localeCompare(b.name)),
    get: async (id) => map.get(id),
    put: async (filter) => void map.set(filter.id, structuredClone(filter)),
    remove: async (id) => void map.delete(id),
  };
}

/** Depths of saved filters among `filters` (see savedFilterDepths). */
export function filterDepths(filters: readonly SavedFilter[]): (filterId: string) => FilterDepth | undefined {
  const byId = new Map(filters.map((f) => [f.id, f]));
  return savedFilterDepths((id) => byId.get(id));
}

/**
 * Why `filter` cannot be kept beside `others` because of how deeply it nests, or undefined: its own
 * rule past MAX_RULE_DEPTH groups, its rule with the filters it links expanded, or a filter that
 * links it (directly or not) that would then nest too deeply.
 */
export function filterDepthProblem(filter: SavedFilter, others: readonly SavedFilter[]): string | undefined {
  const own = findNestingProblem(filter.rule, ['rule']);
  if (own) return `The filter “${filter.name}” is nested too deeply: ${own.path}: ${own.message}.`;
  const all = [...others.filter((f) => f.id !== filter.id), filter];
  const depthOf = filterDepths(all);
  const tooDeep = (f: SavedFilter) => (depthOf(f.id)?.depth ?? 0) > MAX_RULE_DEPTH;
  if (tooDeep(filter))
    return `A rule nests at most ${MAX_RULE_DEPTH} groups deep; the filter “${filter.name}” with the saved filters it links, ${describeChain(depthOf(filter.id)!.chain.slice(1))}, nests more than that.`;
  const linking = all.find((f) => f !== filter && tooDeep(f) && depthOf(f.id)!.ids.includes(filter.id));
  if (linking)
    return `A rule nests at most ${MAX_RULE_DEPTH} groups deep; the saved filter ${describeChain(depthOf(linking.id)!.chain)} would nest more than that with this filter.`;
  return undefined;
}

/**
 * Saves `rule` under `name`; a filter of the same name and entity is replaced. A rule nested past
 * MAX_RULE_DEPTH groups, by itself or through the saved filters it links (or that link it), is
 * refused with what and where, as in a campaign.
 */
export async function saveFilter(store: SavedFilterStore, name: string, entity: string, rule: ConditionGroup): Promise<SavedFilter> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A saved filter needs a name.');
  const all = await store.list();
  const existing = all.find((f) => f.entity === entity && f.name.toLowerCase() === trimmed.toLowerCase());
  const filter: SavedFilter = { id: existing?.id ?? newId('filter'), name: trimmed, entity, rule: structuredClone(rule), savedAt: new Date().toISOString() };
  const problem = filterDepthProblem(filter, all);
  if (problem) throw new Error(problem);
  await store.put(filter);
  return filter;
}

/**
 * The saved filters read from the browser that can be used, and a message for each left out: one
 * whose rule nests past MAX_RULE_DEPTH groups (kept by an older version, or edited by hand) would
 * otherwise be drawn or compiled group by group. The filter stays stored; nothing is deleted.
 */
export function usableSavedFilters(stored: readonly SavedFilter[]): { filters: SavedFilter[]; problems: string[] } {
  const filters: SavedFilter[] = [];
  const problems: string[] = [];
  for (const f of stored) {
    const own = findNestingProblem(f.rule, ['rule']);
    if (own) problems.push(`The saved filter “${f.name}” is left out: ${own.path}: ${own.message}.`);
    else filters.push(f);
  }
  return { filters, problems };
}

/** A copy of a saved filter's rule with fresh ids, to insert into another rule as a group. */
export function copyOfFilter(filter: SavedFilter): ConditionGroup {
  return cloneWithNewIds(filter.rule) as ConditionGroup;
}

/**
 * The rule with every `saved-filter` condition replaced by the filter's rule (keeping the
 * condition's id), for engines that do not know the saved filters. A filter that is missing, on
 * another entity, or refers to itself is left as is, so the engine reports it.
 */
export function inlineSavedFilters(rule: ConditionGroup, lookup: (id: string) => SavedFilter | undefined, entity: string, trail: readonly string[] = []): ConditionGroup {
  const visit = (c: Condition, scopeEntity: string): Condition => {
    switch (c.kind) {
      case 'group':
        return { ...c, children: c.children.map((x) => visit(x, scopeEntity)) };
      case 'collection':
        return c; // sub-conditions are on another entity; saved filters there are resolved by the engine
      case 'saved-filter': {
        const f = lookup(c.filterId);
        // Past MAX_RULE_DEPTH filters in a chain the rule is too deep already: not followed further.
        if (!f || f.entity !== scopeEntity || trail.includes(f.id) || trail.length > MAX_RULE_DEPTH) return c;
        return { ...inlineSavedFilters(f.rule, lookup, scopeEntity, [...trail, f.id]), id: c.id };
      }
      default:
        return c;
    }
  };
  return visit(rule, entity) as ConditionGroup;
}
