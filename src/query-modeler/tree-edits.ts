import type { Condition, ConditionGroup } from '../domain/rule';
import { newId } from '../domain/ids';

/**
 * Immutable edits of a rule tree, by condition id. Every function returns a new root (unchanged
 * branches are shared) and returns the same root when the id is not found, so a stale click can
 * never corrupt a rule. Collection sub-conditions (`where`) are part of the tree.
 */

/** A fresh condition id. */
export function newConditionId(): string {
  return newId('c');
}

/** The condition with `id`, searching groups and collection sub-conditions. */
export function findCondition(root: Condition, id: string): Condition | undefined {
  if (root.id === id) return root;
  for (const child of childrenOf(root)) {
    const found = findCondition(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The group holding `id` and its index there. */
export function findParent(root: Condition, id: string): { group: ConditionGroup; index: number } | undefined {
  if (root.kind === 'group') {
    const index = root.children.findIndex((c) => c.id === id);
    if (index >= 0) return { group: root, index };
  }
  for (const child of childrenOf(root)) {
    const found = findParent(child, id);
    if (found) return found;
  }
  return undefined;
}

function childrenOf(c: Condition): Condition[] {
  if (c.kind === 'group') return c.children;
  if (c.kind === 'collection') return [c.where];
  return [];
}

/** Rebuilds the tree, replacing each node by `fn(node)` after its children were rebuilt. */
function mapTree<T extends Condition>(node: T, fn: (c: Condition) => Condition): Condition {
  let next: Condition = node;
  if (node.kind === 'group') {
    const children = node.children.map((c) => mapTree(c, fn));
    if (children.some((c, i) => c !== node.children[i])) next = { ...node, children };
  } else if (node.kind === 'collection') {
    const where = mapTree(node.where, fn) as ConditionGroup;
    if (where !== node.where) next = { ...node, where };
  }
  return fn(next);
}

function asGroup(c: Condition, fallback: ConditionGroup): ConditionGroup {
  return c.kind === 'group' ? c : fallback;
}

/** Replaces the condition `id` with `fn(condition)`. */
export function updateCondition(root: ConditionGroup, id: string, fn: (c: Condition) => Condition): ConditionGroup {
  return asGroup(
    mapTree(root, (c) => (c.id === id ? fn(c) : c)),
    root,
  );
}

/** Edits the group `groupId`'s children. */
function updateChildren(root: ConditionGroup, groupId: string, fn: (children: Condition[]) => Condition[]): ConditionGroup {
  return updateCondition(root, groupId, (g) => (g.kind === 'group' ? { ...g, children: fn(g.children) } : g));
}

/** Adds `condition` to the group `groupId`, at `index` (the end by default). */
export function addCondition(root: ConditionGroup, groupId: string, condition: Condition, index?: number): ConditionGroup {
  return updateChildren(root, groupId, (children) => {
    const at = index === undefined ? children.length : Math.max(0, Math.min(children.length, index));
    return [...children.slice(0, at), condition, ...children.slice(at)];
  });
}

/** Removes the condition `id` (never the root). */
export function removeCondition(root: ConditionGroup, id: string): ConditionGroup {
  const parent = findParent(root, id);
  if (!parent) return root;
  return updateChildren(root, parent.group.id, (children) => children.filter((c) => c.id !== id));
}

/** A deep copy of `c` with fresh ids everywhere, so that copies never share an id. */
export function cloneWithNewIds(c: Condition, makeId: () => string = newConditionId): Condition {
  switch (c.kind) {
    case 'group':
      return { ...c, id: makeId(), children: c.children.map((x) => cloneWithNewIds(x, makeId)) };
    case 'collection':
      return { ...c, id: makeId(), where: cloneWithNewIds(c.where, makeId) as ConditionGroup, ...(c.aggregate ? { aggregate: { ...c.aggregate } } : {}) };
    case 'attribute':
      return { ...c, id: makeId(), path: [...c.path], ...(Array.isArray(c.value) ? { value: [...c.value] } : {}) };
    default:
      return { ...c, id: makeId() };
  }
}

/** Inserts a copy of the condition `id` right after it. Returns the copy's id too. */
export function duplicateCondition(root: ConditionGroup, id: string, makeId: () => string = newConditionId): { rule: ConditionGroup; copyId?: string } {
  const parent = findParent(root, id);
  if (!parent) return { rule: root };
  const copy = cloneWithNewIds(parent.group.children[parent.index]!, makeId);
  return { rule: addCondition(root, parent.group.id, copy, parent.index + 1), copyId: copy.id };
}

/** Moves the condition `id` one place up (-1) or down (+1) in its group. */
export function moveCondition(root: ConditionGroup, id: string, delta: -1 | 1): ConditionGroup {
  const parent = findParent(root, id);
  if (!parent) return root;
  return reorderCondition(root, parent.group.id, parent.index, parent.index + delta);
}

/** Moves the child at `from` of the group `groupId` to `to`. */
export function reorderCondition(root: ConditionGroup, groupId: string, from: number, to: number): ConditionGroup {
  const group = findCondition(root, groupId);
  if (!group || group.kind !== 'group') return root;
  const n = group.children.length;
  if (from < 0 || from >= n || to < 0 || to >= n || from === to) return root;
  return updateChildren(root, groupId, (children) => {
    const next = [...children];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    return next;
  });
}

/**
 * Moves the condition `id` into the group `groupId` at `index`. Refused (same root) when the
 * target group is the condition itself or inside it.
 */
export function moveConditionTo(root: ConditionGroup, id: string, groupId: string, index: number): ConditionGroup {
  const moving = findCondition(root, id);
  if (!moving || moving === root || findCondition(moving, groupId)) return root;
  const parent = findParent(root, id)!;
  if (parent.group.id === groupId) {
    const to = index > parent.index ? index - 1 : index;
    return reorderCondition(root, groupId, parent.index, Math.min(to, parent.group.children.length - 1));
  }
  return addCondition(removeCondition(root, id), groupId, moving, index);
}

/** Sets how the group `groupId` combines its children. */
export function setCombinator(root: ConditionGroup, groupId: string, combinator: ConditionGroup['combinator']): ConditionGroup {
  return updateCondition(root, groupId, (g) => (g.kind === 'group' && g.combinator !== combinator ? { ...g, combinator } : g));
}

/** Wraps the condition `id` in a new AND group, in its place. */
export function wrapInGroup(root: ConditionGroup, id: string, makeId: () => string = newConditionId): ConditionGroup {
  const parent = findParent(root, id);
  if (!parent) return root;
  return updateCondition(root, id, (c) => ({ kind: 'group', id: makeId(), combinator: 'and', children: [c] }));
}

/** Number of conditions (not groups) in a rule, sub-conditions included. */
export function countConditions(c: Condition): number {
  if (c.kind === 'group') return c.children.reduce((n, x) => n + countConditions(x), 0);
  if (c.kind === 'collection') return 1 + countConditions(c.where);
  return 1;
}
