import { describe, expect, it } from 'vitest';
import { MAX_RULE_DEPTH, findNestingProblem } from '../domain/nesting';
import type { ConditionGroup } from '../domain/rule';
import { GROUP_DEPTH_REASON, groupDepthBlock } from './group-level';
import { addCondition, wrapInGroup } from './tree-edits';

/** A rule of `levels` groups, each the only child of the one above; the deepest holds one condition. */
function chain(levels: number): ConditionGroup {
  let g: ConditionGroup = { kind: 'group', id: `g${levels}`, combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['country'], operator: 'equals', value: 'FR' }] };
  for (let i = levels - 1; i >= 1; i--) g = { kind: 'group', id: `g${i}`, combinator: 'and', children: [g] };
  return g;
}

describe('groupDepthBlock: whether a group may be added inside a group at a level', () => {
  it('allows it below the deepest level and says why not at it', () => {
    expect(groupDepthBlock(1)).toBeUndefined();
    expect(groupDepthBlock(MAX_RULE_DEPTH - 1)).toBeUndefined();
    expect(groupDepthBlock(MAX_RULE_DEPTH)).toBe('Rules nest at most 32 groups deep');
    expect(groupDepthBlock(MAX_RULE_DEPTH + 5)).toBe(GROUP_DEPTH_REASON);
  });

  it('agrees with the nesting check: what it allows is accepted, what it blocks would be refused', () => {
    const group = { kind: 'group', id: 'new', combinator: 'or', children: [] } as ConditionGroup;
    for (const level of [MAX_RULE_DEPTH - 1, MAX_RULE_DEPTH]) {
      const rule = chain(level);
      const added = addCondition(rule, `g${level}`, group);
      const wrapped = wrapInGroup(rule, 'a');
      const refused = findNestingProblem(added) !== undefined;
      expect(refused).toBe(groupDepthBlock(level) !== undefined);
      expect(findNestingProblem(wrapped) !== undefined).toBe(refused);
    }
  });
});
