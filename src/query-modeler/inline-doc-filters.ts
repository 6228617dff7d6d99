import type { Activity, CampaignDoc } from '../domain/campaign';
import type { Condition, ConditionGroup } from '../domain/rule';
import type { SavedFilter } from './saved-filters';
import { MAX_RULE_DEPTH } from '../domain/nesting';

/**
 * The campaign with every linked saved filter replaced by the rule it names, wherever a rule sits
 * in an activity's config (Build audience, Split subsets, Enrichment filters...). Saved filters
 * live in the browser, not in the engine, so the engine is given the rules themselves. Unknown
 * filters and filters that refer to themselves stay as they are, and the engine reports them on
 * their activity. Objects that hold no linked filter keep their identity, so a campaign without
 * any is returned as is.
 */
export function inlineSavedFiltersInDoc(doc: CampaignDoc, filters: readonly SavedFilter[]): CampaignDoc {
  if (filters.length === 0) return doc;
  const byId = new Map(filters.map((f) => [f.id, f]));
  let changed = false;
  const activities = doc.activities.map((a): Activity => {
    const config = inlineValue(a.config, byId, []) as Record<string, unknown>;
    if (config === a.config) return a;
    changed = true;
    return { ...a, config };
  });
  return changed ? { ...doc, activities } : doc;
}

function isGroup(v: unknown): v is ConditionGroup {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'group' && Array.isArray((v as { children?: unknown }).children);
}

function inlineValue(value: unknown, byId: Map<string, SavedFilter>, trail: readonly string[]): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const n = inlineValue(v, byId, trail);
      if (n !== v) changed = true;
      return n;
    });
    return changed ? next : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (isGroup(value)) return inlineGroup(value, byId, trail);
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const n = inlineValue(v, byId, trail);
    if (n !== v) changed = true;
    next[k] = n;
  }
  return changed ? next : value;
}

function inlineGroup(group: ConditionGroup, byId: Map<string, SavedFilter>, trail: readonly string[]): ConditionGroup {
  let changed = false;
  const children = group.children.map((c): Condition => {
    let next: Condition = c;
    if (c.kind === 'saved-filter') {
      const f = byId.get(c.filterId);
      // Each filter adds a group at least: past MAX_RULE_DEPTH filters in a chain the rule is too
      // deep already (and refused as such), so a longer chain is not followed to the stack's end.
      if (f && !trail.includes(f.id) && trail.length <= MAX_RULE_DEPTH) next = { ...inlineGroup(f.rule, byId, [...trail, f.id]), id: c.id };
    } else {
      next = inlineValue(c, byId, trail) as Condition;
    }
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...group, children } : group;
}
