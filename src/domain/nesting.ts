import { formatPath } from './zod-issues';

/**
 * How deeply rules and documents may nest (see docs/campaign-format.md, Limits). A marketer's rule
 * rarely goes past four or five levels of groups; 32 leaves room for generated rules while keeping
 * every recursive step after it (zod, the SQL compiler, hashing, the worker's message copy) far from
 * the stack's limit.
 */
export const MAX_RULE_DEPTH = 32;
/** Any other nesting of a campaign document (objects and lists), with rules at their deepest. */
export const MAX_DOCUMENT_DEPTH = 128;

export interface NestingProblem {
  /** Path of the first value too deep, as `activities[0].config.rule.children[0]`. */
  path: string;
  message: string;
}

interface Visit {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Visit | undefined;
  depth: number;
  groups: number;
}

function pathOf(visit: Visit, base: readonly PropertyKey[]): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let v: Visit | undefined = visit; v && v.key !== undefined; v = v.parent) keys.push(v.key);
  return [...base, ...keys.reverse()];
}

/**
 * The first place where `value` nests too deeply: a rule group below MAX_RULE_DEPTH levels of groups
 * (a collection's sub-conditions are a group too), or anything deeper than MAX_DOCUMENT_DEPTH.
 * Walks the value with its own stack, never by recursion, so that it answers for any depth; it runs
 * before zod, whose parse of a rule recurses. `base` is the path of `value` in its document.
 */
export function findNestingProblem(value: unknown, base: readonly PropertyKey[] = []): NestingProblem | undefined {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0, groups: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v !== 'object' || v === null) continue;
    const isGroup = !Array.isArray(v) && (v as { kind?: unknown }).kind === 'group';
    const groups = visit.groups + (isGroup ? 1 : 0);
    if (groups > MAX_RULE_DEPTH)
      return {
        path: formatPath(pathOf(visit, base)),
        message: `a rule nests at most ${MAX_RULE_DEPTH} groups deep; this group is at level ${groups}`,
      };
    if (visit.depth >= MAX_DOCUMENT_DEPTH)
      return { path: formatPath(pathOf(visit, base)), message: `nested more than ${MAX_DOCUMENT_DEPTH} levels deep` };
    const entries: [PropertyKey, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    // Pushed in reverse so that the first problem in document order is the one found first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: visit, depth: visit.depth + 1, groups });
    }
  }
  return undefined;
}
