import { describe, expect, it } from 'vitest';
import { sampleDataModel as model } from '../data/sample-model';
import { findEntity } from '../../domain/data-model';
import type { ConditionGroup } from '../../domain/rule';
import { CompileError } from '../../activities/compile-types';
import { ruleSql } from './rule-sql';
import { MAX_RULE_DEPTH } from '../../domain/nesting';
import type { RuleScope } from './rule-sql';
import { duckdbDialect } from '../sql/dialect';

const rule = (children: ConditionGroup['children']): ConditionGroup => ({ kind: 'group', id: 'g', combinator: 'and', children });
const optIn = rule([{ kind: 'attribute', id: 'a', path: ['email_opt_in'], operator: 'is-true' }]);
const loop = rule([{ kind: 'saved-filter', id: 's', filterId: 'loop' }]);
const filters: Record<string, { entity: string; rule: ConditionGroup }> = {
  'opt-in': { entity: 'profiles', rule: optIn },
  loop: { entity: 'profiles', rule: loop },
  accounts: { entity: 'accounts', rule: rule([]) },
};
const scope = (withLookup: boolean): RuleScope => ({
  dialect: duckdbDialect,
  model,
  entity: findEntity(model, 'profiles')!,
  alias: 't',
  facts: (sql) => `(${sql})`,
  referenceDate: model.referenceDate,
  table: (e) => `"ds"."${e}"`,
  aliases: { next: 0 },
  ...(withLookup ? { savedFilter: (id: string) => filters[id] } : {}),
});

describe('saved-filter conditions', () => {
  it('compile to the saved rule through the lookup', () => {
    const sql = ruleSql(rule([{ kind: 'saved-filter', id: 's', filterId: 'opt-in' }]), scope(true));
    expect(sql).toBe(ruleSql(optIn, scope(true)));
  });
  it('explain what is wrong instead of compiling', () => {
    const use = (filterId: string, s: RuleScope) => () => ruleSql(rule([{ kind: 'saved-filter', id: 's', filterId }]), s);
    expect(use('opt-in', scope(false))).toThrow(CompileError);
    expect(use('missing', scope(true))).toThrow('not available');
    expect(use('accounts', scope(true))).toThrow('cannot be used on Profiles');
    expect(use('loop', scope(true))).toThrow('refers to itself');
  });
});

/** `levels` groups, each the only child of the one above, around `inner`. */
function nest(levels: number, inner: ConditionGroup['children'][number]): ConditionGroup {
  let g = rule([inner]);
  for (let i = 1; i < levels; i++) g = rule([g]);
  return g;
}
const link = (filterId: string): ConditionGroup['children'][number] => ({ kind: 'saved-filter', id: `to-${filterId}`, filterId });

describe('saved filters nested past the rule depth', () => {
  const optInCondition = optIn.children[0]!;
  /** Filters n0 → n1 → … each `levels` groups around a link to the next, the last around a condition. */
  const chain = (n: number, levels: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, { entity: 'profiles', name: `Level ${i}`, rule: nest(levels, i === n - 1 ? optInCondition : link(`n${i + 1}`)) }]));
  const scoped = (lookup: Record<string, { entity: string; rule: ConditionGroup; name: string }>): RuleScope => ({ ...scope(false), savedFilter: (id: string) => lookup[id] });

  it('compile up to 32 groups and are refused past it, naming the filters that take the rule there', () => {
    // The rule's group, then 3 filters of 10 groups: 31; one more group around the link makes 32.
    expect(ruleSql(nest(2, link('n0')), scoped(chain(3, 10)))).toContain('email_opt_in');
    expect(() => ruleSql(nest(3, link('n0')), scoped(chain(3, 10)))).toThrow(
      new CompileError(`A rule nests at most ${MAX_RULE_DEPTH} groups deep; with the saved filter “Level 0” (through “Level 1”, “Level 2”) this one nests 33 groups deep.`),
    );
  });

  it('a chain of thousands of filters is refused without exhausting the stack', () => {
    expect(() => ruleSql(rule([link('n0')]), scoped(chain(5_000, 1)))).toThrow(/nests at most 32 groups deep; with the saved filter “Level 0” \(through “Level 1”.*“Level 31”\) this one nests 33 groups deep/);
  });
});
