import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { Condition, ConditionGroup } from '../domain/rule';
import { newId } from '../domain/ids';
import { cloneWithNewIds } from './tree-edits';

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

/** Saves `rule` under `name`; a filter of the same name and entity is replaced. */
export async function saveFilter(store: SavedFilterStore, name: string, entity: string, rule: ConditionGroup): Promise<SavedFilter> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A saved filter needs a name.');
  const existing = (await store.list()).find((f) => f.entity === entity && f.name.toLowerCase() === trimmed.toLowerCase());
  const filter: SavedFilter = { id: existing?.id ?? newId('filter'), name: trimmed, entity, rule: structuredClone(rule), savedAt: new Date().toISOString() };
  await store.put(filter);
  return filter;
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
        if (!f || f.entity !== scopeEntity || trail.includes(f.id)) return c;
        return { ...inlineSavedFilters(f.rule, lookup, scopeEntity, [...trail, f.id]), id: c.id };
      }
      default:
        return c;
    }
  };
  return visit(rule, entity) as ConditionGroup;
}
