import type { Condition, ConditionGroup } from './rule';
import { findNestingProblem, MAX_RULE_DEPTH } from './nesting';

/** What the depth of a saved filter depends on: its name (for messages) and its rule. */
export interface FilterForDepth {
  name: string;
  rule: ConditionGroup;
}

/**
 * How many levels of groups a saved filter's rule takes once every linked saved filter is replaced
 * by its rule (its own group is level 1), and the filters along its deepest path, this one first.
 * A depth above MAX_RULE_DEPTH may be a lower bound: the walk stops counting there.
 */
export interface FilterDepth {
  depth: number;
  /** Names of the filters along the deepest path. */
  chain: string[];
  /** Their ids, in the same order. */
  ids: string[];
}

const TOO_DEEP = MAX_RULE_DEPTH + 1;

/**
 * Depths of saved filters, each computed once (a filter linked from many places is walked once).
 * Links to missing filters and links back to a filter being expanded count as no level: those are
 * reported elsewhere ("no longer exists", "refers to itself"). A filter whose own rule is nested too
 * deeply is not walked (its depth is MAX_RULE_DEPTH + 1), and neither is a chain of more linked
 * filters than levels allowed, so that any input answers without exhausting the stack.
 */
export function savedFilterDepths(lookup: (filterId: string) => FilterForDepth | undefined): (filterId: string) => FilterDepth | undefined {
  const known = new Map<string, FilterDepth>();
  const expanding: string[] = [];

  const ofFilter = (id: string): FilterDepth | undefined => {
    const cached = known.get(id);
    if (cached) return cached;
    const filter = lookup(id);
    if (!filter || expanding.includes(id)) return undefined;
    // Each linked filter adds at least its own group: a longer chain is too deep already.
    if (expanding.length >= MAX_RULE_DEPTH) return { depth: TOO_DEEP, chain: [filter.name], ids: [id] };
    if (findNestingProblem(filter.rule)) {
      const own = { depth: TOO_DEEP, chain: [filter.name], ids: [id] };
      known.set(id, own);
      return own;
    }
    expanding.push(id);
    const inner = ofCondition(filter.rule);
    expanding.pop();
    const result = { depth: inner.depth, chain: [filter.name, ...inner.chain], ids: [id, ...inner.ids] };
    // A result cut short by the chain's length depends on where the walk started: not kept.
    if (result.depth <= MAX_RULE_DEPTH || expanding.length === 0) known.set(id, result);
    return result;
  };

  // Levels of groups within one condition of a rule already checked by findNestingProblem (at most
  // MAX_RULE_DEPTH deep, so this recursion is short).
  const ofCondition = (c: Condition): FilterDepth => {
    switch (c.kind) {
      case 'group': {
        let deepest: FilterDepth = { depth: 0, chain: [], ids: [] };
        for (const child of c.children) {
          const d = ofCondition(child);
          if (d.depth > deepest.depth) deepest = d;
          // Too deep already: the rest cannot change that (and is not walked again and again).
          if (d.depth > MAX_RULE_DEPTH) break;
        }
        return { depth: deepest.depth + 1, chain: deepest.chain, ids: deepest.ids };
      }
      case 'collection':
        // Its sub-conditions are a group below the condition's own group, as in findNestingProblem.
        return c.where ? ofCondition(c.where) : { depth: 0, chain: [], ids: [] };
      case 'saved-filter':
        // The filter's rule takes the condition's place, its group one level below.
        return ofFilter(c.filterId) ?? { depth: 0, chain: [], ids: [] };
      default:
        return { depth: 0, chain: [], ids: [] };
    }
  };

  return ofFilter;
}

/** “A”, or “A” (through “B”, “C”): the saved filters along a deepest path, for messages. */
export function describeChain(chain: readonly string[]): string {
  const [first, ...rest] = chain;
  const quoted = (name: string) => `“${name}”`;
  return rest.length === 0 ? quoted(first ?? '') : `${quoted(first ?? '')} (through ${rest.map(quoted).join(', ')})`;
}

/**
 * The problem of a saved-filter link below `enclosingGroups` groups whose filter's rule, once
 * expanded, nests past MAX_RULE_DEPTH; undefined when it fits.
 */
export function linkedFilterDepthMessage(enclosingGroups: number, depth: FilterDepth): string | undefined {
  const level = enclosingGroups + depth.depth;
  if (level <= MAX_RULE_DEPTH) return undefined;
  const reached = depth.depth > MAX_RULE_DEPTH ? `more than ${MAX_RULE_DEPTH}` : String(level);
  return `A rule nests at most ${MAX_RULE_DEPTH} groups deep; with the saved filter ${describeChain(depth.chain)} this one nests ${reached} groups deep.`;
}
