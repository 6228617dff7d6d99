import { describe, expect, it } from 'vitest';
import type { AttributeCondition, Condition, ConditionGroup } from '../domain/rule';
import {
  addCondition,
  cloneWithNewIds,
  countConditions,
  duplicateCondition,
  findCondition,
  findParent,
  moveCondition,
  moveConditionTo,
  removeCondition,
  reorderCondition,
  setCombinator,
  updateCondition,
  wrapInGroup,
} from './tree-edits';

const a = (id: string): AttributeCondition => ({ kind: 'attribute', id, path: ['country'], operator: 'in', value: ['FR'] });
const g = (id: string, children: Condition[], combinator: ConditionGroup['combinator'] = 'and'): ConditionGroup => ({ kind: 'group', id, combinator, children });
const ids = (c: Condition): string[] => (c.kind === 'group' ? c.children.map((x) => x.id) : []);
const counter = () => {
  let n = 0;
  return () => `n${++n}`;
};

const rule = () =>
  g('root', [
    a('a'),
    g('g1', [a('b'), a('c')], 'or'),
    { kind: 'collection', id: 'k', path: ['purchases'], quantifier: 'exists', where: g('w', [a('d')]) },
  ]);

describe('tree edits', () => {
  it('find conditions and their parents, inside groups and collections', () => {
    const r = rule();
    expect(findCondition(r, 'd')?.id).toBe('d');
    expect(findParent(r, 'c')).toMatchObject({ group: { id: 'g1' }, index: 1 });
    expect(findParent(r, 'd')?.group.id).toBe('w');
    expect(findParent(r, 'root')).toBeUndefined();
  });

  it('add, remove and update without touching the original', () => {
    const r = rule();
    const before = JSON.stringify(r);
    const added = addCondition(r, 'g1', a('x'), 0);
    expect(ids(findCondition(added, 'g1')!)).toEqual(['x', 'b', 'c']);
    expect(ids(removeCondition(r, 'a'))).toEqual(['g1', 'k']);
    expect(ids(findCondition(removeCondition(r, 'd'), 'w')!)).toEqual([]);
    const updated = updateCondition(r, 'b', (c) => ({ ...c, operator: 'not-in' }) as Condition);
    expect((findCondition(updated, 'b') as AttributeCondition).operator).toBe('not-in');
    expect(updated.children[0]).toBe(r.children[0]);
    expect(JSON.stringify(r)).toBe(before);
    expect(removeCondition(r, 'nope')).toBe(r);
  });

  it('duplicate with fresh ids right after the original', () => {
    const { rule: r, copyId } = duplicateCondition(rule(), 'g1', counter());
    expect(ids(r)).toEqual(['a', 'g1', 'n1', 'k']);
    expect(copyId).toBe('n1');
    expect(ids(findCondition(r, 'n1')!)).toEqual(['n2', 'n3']);
    const copied = cloneWithNewIds(rule().children[2]!, counter());
    expect(copied.kind === 'collection' && copied.where.children[0]!.id).toBe('n3');
  });

  it('move up and down, and reorder within bounds', () => {
    expect(ids(moveCondition(rule(), 'k', -1))).toEqual(['a', 'k', 'g1']);
    expect(ids(moveCondition(rule(), 'a', 1))).toEqual(['g1', 'a', 'k']);
    const r = rule();
    expect(moveCondition(r, 'a', -1)).toBe(r);
    expect(ids(reorderCondition(r, 'root', 0, 2))).toEqual(['g1', 'k', 'a']);
    expect(reorderCondition(r, 'root', 0, 9)).toBe(r);
  });

  it('move into another group, but never into itself', () => {
    const r = rule();
    const moved = moveConditionTo(r, 'a', 'g1', 1);
    expect(ids(moved)).toEqual(['g1', 'k']);
    expect(ids(findCondition(moved, 'g1')!)).toEqual(['b', 'a', 'c']);
    expect(moveConditionTo(r, 'g1', 'g1', 0)).toBe(r);
    expect(ids(moveConditionTo(r, 'a', 'root', 3))).toEqual(['g1', 'k', 'a']);
  });

  it('change a combinator and wrap a condition in a group', () => {
    const r = setCombinator(rule(), 'g1', 'except');
    expect((findCondition(r, 'g1') as ConditionGroup).combinator).toBe('except');
    const wrapped = wrapInGroup(rule(), 'a', counter());
    expect(ids(wrapped)).toEqual(['n1', 'g1', 'k']);
    expect(ids(findCondition(wrapped, 'n1')!)).toEqual(['a']);
    expect(countConditions(rule())).toBe(5);
  });
});
